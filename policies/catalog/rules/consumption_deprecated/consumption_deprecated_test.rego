package catalog.rules.consumption_deprecated_test

import data.catalog.rules.consumption_deprecated
import data.catalog.testdata

_deprecated(extra) := object.union(testdata.published, {"properties": object.union(
	{"deprecated": "true"},
	extra,
)})

_server := {
	"address": "openstack_blockstorage_volume_v3.disk",
	"kind": "consumer",
	"action": "create",
	"before": null,
	"after": {"resource_type": "openstack_blockstorage_volume_v3", "boots": [{"field": "image_id", "id": "id-v11"}]},
}

_found(images) := result if {
	result := {[v.field, v.level, v.message] | some v in consumption_deprecated.violations}
		with input as object.union(testdata.envelope([_server], images), {"today": "2026-12-07"})
}

test_fail_a_volume_from_a_deprecated_image_is_a_warning if {
	_found([_deprecated({"superseded_by": "ubuntu-24.04-base-v1.2"})]) == {[
		"image_id", "advisory",
		concat("", [
			`is made from image "ubuntu-24.04-base-v1.1" (id-v11), which is deprecated (superseded by ubuntu-24.04-base-v1.2): `,
			"what is made now will need a rebuild",
		]),
	]}
}

test_fail_without_a_successor_named if {
	{m | some [_, _, m] in _found([_deprecated({})])} == {
		`is made from image "ubuntu-24.04-base-v1.1" (id-v11), which is deprecated: what is made now will need a rebuild`,
	}
}

test_success_a_revoked_one_is_left_to_consumption if {
	_found([object.union(_deprecated({}), {"status": "deactivated"})]) == set()
}

test_success_one_past_its_end_of_life_is_left_to_consumption if {
	_found([_deprecated({"provided_until": "2026-01-01"})]) == set()
}

test_success_a_current_image if {
	_found([testdata.published]) == set()
}
