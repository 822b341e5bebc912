package catalog.rules.public_visibility_test

import data.catalog.rules.public_visibility
import data.catalog.testdata

_found(name) := result if {
	result := {v.message | some v in public_visibility.violations}
		with input as testdata.cases[name].input
		with data.image_catalog as testdata.cases[name].data
}

test_fail_a_member_makes_an_image_public if {
	_found("public_visibility: a member makes an image public") == {
		"visibility public needs one of the roles admin; the token has member, reader",
	}
}

test_success_an_admin_makes_an_image_public if {
	_found("public_visibility: an admin makes an image public") == set()
}

test_success_an_image_already_public_stays_public_without_admin if {
	_found("public_visibility: a public image stays public") == set()
}

test_success_community_is_the_owners_choice_by_default if {
	_found("public_visibility: community by the owner") == set()
}

test_fail_community_needs_admin_when_data_says_so if {
	_found("public_visibility: community when data requires admin") == {
		"visibility community needs one of the roles admin; the token has member",
	}
}

test_success_admin_role_names_come_from_data if {
	_found("public_visibility: admin role names from data") == set()
}

test_fail_an_unknown_visibility_cannot_be_decided if {
	_found("public_visibility: an unknown visibility") == {"cannot be decided: visibility is not known until apply"}
}

_audit(images, fields) := result if {
	result := {[v.address, v.message] | some v in public_visibility.violations}
		with input as testdata.audit(images, fields)
}

test_fail_an_audit_finds_a_public_image_of_a_project_without_an_admin if {
	public := testdata.live("a", "ubuntu-24.04-base-v1.0", {"visibility": "public"})
	_audit([public], {"admin_projects": ["admin"]}) == {[
		"a",
		`image is public but no one holds an admin role (admin) in its owner project "platform"`,
	]}
	_audit([object.union(public, {"owner": "admin"})], {"admin_projects": ["admin"]}) == set()
}

test_success_an_audit_that_cannot_list_admin_projects_does_not_judge_owners if {
	_audit([testdata.live("a", "ubuntu-24.04-base-v1.0", {"visibility": "public"})], {}) == set()
}
