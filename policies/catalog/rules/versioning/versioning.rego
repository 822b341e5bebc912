# METADATA
# title: A new version is newer than the live catalog's, and a name is never reused
# description: >-
#   Within a family (<os>-<osversion>-<profile>) a new version is greater than every version in the live
#   catalog; an image name is never used twice (Glance allows duplicates; the catalog does not).
# custom:
#   id: versioning
#   remediation: >-
#     Publish the next version of the family (bump the minor or major number above the live latest) under a
#     name no image has; deprecate the old version instead of reusing its name.
package catalog.rules.versioning

import data.catalog.lib

# Changes that bring a name into the catalog: creates, replaces, and updates that rename.
_naming_changes contains change if {
	some change in lib.image_writes
	change.action in {"create", "replace"}
}

_naming_changes contains change if {
	some change in lib.image_writes
	change.action == "update"
	change.before.name != change.after.name
}

# METADATA
# scope: document
# description: Every versioning violation of the changes in input.
violations contains lib.undecided(rego.metadata.chain(), change, "name") if {
	some change in _naming_changes
	lib.is_unknown(change.after.name)
}

violations contains lib.violation(rego.metadata.chain(), change, "name", message) if {
	some change in _naming_changes
	parsed := lib.parse_name(change.after.name)
	self := lib.self_id(change)
	latest := max({live.version |
		some image in input.catalog.images
		image.id != self
		live := lib.parse_name(image.name)
		live.family == parsed.family
	})
	parsed.version <= latest
	message := concat("", [
		lib.version_text(parsed.version), " is not newer than ", lib.version_text(latest),
		", the latest ", parsed.family, " in the live catalog",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "name", message) if {
	some change in _naming_changes
	name := change.after.name
	not lib.is_unknown(name)
	some image in input.catalog.images
	image.name == name
	image.id != lib.self_id(change)
	message := concat("", ["name ", json.marshal(name), " is already used by image ", image.id])
}

violations contains lib.violation(rego.metadata.chain(), change, "name", message) if {
	some change in _naming_changes
	some other in _naming_changes
	other.address != change.address
	other.after.name == change.after.name
	not lib.is_unknown(change.after.name)
	message := concat("", ["name ", json.marshal(change.after.name), " is also declared by ", other.address])
}
