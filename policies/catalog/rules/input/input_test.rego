package catalog.rules.input_test

import data.catalog.rules.input as input_rule
import data.catalog.testdata

_found(name) := result if {
	result := {[v.field, v.message] | some v in input_rule.violations}
		with input as testdata.cases[name].input
		with data.image_catalog as testdata.cases[name].data
}

test_success_a_well_formed_envelope if {
	_found("input: a well-formed envelope") == set()
}

test_fail_an_envelope_that_is_not_an_object if {
	_found("input: not an object") == {["", "the envelope is not an object"]}
}

test_fail_missing_roles_changes_and_catalog if {
	_found("input: no roles, changes or catalog") == {
		["principal.roles", "principal.roles must be a list of role names"],
		["changes", "changes must be a list"],
		["catalog.images", "catalog.images must be a list"],
	}
}

test_fail_a_change_of_the_wrong_shape if {
	_found("input: changes of the wrong shape") == {
		["changes[0]", "is not an object"],
		["changes[1]", "address must be a string"],
		["changes[1]", "kind must be one of acceptance, consumer, image, member, store"],
		["changes[2]", "action must be create, update, replace, delete or noop"],
		["changes[3]", "before/after do not fit the action (create: after only; delete: before only)"],
	}
}

test_fail_the_input_rule_is_mandatory_whatever_data_says if {
	violations := input_rule.violations with input as [] with data.image_catalog.rules.input.level as "disabled"
	{v.level | some v in violations} == {"mandatory"}
}
