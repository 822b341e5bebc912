package catalog.rules.consumption_test

import data.catalog.rules.consumption
import data.catalog.testdata

_revoked := object.union(testdata.published, {"status": "deactivated"})

_past := object.union(testdata.published, {"properties": {"provided_until": "2026-12-06"}})

_server(boots) := {
	"address": "openstack_compute_instance_v2.web",
	"kind": "consumer",
	"action": "create",
	"before": null,
	"after": {"resource_type": "openstack_compute_instance_v2", "boots": boots},
}

_found(changes, images) := result if {
	result := {[v.address, v.field, v.level, v.message] | some v in consumption.violations}
		with input as object.union(testdata.envelope(changes, images), {"today": "2026-12-07"})
}

test_fail_a_server_on_a_revoked_image_by_id if {
	_found([_server([{"field": "image_id", "id": "id-v11"}])], [_revoked]) == {[
		"openstack_compute_instance_v2.web", "image_id", "mandatory",
		concat("", [
			`is made from image "ubuntu-24.04-base-v1.1" (id-v11), which is revoked (deactivated): `,
			"no new server or volume may be made from it",
		]),
	]}
}

test_fail_a_server_on_a_revoked_image_by_name if {
	found := _found([_server([{"field": "image_name", "name": "ubuntu-24.04-base-v1.1"}])], [_revoked])
	{[a, f] | some [a, f, _, _] in found} == {["openstack_compute_instance_v2.web", "image_name"]}
}

test_fail_a_volume_block_device_past_its_end_of_life if {
	found := _found([_server([{"field": "block_device.uuid", "id": "id-v11"}])], [_past])
	{m | some [_, _, _, m] in found} == {
		`is made from image "ubuntu-24.04-base-v1.1" (id-v11), which is past its end of life (provided_until 2026-12-06)`,
	}
}

test_success_a_server_on_an_active_image if {
	_found([_server([{"field": "image_id", "id": "id-v11"}])], [testdata.published]) == set()
}

test_success_the_last_day_of_life if {
	last := object.union(testdata.published, {"properties": {"provided_until": "2026-12-07"}})
	_found([_server([{"field": "image_id", "id": "id-v11"}])], [last]) == set()
}

test_fail_an_image_it_cannot_see if {
	_found([_server([{"field": "image_id", "id": "elsewhere"}])], [_revoked]) == {[
		"openstack_compute_instance_v2.web", "image_id", "mandatory",
		concat("", [
			"is made from image elsewhere, which project platform cannot see: ",
			"deleted, never shared with it, or past its end of life and no longer shared",
		]),
	]}
}

test_fail_a_name_it_cannot_see if {
	found := _found([_server([{"field": "image_name", "name": "ubuntu-24.04-base-v0.9"}])], [_revoked])
	{m | some [_, _, _, m] in found} == {concat("", [
		`is made from image "ubuntu-24.04-base-v0.9", which project platform cannot see: `,
		"deleted, never shared with it, or past its end of life and no longer shared",
	])}
}

test_success_an_update_boots_nothing_new if {
	update := object.union(_server([{"field": "image_id", "id": "id-v11"}]), {
		"action": "update",
		"before": {"resource_type": "openstack_compute_instance_v2", "boots": []},
	})
	_found([update], [_revoked]) == set()
}

test_fail_a_replace_onto_a_revoked_image if {
	replaced := object.union(_server([{"field": "image_id", "id": "id-v11"}]), {
		"action": "replace",
		"before": {"resource_type": "openstack_compute_instance_v2", "boots": []},
	})
	count(_found([replaced], [_revoked])) == 1
}

test_fail_an_id_not_known_until_apply if {
	found := _found([_server([{"field": "image_id", "id": testdata.unknown}])], [])
	{[f, m] | some [_, f, _, m] in found} == {["image_id", "cannot be decided: image_id is not known until apply"]}
}

test_fail_an_image_of_the_same_change_set_that_is_revoked if {
	server := _server([{"field": "image_id", "id": testdata.unknown, "image_address": "image.v11"}])
	image := testdata.change("create", null, object.union(testdata.image, {"status": "deactivated"}))
	found := _found([server, image], [])
	{f | some [_, f, _, _] in found} == {"image_id"}
}

test_success_an_image_of_the_same_change_set if {
	server := _server([{"field": "image_id", "id": testdata.unknown, "image_address": "image.v11"}])
	_found([server, testdata.change("create", null, testdata.image)], []) == set()
}

# Each boot has its own address: a block device of a revoked image of the change set is refused although the
# server's image_id refers to a good one.
test_fail_a_block_device_of_a_revoked_image_of_the_same_change_set if {
	server := _server([
		{"field": "image_id", "id": testdata.unknown, "image_address": "image.v11"},
		{"field": "block_device.uuid", "id": testdata.unknown, "image_address": "image.old"},
	])
	good := testdata.change("create", null, testdata.image)
	revoked := object.union(
		testdata.change("create", null, object.union(testdata.image, {"name": "ubuntu-24.04-base-v1.0", "status": "deactivated"})),
		{"address": "image.old"},
	)
	{f | some [_, f, _, _] in _found([server, good, revoked], [])} == {"block_device.uuid"}
}

test_fail_an_image_address_no_change_of_this_change_set_has if {
	server := _server([{"field": "image_id", "id": testdata.unknown, "image_address": "image.elsewhere"}])
	{f | some [_, f, _, _] in _found([server], [])} == {"image_id"}
}

test_fail_without_the_day_of_the_decision_an_end_of_life_counts_as_passed if {
	result := {v.message | some v in consumption.violations}
		with input as testdata.envelope([_server([{"field": "image_id", "id": "id-v11"}])], [_past])
	count(result) == 1
}
