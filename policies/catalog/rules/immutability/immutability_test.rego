package catalog.rules.immutability_test

import data.catalog.rules.immutability
import data.catalog.testdata

_found(change) := {[v.field, v.message] | some v in immutability.violations with input as testdata.envelope([change], [])}

_after(patch) := object.union(testdata.published, patch)

test_fail_editing_os_version_of_a_published_image if {
	after := _after({"properties": object.union(testdata.properties, {"os_version": "24.10"})})
	_found(testdata.change("update", testdata.published, after)) == {[
		"properties.os_version",
		`properties.os_version cannot change after publish ("24.04" -> "24.10")`,
	]}
}

test_fail_changing_formats_and_sizes_of_a_published_image if {
	after := _after({"disk_format": "raw", "min_ram": 2048})
	_found(testdata.change("update", testdata.published, after)) == {
		["disk_format", `disk_format cannot change after publish ("qcow2" -> "raw")`],
		["min_ram", "min_ram cannot change after publish (1024 -> 2048)"],
	}
}

test_fail_removing_the_sticky_publish_marker if {
	stamped := object.union(testdata.properties, {"catalog_published_at": "2026-11-01T10:00:00Z"})
	marked := object.union(testdata.published, {"visibility": "private", "properties": stamped})
	after := testdata.with_key(marked, "properties", testdata.properties)
	_found(testdata.change("update", marked, after)) == {[
		"properties.catalog_published_at",
		`properties.catalog_published_at cannot change after publish ("2026-11-01T10:00:00Z" -> null)`,
	]}
}

test_success_deprecating_hiding_protecting_and_deactivating_a_published_image if {
	after := _after({
		"os_hidden": true, "protected": true, "status": "deactivated", "visibility": "community",
		"properties": object.union(testdata.properties, {"deprecated": "true", "superseded_by": "ubuntu-24.04-base-v1.2"}),
	})
	_found(testdata.change("update", testdata.published, after)) == set()
}

test_success_editing_a_private_unpublished_image if {
	before := object.union(testdata.image, {"id": "x"})
	after := object.union(before, {"min_disk": 20})
	_found(testdata.change("update", before, after)) == set()
}

test_fail_replacing_a_published_image if {
	found := _found(testdata.change("replace", testdata.published, testdata.image))
	found == {["image", `published image "ubuntu-24.04-base-v1.1" cannot be replaced`]}
}

test_fail_deleting_a_published_image_that_is_not_deprecated if {
	_found(testdata.change("delete", testdata.published, null)) == {[
		"properties.deprecated",
		`published image "ubuntu-24.04-base-v1.1" cannot be deleted before it is deprecated`,
	]}
}

test_success_deleting_a_deprecated_published_image if {
	before := _after({"properties": object.union(testdata.properties, {"deprecated": "true"})})
	_found(testdata.change("delete", before, null)) == set()
}

test_fail_unknown_fields_of_a_published_image_cannot_be_decided if {
	after := _after({"min_disk": testdata.unknown, "properties": testdata.unknown})
	_found(testdata.change("update", testdata.published, after)) == {
		["min_disk", "cannot be decided: min_disk is not known until apply"],
		["properties", "cannot be decided: properties is not known until apply"],
	}
}

test_fail_one_unknown_property_of_a_published_image_cannot_be_decided if {
	after := _after({"properties": object.union(testdata.properties, {"description": testdata.unknown})})
	_found(testdata.change("update", testdata.published, after)) == {[
		"properties.description",
		"cannot be decided: properties.description is not known until apply",
	]}
}
