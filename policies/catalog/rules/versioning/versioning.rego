# METADATA
# title: A new version is newer than the live catalog's, and a name is never reused
# description: >-
#   Within a family (<os>-<osversion>-<profile>) a new version is greater than every version in the live
#   catalog, unless it is made deprecated and hidden (a version line's older version, made after a newer one: it
#   never becomes the family's latest); an image name is never used twice (Glance allows duplicates; the catalog
#   does not). An audit of the live catalog finds names used twice and versions published out of order.
# custom:
#   id: versioning
#   remediation: >-
#     Publish the next version of the family (bump the minor or major number above the live latest) under a
#     name no image has; deprecate the old version instead of reusing its name. In the live catalog, rename or
#     remove an image that repeats a name, and deprecate and hide a version published after a newer one.
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
	latest := max({version | some [id, _], version in _live[parsed.family]; id != self})
	parsed.version <= latest
	not _backfill(change, parsed, self, latest)
	message := concat("", [
		lib.version_text(parsed.version), " is not newer than ", lib.version_text(latest),
		", the latest ", parsed.family, " in the live catalog",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "name", message) if {
	some change in _naming_changes
	name := change.after.name
	some id in _live_names[name]
	id != lib.self_id(change)
	message := concat("", ["name ", json.marshal(name), " is already used by image ", id])
}

violations contains lib.violation(rego.metadata.chain(), change, "name", message) if {
	some change in _naming_changes
	name := change.after.name
	some other in _declared[name]
	other != change.address
	message := concat("", ["name ", json.marshal(name), " is also declared by ", other])
}

# In an audit: a live image whose name another live image also has.
violations contains lib.violation(rego.metadata.chain(), change, "name", message) if {
	some change in lib.audit_writes
	name := change.after.name
	others := sort([id | some id in _live_names[name]; id != change.address])
	count(others) > 0
	message := concat("", ["name ", json.marshal(name), " is also used by image ", concat(", ", others)])
}

# In an audit: a live version published after a newer version of its family (the family's newest is then not its
# latest), unless it is a deprecated, hidden backfill.
violations contains lib.violation(rego.metadata.chain(), change, "name", message) if {
	some change in lib.audit_writes
	not _hidden_deprecated(change.after)
	parsed := lib.parse_name(change.after.name)
	at := lib.published_at(change.after)
	newer := sort([[other.version, other.id, other.at] |
		some other in _audited_family[parsed.family]
		other.version > parsed.version
		other.at < at
	])
	count(newer) > 0
	[version, id, published] := newer[count(newer) - 1]
	message := concat("", [
		lib.version_text(parsed.version), " was published (", at, ") after ", lib.version_text(version), " (image ", id,
		", ", published, "): a family's versions are published in order",
	])
}

_hidden_deprecated(image) if {
	image.properties.deprecated == "true"
	image.os_hidden == true
}

# The audited images per family, with their version and when they were published.
_audited_family[family] contains {"id": change.address, "version": parsed.version, "at": at} if {
	some change in lib.audit_writes
	parsed := lib.parse_name(change.after.name)
	family := parsed.family
	at := lib.published_at(change.after)
}

# The live catalog grouped once per evaluation, so each change looks up its own family and name instead of
# scanning the catalog (and the changes) again: linear in the catalog and in the changes. Keyed by id and name
# (the version comes from the name), so an image listed twice cannot make two values for one key.
_live[family][[image.id, image.name]] := parsed.version if {
	some image in input.catalog.images
	parsed := lib.parse_name(image.name)
	family := parsed.family
}

_live_names[image.name] contains image.id if {
	some image in input.catalog.images
	is_string(image.name)
}

_declared[name] contains change.address if {
	some change in _naming_changes
	name := change.after.name
	is_string(name)
}

# An older version of a line made deprecated and hidden (never its latest): strictly older than the live latest,
# and no live image of the family has its version (v1.01 beside a live v1.1 is the same version).
_backfill(change, parsed, self, latest) if {
	change.after.properties.deprecated == "true"
	change.after.os_hidden == true
	parsed.version < latest
	count([id | some [id, _], version in _live[parsed.family]; id != self; version == parsed.version]) == 0
}
