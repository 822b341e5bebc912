# METADATA
# title: A published image lives until its end of life
# description: >-
#   A published image is not deleted before its end of life (properties.provided_until, a date on or after the
#   day of the decision): a version line's retention deletes a version only once it is past it. An audit of the live
#   catalog finds deprecated images other projects still find in their default lists (public, or shared with
#   accepted members, and not hidden) and images past their end of life that are not deprecated.
# custom:
#   id: lifecycle
#   remediation: >-
#     Keep the version until its end of life (retention removes it after that day), or set an earlier endOfLife
#     first and delete it in a later run. In the live catalog: deprecate an image past its end of life, and hide
#     (os_hidden) a deprecated one that projects still list.
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

# In an audit: a deprecated image other projects still find in their default lists: a public one (every
# project), or a shared one with accepted members (input.audit.accepted_members: the auditor lists the members of
# deprecated, visible, shared images). A community image is in no default list.
violations contains lib.violation(rego.metadata.chain(), change, "os_hidden", message) if {
	some change in lib.audit_writes
	change.after.properties.deprecated == "true"
	not change.after.os_hidden == true
	listed := _listed_to(change.after)
	message := concat("", [
		"deprecated image is still listed to ", listed,
		" (not hidden): hide it (os_hidden), what runs on it keeps booting it by id",
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

_listed_to(image) := listed if {
	image.visibility == "public"
	listed := "every project (public)"
} else := listed if {
	image.visibility == "shared"
	members := object.get(input.audit, ["accepted_members", image.id], [])
	count(members) > 0
	listed := sprintf("%d accepted member(s) (shared)", [count(members)])
}
