package catalog.rules.sharing_test

import data.catalog.main
import data.catalog.rules.sharing
import data.catalog.testdata

_member(after) := {"address": "ImageMember::share", "kind": "member", "action": "create", "before": null, "after": after}

_acceptance(after) := object.union(_member(after), {"address": "ImageMemberAcceptance::accept", "kind": "acceptance"})

_found(changes, images) := result if {
	result := {[v.address, v.field, v.message] | some v in sharing.violations}
		with input as testdata.envelope(changes, images)
}

test_fail_a_member_of_an_image_the_plan_makes_private if {
	_found(
		[
			testdata.change("create", null, testdata.image),
			_member({"image_id": testdata.unknown, "member_id": "p2", "image_address": "image.v11"}),
		],
		[],
	) == {["ImageMember::share", "image_id", `image "ubuntu-24.04-base-v1.1" is "private": a member needs it shared`]}
}

test_success_a_member_of_an_image_the_plan_makes_shared if {
	shared := object.union(testdata.image, {"visibility": "shared"})
	_found(
		[
			testdata.change("create", null, shared),
			_member({"image_id": testdata.unknown, "member_id": "p2", "image_address": "image.v11"}),
		],
		[],
	) == set()
}

test_fail_a_member_of_a_live_public_image if {
	public := object.union(testdata.published, {"visibility": "public"})
	_found([_member({"image_id": "id-v11", "member_id": "p2"})], [public]) == {[
		"ImageMember::share", "image_id",
		`image "ubuntu-24.04-base-v1.1" is "public": a member needs it shared`,
	]}
}

test_fail_a_member_of_an_image_the_plan_makes_private_by_its_id if {
	private := object.union(testdata.published, {"visibility": "private"})
	_found(
		[
			testdata.change("update", testdata.published, private),
			_member({"image_id": "id-v11", "member_id": "p2"}),
		],
		[testdata.published],
	) == {["ImageMember::share", "image_id", `image "ubuntu-24.04-base-v1.1" is "private": a member needs it shared`]}
}

test_success_an_acceptance_of_a_community_image if {
	community := object.union(testdata.published, {"visibility": "community"})
	_found([_acceptance({"image_id": "id-v11", "member_id": "p2", "status": "accepted"})], [community]) == set()
}

test_fail_an_unknown_visibility_cannot_be_decided if {
	_found(
		[
			testdata.change("create", null, object.union(testdata.image, {"visibility": testdata.unknown})),
			_member({"image_id": testdata.unknown, "member_id": "p2", "image_address": "image.v11"}),
		],
		[],
	) == {["ImageMember::share", "image_id", "cannot be decided: image_id is not known until apply"]}
}

test_success_an_image_it_cannot_find_is_left_to_glance if {
	_found([_member({"image_id": testdata.unknown, "member_id": "p2"})], []) == set()
}

test_fail_it_blocks_the_decision if {
	not main.decision.allowed with input as testdata.envelope(
		[
			testdata.change("create", null, testdata.image),
			_member({"image_id": testdata.unknown, "member_id": "p2", "image_address": "image.v11"}),
		],
		[],
	)
}
