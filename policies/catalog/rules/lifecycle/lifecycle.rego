# METADATA
# title: A published image lives until its end of life
# description: >-
#   A published image is not deleted before its end of life (properties.provided_until, a date on or after the
#   day of the decision): a version line's retention deletes a version only once it is past it.
# custom:
#   id: lifecycle
#   remediation: >-
#     Keep the version until its end of life (retention removes it after that day), or set an earlier endOfLife
#     first and delete it in a later run.
package catalog.rules.lifecycle

import data.catalog.lib

# The day of the decision; without one, no end of life counts as passed and every one as still ahead.
_today := lib.today_else_first

# METADATA
# scope: document
# description: Every lifecycle violation of the changes in input.
violations contains lib.violation(rego.metadata.chain(), change, "properties.provided_until", message) if {
	some change in input.changes
	change.kind == "image"
	change.action == "delete"
	lib.published(change.before)
	until := lib.end_of_life(change.before)
	until >= _today
	message := concat("", [
		"published image ", json.marshal(change.before.name), " cannot be deleted before its end of life (provided_until ",
		until, ")",
	])
}
