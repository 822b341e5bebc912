# METADATA
# title: A published image lives until its end of life
# description: >-
#   A published image is not deleted before its end of life (properties.provided_until, a date on or after the
#   day of the decision): a version line's retention deletes a version only once it is past it. An audit of the live
#   catalog finds deprecated images other projects still list (not hidden) and images past their end of life that
#   are not deprecated.
# custom:
#   id: lifecycle
#   remediation: >-
#     Keep the version until its end of life (retention removes it after that day), or set an earlier endOfLife
#     first and delete it in a later run. In the live catalog, deprecate an image past its end of life and hide
#     (os_hidden) a deprecated one.
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

# In an audit: a deprecated image other projects still find in their default lists.
violations contains lib.violation(rego.metadata.chain(), change, "os_hidden", message) if {
	some change in lib.audit_writes
	change.after.properties.deprecated == "true"
	change.after.visibility != "private"
	not change.after.os_hidden == true
	message := concat("", [
		"deprecated image is still listed to other projects (visibility ", change.after.visibility,
		", not hidden): hide it (os_hidden), its members keep booting it by id",
	])
}

# In an audit: an image past its end of life that is still current (not deprecated).
violations contains lib.violation(rego.metadata.chain(), change, "properties.deprecated", message) if {
	some change in lib.audit_writes
	until := lib.end_of_life(change.after)
	until < _today
	not change.after.properties.deprecated == "true"
	message := concat("", ["image is past its end of life (provided_until ", until, ") but not deprecated"])
}
