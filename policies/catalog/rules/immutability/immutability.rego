# METADATA
# title: A published image is immutable
# description: >-
#   An image is published once its visibility has left private (or it carries the sticky property
#   catalog_published_at). A published image's name, formats, min_disk, min_ram and properties cannot change,
#   it cannot be replaced, and it cannot be deleted unless it is deprecated. Deprecation (deprecated,
#   superseded_by), os_hidden, visibility, protection and deactivation stay allowed.
# custom:
#   id: immutability
#   remediation: >-
#     Publish a new version of the family with the change, then deprecate this one (properties.deprecated =
#     "true", superseded_by, os_hidden) — or, to delete it, deprecate it first.
package catalog.rules.immutability

import data.catalog.lib

_config := lib.config.immutability

_published_changes contains change if {
	some change in input.changes
	change.kind == "image"
	is_object(change.before)
	lib.published(change.before)
}

# METADATA
# scope: document
# description: Every immutability violation of the changes in input.
violations contains lib.undecided(rego.metadata.chain(), change, field) if {
	some change in _published_changes
	change.action == "update"
	some field in _config.fields
	lib.is_unknown(change.after[field])
}

violations contains lib.undecided(rego.metadata.chain(), change, "properties") if {
	some change in _published_changes
	change.action == "update"
	lib.is_unknown(change.after.properties)
}

violations contains lib.undecided(rego.metadata.chain(), change, field) if {
	some change in _published_changes
	change.action == "update"
	some key, value in change.after.properties
	lib.is_unknown(value)
	field := concat(".", ["properties", key])
}

violations contains lib.violation(rego.metadata.chain(), change, field, message) if {
	some change in _published_changes
	change.action == "update"
	some field in _config.fields
	before := object.get(change.before, field, null)
	after := object.get(change.after, field, null)
	not lib.is_unknown(after)
	before != after
	message := _changed(field, before, after)
}

violations contains lib.violation(rego.metadata.chain(), change, field, message) if {
	some change in _published_changes
	change.action == "update"
	before := object.get(change.before, "properties", {})
	after := object.get(change.after, "properties", {})
	not lib.is_unknown(after)
	some key in ({key | some key, _ in before} | {key | some key, _ in after})
	not key in _config.mutable_properties
	old := object.get(before, key, null)
	new := object.get(after, key, null)
	not lib.is_unknown(new)
	old != new
	field := concat(".", ["properties", key])
	message := _changed(field, old, new)
}

violations contains lib.violation(rego.metadata.chain(), change, "image", message) if {
	some change in _published_changes
	change.action == "replace"
	message := concat("", ["published image ", json.marshal(change.before.name), " cannot be replaced", _data_note(change)])
}

violations contains lib.violation(rego.metadata.chain(), change, "properties.deprecated", message) if {
	some change in _published_changes
	change.action == "delete"
	object.get(change.before, ["properties", "deprecated"], "false") != "true"
	message := concat("", [
		"published image ", json.marshal(change.before.name),
		" cannot be deleted before it is deprecated",
	])
}

_changed(field, old, new) := concat("", [
	field, " cannot change after publish (",
	json.marshal(old), " -> ", json.marshal(new), ")",
])

# The source's data (after.os_hash_value, a file rebuilt at the same path) is not the data Glance has.
_data_note(change) := concat("", [
	": its source's data changed (sha512 ", substring(was, 0, 16), "… -> ", substring(now, 0, 16), "…)",
]) if {
	was := change.before.os_hash_value
	is_string(was)
	now := change.after.os_hash_value
	is_string(now)
	was != now
} else := ""
