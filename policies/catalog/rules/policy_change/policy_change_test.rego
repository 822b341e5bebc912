package catalog.rules.policy_change_test

import data.catalog.main
import data.catalog.rules.policy_change

_envelope(changes) := {
	"principal": {"user_id": "u", "project_id": "p", "roles": ["member"]},
	"changes": [],
	"catalog": {"images": []},
	"policy_changes": changes,
}

_weakened := {
	"source": "Pulumi.dev.yaml",
	"field": "image_catalog.rules.immutability.level",
	"base": "mandatory",
	"head": "disabled",
}

test_fail_a_pull_request_that_disables_a_rule if {
	found := {[v.address, v.field, v.level] | some v in policy_change.violations} with input as _envelope([_weakened])
	found == {["Pulumi.dev.yaml", "image_catalog.rules.immutability.level", "mandatory"]}
}

test_fail_the_message_names_both_values if {
	found := {v.message | some v in policy_change.violations} with input as _envelope([_weakened])
	found == {concat("", [
		"this pull request changes the policy data it is checked with: image_catalog.rules.immutability.level ",
		`is "mandatory" on the base commit and "disabled" here (decided with the base's)`,
	])}
}

test_fail_it_blocks_the_decision if {
	not main.decision.allowed with input as _envelope([_weakened])
}

test_fail_a_value_the_base_does_not_set_is_said_so if {
	change := object.union(_weakened, {"base": null})
	found := {v.message | some v in policy_change.violations} with input as _envelope([change])
	found == {concat("", [
		"this pull request changes the policy data it is checked with: image_catalog.rules.immutability.level ",
		`is not set on the base commit and "disabled" here (decided with the base's)`,
	])}
}

test_success_no_policy_change if {
	count(policy_change.violations) == 0 with input as _envelope([])
}

test_success_an_envelope_without_policy_changes if {
	count(policy_change.violations) == 0 with input as {"principal": {}, "changes": [], "catalog": {"images": []}}
}

test_success_its_level_is_data if {
	found := {v.level | some v in policy_change.violations} with input as _envelope([_weakened])
		with data.image_catalog.rules.policy_change.level as "advisory"
	found == {"advisory"}
}
