# METADATA
# title: Catalog images carry the scheduling metadata
# description: >-
#   Every image written carries the properties listed in data (os_distro, os_version, hw_disk_bus,
#   hw_vif_model, description), non-empty, and within their allowed values where data lists them (an update is
#   judged on the properties it changes); a stack turns one off with "required": false.
# custom:
#   id: required_metadata
#   remediation: >-
#     Set the property under properties, as a non-empty string from the allowed values (policies/data.json,
#     required_metadata).
package catalog.rules.required_metadata

import data.catalog.lib

# Properties data lists, less those a stack turned off with "required": false (overrides merge, never delete).
_required[key] := spec if {
	some key, spec in lib.config.required_metadata.properties
	object.get(spec, "required", true) == true
}

# METADATA
# scope: document
# description: Every required-metadata violation of the changes in input.
violations contains lib.undecided(rego.metadata.chain(), change, field) if {
	some change in lib.image_writes
	some key, _ in _required
	_unknown_property(change.after, key)
	field := concat(".", ["properties", key])
}

violations contains lib.violation(rego.metadata.chain(), change, field, message) if {
	some change in lib.image_writes
	some key, spec in _required
	not _unknown_property(change.after, key)
	lib.sets(change, ["properties", key])
	value := object.get(change.after, ["properties", key], null)
	problem := _problem(value, spec)
	field := concat(".", ["properties", key])
	message := concat(" ", [field, problem])
}

_unknown_property(after, _) if lib.is_unknown(after.properties)

_unknown_property(after, key) if lib.is_unknown(after.properties[key])

_problem(null, _) := "is missing"

_problem(value, _) := "must be a string" if {
	value != null
	not is_string(value)
}

_problem("", _) := "is empty"

_problem(value, spec) := concat("", ["is ", json.marshal(value), ", not one of ", concat(", ", spec.allowed)]) if {
	is_string(value)
	value != ""
	is_array(spec.allowed)
	not value in spec.allowed
}
