package catalog.main_test

import data.catalog.main
import data.catalog.testdata

test_success_a_valid_change_set_is_allowed if {
	envelope := testdata.envelope([testdata.change("create", null, testdata.image)], [])
	main.decision == {"allowed": true, "violations": []} with input as envelope
}

test_fail_a_mandatory_violation_blocks if {
	after := object.remove(testdata.image, ["properties"])
	decision := main.decision with input as testdata.envelope([testdata.change("create", null, after)], [])
	decision.allowed == false
	count(decision.violations) == 5
}

test_success_advisory_violations_are_reported_but_allow if {
	after := testdata.with_key(testdata.image, "properties", object.remove(testdata.properties, ["hw_vif_model"]))
	decision := main.decision with input as testdata.envelope([testdata.change("create", null, after)], [])
		with data.image_catalog.rules.required_metadata.level as "advisory"
	decision == {"allowed": true, "violations": [{
		"rule": "required_metadata", "level": "advisory", "address": "image.v11",
		"field": "properties.hw_vif_model", "message": "properties.hw_vif_model is missing",
		"remediation": decision.violations[0].remediation,
	}]}
}

test_success_disabled_rules_are_left_out if {
	after := object.union(testdata.image, {"name": "whatever"})
	decision := main.decision with input as testdata.envelope([testdata.change("create", null, after)], [])
		with data.image_catalog.rules.naming.level as "disabled"
	decision == {"allowed": true, "violations": []}
}

test_fail_an_unreadable_envelope_blocks if {
	decision := main.decision with input as "nonsense"
	decision.allowed == false
	{v.rule | some v in decision.violations} == {"input"}
}

test_fail_every_rule_reports_through_the_decision if {
	public := object.union(testdata.image, {"name": "ubuntu-24.04-base-v1.0", "visibility": "public"})
	edited := object.union(testdata.published, {"min_ram": 1})
	changes := [
		testdata.change("create", null, public),
		object.union(testdata.change("update", testdata.published, edited), {"address": "image.old"}),
	]
	decision := main.decision with input as testdata.envelope(changes, [testdata.published])
	{[v.rule, v.address] | some v in decision.violations} == {
		["versioning", "image.v11"],
		["public_visibility", "image.v11"],
		["immutability", "image.old"],
	}
}
