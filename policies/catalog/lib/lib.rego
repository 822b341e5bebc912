# METADATA
# title: Shared helpers of the catalog rules
# description: >-
#   Name parsing, rule levels, unknown values and the violation object: declared once here, used by every rule.
package catalog.lib

# METADATA
# description: The policy data (policies/data.json merged with the stack's overrides).
config := data.image_catalog

# METADATA
# scope: document
# description: >-
#   Level of a rule: mandatory, advisory or disabled. A rule that data does not mention is mandatory
#   (fail closed); the input rule is always mandatory.
level("input") := "mandatory"

level(rule) := object.get(config, ["rules", rule, "level"], "mandatory") if rule != "input"

# METADATA
# description: "True for the marker of a value not known before apply: {\"$unknown\": true}."
is_unknown(value) if value["$unknown"] == true

# METADATA
# scope: document
# description: >-
#   Whether an image is published: its visibility has left private, or it carries the sticky property
#   catalog_published_at.
published(image) if image.visibility != "private"

published(image) if image.properties.catalog_published_at

# METADATA
# scope: document
# description: >-
#   Image changes that write an image document (create, update, replace); in an audit, also each audited live image
#   written as it is (audit_writes), so the rules that judge what an image carries judge the live catalog alike.
image_writes contains change if {
	some change in input.changes
	change.kind == "image"
	change.action in {"create", "update", "replace"}
	is_object(change.after)
}

image_writes contains change if some change in audit_writes

# METADATA
# description: >-
#   In an audit (input.audit: the live catalog judged as it is, no change set), each live image of the audited
#   owner (input.audit.owner; every image without one) as an update that writes it unchanged, at the address of its
#   id: a rule comparing before and after finds nothing, a rule judging the document judges the live image.
audit_writes contains change if {
	is_object(input.audit)
	some image in input.catalog.images
	_audited_owner(image)
	change := {"address": image.id, "kind": "image", "action": "update", "before": image, "after": image, "audit": true}
}

# METADATA
# scope: document
# description: >-
#   Whether a change sets a field of its image (`path` into the document, e.g. ["properties", "os_version"]): a
#   create, a replace or an audit does; an update only when it changes the field's value. A rule about what an
#   image carries judges an update on the fields it changes: a live image that breaks one (an adopted image) can
#   still be deprecated, hidden or deleted.
sets(change, _) if change.action != "update"

sets(change, _) if change.audit == true

sets(change, path) if {
	change.action == "update"
	object.get(object.get(change, "before", {}), path, null) != object.get(change.after, path, null)
}

_audited_owner(_) if not input.audit.owner

_audited_owner(image) if image.owner == input.audit.owner

# METADATA
# scope: document
# description: >-
#   When an image was published: its sticky property catalog_published_at, else when it was made (created_at), as
#   Glance's ISO 8601 UTC text (which sorts as time does); undefined without either.
published_at(image) := image.properties.catalog_published_at

published_at(image) := image.created_at if {
	not image.properties.catalog_published_at
	is_string(image.created_at)
}

# METADATA
# description: >-
#   Parses a catalog name <os>-<osversion>-<profile>-v<major>.<minor>; undefined for any other name.
parse_name(name) := parsed if {
	is_string(name)
	regex.match(`^[a-z][a-z0-9]*-[0-9][a-z0-9.]*-[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*-v[0-9]+\.[0-9]+$`, name)
	parts := split(name, "-")
	n := count(parts)
	digits := split(trim_prefix(parts[n - 1], "v"), ".")
	parsed := {
		"os": parts[0],
		"os_version": parts[1],
		"profile": concat("-", array.slice(parts, 2, n - 1)),
		"family": concat("-", array.slice(parts, 0, n - 1)),
		"version": [to_number(digits[0]), to_number(digits[1])],
	}
}

# METADATA
# scope: document
# description: The family of a catalog name, "" for any other name (or a value not known yet).
family_of(name) := parse_name(name).family

family_of(name) := "" if not parse_name(name)

# METADATA
# description: The id of the live image a change is about ("" for a create).
self_id(change) := object.get(change, ["before", "id"], "")

# METADATA
# description: >-
#   The rule's annotations from a rego.metadata.chain(): the entry that carries custom.id.
_rule_annotations(chain) := [entry.annotations | some entry in chain; entry.annotations.custom.id][0]

# METADATA
# description: One violation, built from the rule's METADATA (id, remediation) and the rule's level.
violation(chain, change, field, message) := {
	"rule": annotations.custom.id,
	"level": level(annotations.custom.id),
	"address": object.get(change, "address", ""),
	"field": field,
	"message": message,
	"remediation": annotations.custom.remediation,
} if {
	annotations := _rule_annotations(chain)
}

# METADATA
# description: >-
#   The violation for a value not known before apply: never a silent pass. Its level is the data's
#   unknown_values level, unless the rule itself is disabled.
undecided(chain, change, field) := {
	"rule": annotations.custom.id,
	"level": _undecided_level(annotations.custom.id),
	"address": object.get(change, "address", ""),
	"field": field,
	"message": concat("", ["cannot be decided: ", field, " is not known until apply"]),
	"remediation": annotations.custom.remediation,
} if {
	annotations := _rule_annotations(chain)
}

_undecided_level(rule) := "disabled" if level(rule) == "disabled"

_undecided_level(rule) := object.get(config, "unknown_values", "mandatory") if level(rule) != "disabled"

# METADATA
# description: "A version as text: [1, 10] -> v1.10."
version_text(version) := concat("", ["v", format_int(version[0], 10), ".", format_int(version[1], 10)])

# METADATA
# description: >-
#   Changes that make a server or a volume from an image (a consumer of the catalog: kind consumer, created or
#   replaced); an update or a delete boots nothing new.
consumer_creates contains change if {
	some change in input.changes
	change.kind == "consumer"
	change.action in {"create", "replace"}
	is_object(change.after)
}

# METADATA
# scope: document
# description: >-
#   The images a consumer change boots, as [field, image] pairs: each of its boots found by id or by name among
#   the images the principal sees, or, for an id not known until apply, the image the change set makes at the
#   address that boot refers to (its image_address).
boot_images(change) := {[entry.field, image] |
	some entry in change.after.boots
	some image in boot_candidates(entry)
}

# METADATA
# scope: document
# description: >-
#   The images one boot of a consumer change names: by id or by name among the images the principal sees, or
#   the image change of the change set at the address an id not known until apply refers to (the boot's
#   image_address).
boot_candidates(entry) := [image | some image in input.catalog.images; image.id == entry.id] if is_string(entry.id)

boot_candidates(entry) := [image | some image in input.catalog.images; image.name == entry.name] if is_string(entry.name)

boot_candidates(entry) := [other.after |
	some other in input.changes
	other.kind == "image"
	other.address == entry.image_address
	is_object(other.after)
] if {
	is_unknown(entry.id)
}

# METADATA
# description: >-
#   The day of the decision (input.today, UTC); without one, the first day there is, so that no end of life or
#   revocation date counts as passed (a delete before an end of life stays refused).
today_else_first := object.get(input, "today", "0000-00-00")

# METADATA
# description: >-
#   The day of the decision (input.today, UTC); without one, the last day there is, so that every end of life
#   counts as passed (what boots an image fails closed).
today_else_last := object.get(input, "today", "9999-12-31")

# METADATA
# description: An image's end of life, its properties.provided_until when that is a date YYYY-MM-DD (else undefined).
end_of_life(image) := until if {
	until := object.get(image, ["properties", "provided_until"], "")
	is_string(until)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, until)
}

# METADATA
# description: Whether an image's end of life is before `today`.
past_end_of_life(image, today) if end_of_life(image) < today

# METADATA
# description: The way a message names an image, its name and id.
image_text(image) := concat("", [json.marshal(object.get(image, "name", "")), " (", object.get(image, "id", "not made yet"), ")"])
