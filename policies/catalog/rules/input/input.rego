# METADATA
# title: The policy can read the change envelope
# description: >-
#   A document the policy cannot read blocks (fail closed): the principal with its roles, the changes with
#   kind, action, address and the before/after documents the action implies, and the live catalog.
# custom:
#   id: input
#   remediation: >-
#     Build the envelope with image-catalog (schemas/policy-input.schema.json describes it); do not edit it by
#     hand.
package catalog.rules.input

import data.catalog.lib

_kinds := {"image", "member", "acceptance", "store", "consumer"}

_shapes := {
	"create": {"before": false, "after": true},
	"update": {"before": true, "after": true},
	"replace": {"before": true, "after": true},
	"delete": {"before": true, "after": false},
	"noop": {"before": true, "after": true},
}

_envelope := {"address": "(envelope)"}

# METADATA
# scope: document
# description: Every part of the envelope the policy cannot read.
violations contains lib.violation(rego.metadata.chain(), _envelope, "", "the envelope is not an object") if {
	not _envelope_is_object
}

violations contains lib.violation(
	rego.metadata.chain(), _envelope,
	"principal.roles", "principal.roles must be a list of role names",
) if {
	_envelope_is_object
	not _roles_ok
}

violations contains lib.violation(rego.metadata.chain(), _envelope, "changes", "changes must be a list") if {
	_envelope_is_object
	not is_array(object.get(input, "changes", null))
}

violations contains lib.violation(
	rego.metadata.chain(), _envelope,
	"catalog.images", "catalog.images must be a list",
) if {
	_envelope_is_object
	not is_array(object.get(input, ["catalog", "images"], null))
}

violations contains lib.violation(rego.metadata.chain(), _envelope, field, message) if {
	some [i, message] in _change_problems
	field := concat("", ["changes[", format_int(i, 10), "]"])
}

# A rule, not an inline `not is_object(input)`: OPA's Go evaluator skips that expression when no input was given
# at all, and a missing envelope must block like any other unreadable one.
_envelope_is_object if is_object(input)

_roles_ok if {
	is_array(object.get(input, ["principal", "roles"], null))
	every role in input.principal.roles {
		is_string(role)
	}
}

_changes := input.changes if is_array(input.changes)

_change_problems contains [i, "is not an object"] if {
	some i, change in _changes
	not is_object(change)
}

_change_problems contains [i, "address must be a string"] if {
	some i, change in _changes
	is_object(change)
	not is_string(change.address)
}

_change_problems contains [i, concat("", ["kind must be one of ", concat(", ", sort(_kinds))])] if {
	some i, change in _changes
	is_object(change)
	not change.kind in _kinds
}

_change_problems contains [i, "action must be create, update, replace, delete or noop"] if {
	some i, change in _changes
	is_object(change)
	not _shapes[change.action]
}

_change_problems contains [i, "before/after do not fit the action (create: after only; delete: before only)"] if {
	some i, change in _changes
	shape := _shapes[change.action]
	not _shape_ok(change, shape)
}

_shape_ok(change, shape) if {
	is_object(object.get(change, "before", null)) == shape.before
	is_object(object.get(change, "after", null)) == shape.after
}
