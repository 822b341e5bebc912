package catalog.rules.naming_test

import data.catalog.rules.naming
import data.catalog.testdata

_create(after) := testdata.envelope([testdata.change("create", null, after)], [])

test_success_a_catalog_name_with_matching_properties if {
	count(naming.violations) == 0 with input as _create(testdata.image)
}

test_success_a_profile_with_hyphens if {
	after := object.union(testdata.image, {"name": "ubuntu-24.04-cis-hardened-v2.10"})
	count(naming.violations) == 0 with input as _create(after)
}

test_fail_a_name_without_a_version if {
	after := object.union(testdata.image, {"name": "ubuntu-24.04-base"})
	violations := naming.violations with input as _create(after)
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
	properties := object.union(testdata.properties, {"os_distro": "debian", "os_version": "12"})
	after := object.union(testdata.image, {"properties": properties})
	violations := naming.violations with input as _create(after)
	{v.field: v.message | some v in violations} == {
		"properties.os_distro": `properties.os_distro is "debian" but the name says "ubuntu"`,
		"properties.os_version": `properties.os_version is "12" but the name says "24.04"`,
	}
}

test_fail_an_unknown_name_cannot_be_decided if {
	after := object.union(testdata.image, {"name": testdata.unknown})
	violations := naming.violations with input as _create(after)
	found := {[v.field, v.level, v.message] | some v in violations}
	found == {["name", "mandatory", "cannot be decided: name is not known until apply"]}
}

test_success_an_advisory_unknown_level_comes_from_data if {
	after := object.union(testdata.image, {"name": testdata.unknown})
	violations := naming.violations with input as _create(after) with data.image_catalog.unknown_values as "advisory"
	{v.level | some v in violations} == {"advisory"}
}

test_success_a_disabled_rule_reports_at_level_disabled if {
	after := object.union(testdata.image, {"name": "Bad Name"})
	violations := naming.violations with input as _create(after) with data.image_catalog.rules.naming.level as "disabled"
	{v.level | some v in violations} == {"disabled"}
}

test_success_deletes_and_members_are_not_named if {
	changes := [
		testdata.change("delete", testdata.published, null),
		{"address": "member.a", "kind": "member", "action": "create", "before": null, "after": {"image_id": "x", "member_id": "y"}},
	]
	count(naming.violations) == 0 with input as testdata.envelope(changes, [])
}

test_success_an_unknown_name_of_a_disabled_rule_is_disabled_too if {
	after := object.union(testdata.image, {"name": testdata.unknown})
	violations := naming.violations with input as _create(after) with data.image_catalog.rules.naming.level as "disabled"
	{v.level | some v in violations} == {"disabled"}
}
