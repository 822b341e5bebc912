# METADATA
# title: Catalog images follow the naming convention
# description: >-
#   A catalog image is named <os>-<osversion>-<profile>-v<major>.<minor> (ubuntu-24.04-base-v1.0), and its
#   os_distro and os_version properties agree with the name (an update is judged when it changes them).
# custom:
#   id: naming
#   remediation: >-
#     Name the image <os>-<osversion>-<profile>-v<major>.<minor> in lowercase, e.g. ubuntu-24.04-base-v1.0,
#     with os_distro and os_version equal to the name's first two parts.
package catalog.rules.naming

import data.catalog.lib

# METADATA
# scope: document
# description: Every naming violation of the changes in input.
violations contains lib.undecided(rego.metadata.chain(), change, "name") if {
	some change in lib.image_writes
	lib.is_unknown(change.after.name)
}

violations contains lib.violation(rego.metadata.chain(), change, "name", message) if {
	some change in lib.image_writes
	name := change.after.name
	not lib.is_unknown(name)
	not lib.parse_name(name)
	lib.sets(change, ["name"])
	message := _not_followed(name)
}

violations contains lib.violation(rego.metadata.chain(), change, field, message) if {
	some change in lib.image_writes
	parsed := lib.parse_name(change.after.name)
	some key, part in {"os_distro": "os", "os_version": "os_version"}
	value := change.after.properties[key]
	is_string(value)
	value != parsed[part]
	_sets_either(change, key)
	field := concat(".", ["properties", key])
	message := concat("", [field, " is ", json.marshal(value), " but the name says ", json.marshal(parsed[part])])
}

_not_followed(name) := "the image has no name: it should follow <os>-<osversion>-<profile>-v<major>.<minor>" if {
	name == null
} else := concat("", ["name ", json.marshal(name), " does not follow <os>-<osversion>-<profile>-v<major>.<minor>"])

# An update that keeps the name and the property is not judged on them again.
_sets_either(change, _) if lib.sets(change, ["name"])

_sets_either(change, key) if lib.sets(change, ["properties", key])
