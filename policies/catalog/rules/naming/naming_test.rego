package catalog.rules.naming_test

import data.catalog.rules.naming
import data.catalog.testdata

_found(name) := result if {
	result := {[v.field, v.level, v.message] | some v in naming.violations}
		with input as testdata.cases[name].input
		with data.image_catalog as testdata.cases[name].data
}

test_success_a_catalog_name_with_matching_properties if {
	_found("naming: a catalog name with matching properties") == set()
}

test_success_a_profile_with_hyphens if {
	_found("naming: a profile with hyphens") == set()
}

test_fail_a_name_without_a_version if {
	case := testdata.cases["naming: a name without a version"]
	violations := naming.violations with input as case.input
	violations == {{
		"rule": "naming",
		"level": "mandatory",
		"address": "image.v11",
		"field": "name",
		"message": `name "ubuntu-24.04-base" does not follow <os>-<osversion>-<profile>-v<major>.<minor>`,
		"remediation": concat(" ", [
			"Name the image <os>-<osversion>-<profile>-v<major>.<minor> in lowercase, e.g. ubuntu-24.04-base-v1.0,",
			"with os_distro and os_version equal to the name's first two parts.",
		]),
	}}
}

test_fail_os_distro_and_os_version_disagree_with_the_name if {
	_found("naming: os_distro and os_version disagree with the name") == {
		["properties.os_distro", "mandatory", `properties.os_distro is "debian" but the name says "ubuntu"`],
		["properties.os_version", "mandatory", `properties.os_version is "12" but the name says "24.04"`],
	}
}

test_fail_an_unknown_name_cannot_be_decided if {
	_found("naming: an unknown name") == {["name", "mandatory", "cannot be decided: name is not known until apply"]}
}

test_success_the_unknown_level_comes_from_data if {
	_found("naming: an unknown name, unknown values advisory") == {
		["name", "advisory", "cannot be decided: name is not known until apply"],
	}
}

test_success_a_disabled_rule_reports_at_level_disabled if {
	_found("naming: a bad name, naming disabled") == {
		["name", "disabled", `name "Bad Name" does not follow <os>-<osversion>-<profile>-v<major>.<minor>`],
	}
}

test_success_an_unknown_name_of_a_disabled_rule_is_disabled_too if {
	_found("naming: an unknown name, naming disabled") == {["name", "disabled", "cannot be decided: name is not known until apply"]}
}

test_success_deletes_and_members_are_not_named if {
	_found("naming: a delete and a member") == set()
}

test_fail_an_image_without_a_name_is_said_so if {
	messages := {v.message | some v in naming.violations}
		with input as testdata.audit([testdata.live("a", null, {})], {})
	messages == {"the image has no name: it should follow <os>-<osversion>-<profile>-v<major>.<minor>"}
}

test_fail_an_update_that_changes_os_distro_against_the_name if {
	changed := object.union(testdata.image, {"properties": object.union(testdata.properties, {"os_distro": "debian"})})
	found := {[v.field, v.message] | some v in naming.violations}
		with input as testdata.envelope([testdata.change("update", testdata.image, changed)], [])
	found == {["properties.os_distro", `properties.os_distro is "debian" but the name says "ubuntu"`]}
}
