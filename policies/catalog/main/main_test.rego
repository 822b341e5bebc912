package catalog.main_test

import data.catalog.main
import data.catalog.testdata

_decide(name) := result if {
	result := main.decision
		with input as testdata.cases[name].input
		with data.image_catalog as testdata.cases[name].data
}

test_success_a_valid_change_set_is_allowed if {
	_decide("input: a well-formed envelope") == {"allowed": true, "violations": []}
}

test_fail_a_mandatory_violation_blocks if {
	decision := _decide("main: no properties")
	decision.allowed == false
	count(decision.violations) == 5
}

test_success_advisory_violations_are_reported_but_allow if {
	decision := _decide("required_metadata: hw_vif_model missing, advisory")
	decision == {"allowed": true, "violations": [{
		"rule": "required_metadata", "level": "advisory", "address": "image.v11",
		"field": "properties.hw_vif_model", "message": "properties.hw_vif_model is missing",
		"remediation": decision.violations[0].remediation,
	}]}
}

test_success_disabled_rules_are_left_out if {
	_decide("main: a name not followed, naming disabled") == {"allowed": true, "violations": []}
}

test_fail_an_unreadable_envelope_blocks if {
	decision := _decide("input: nonsense")
	decision.allowed == false
	{v.rule | some v in decision.violations} == {"input"}
}

test_fail_every_rule_reports_through_the_decision if {
	decision := _decide("main: every rule reports")
	{[v.rule, v.address] | some v in decision.violations} == {
		["versioning", "image.v11"],
		["public_visibility", "image.v11"],
		["immutability", "image.old"],
	}
}

test_fail_a_server_on_a_revoked_image_blocks if {
	decision := _decide("consumption: a server on a revoked image")
	decision.allowed == false
	[v.rule | some v in decision.violations] == ["consumption"]
}

test_success_a_volume_from_a_deprecated_image_is_a_warning if {
	decision := _decide("consumption: a volume from a deprecated image")
	decision.allowed == true
	[[v.rule, v.level] | some v in decision.violations] == [["consumption_deprecated", "advisory"]]
}

test_fail_the_scs_profile_blocks_a_public_image_without_its_metadata if {
	decision := _decide("scs_0102: a public image without the standard's metadata")
	decision.allowed == false
	{v.rule | some v in decision.violations} == {"scs_0102", "public_visibility"}
}

test_fail_a_channel_on_a_revoked_image_blocks if {
	decision := _decide("channels: a channel on a revoked image")
	decision.allowed == false
	[v.rule | some v in decision.violations] == ["channels"]
}
