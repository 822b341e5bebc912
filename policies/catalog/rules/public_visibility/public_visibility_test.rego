package catalog.rules.public_visibility_test

import data.catalog.rules.public_visibility
import data.catalog.testdata

_with(visibility) := object.union(testdata.image, {"visibility": visibility})

_as(roles, changes) := object.union(
	testdata.envelope(changes, []),
	{"principal": {"user_id": "u", "project_id": "p", "roles": roles}},
)

test_fail_a_member_makes_an_image_public if {
	envelope := _as(["member", "reader"], [testdata.change("create", null, _with("public"))])
	{[v.field, v.message] | some v in public_visibility.violations with input as envelope} == {[
		"visibility",
		"visibility public needs one of the roles admin; the token has member, reader",
	]}
}

test_success_an_admin_makes_an_image_public if {
	envelope := _as(["admin", "member", "reader"], [testdata.change("create", null, _with("public"))])
	count(public_visibility.violations) == 0 with input as envelope
}

test_success_an_image_already_public_stays_public_without_admin if {
	before := object.union(testdata.published, {"visibility": "public"})
	envelope := _as(["member"], [testdata.change("update", before, _with("public"))])
	count(public_visibility.violations) == 0 with input as envelope
}

test_success_community_is_the_owners_choice_by_default if {
	envelope := _as(["member"], [testdata.change("update", testdata.published, _with("community"))])
	count(public_visibility.violations) == 0 with input as envelope
}

test_fail_community_needs_admin_when_data_says_so if {
	envelope := _as(["member"], [testdata.change("update", testdata.published, _with("community"))])
	violations := public_visibility.violations with input as envelope
		with data.image_catalog.public_visibility.community_requires_admin as true
	{v.message | some v in violations} == {"visibility community needs one of the roles admin; the token has member"}
}

test_success_admin_role_names_come_from_data if {
	envelope := _as(["cloud-admin"], [testdata.change("create", null, _with("public"))])
	count(public_visibility.violations) == 0 with input as envelope
		with data.image_catalog.public_visibility.admin_roles as ["cloud-admin"]
}

test_fail_an_unknown_visibility_cannot_be_decided if {
	envelope := _as(["member"], [testdata.change("create", null, _with(testdata.unknown))])
	{v.message | some v in public_visibility.violations with input as envelope} == {
		"cannot be decided: visibility is not known until apply",
	}
}
