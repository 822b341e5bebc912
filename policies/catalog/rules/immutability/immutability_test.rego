package catalog.rules.immutability_test

import data.catalog.rules.immutability
import data.catalog.testdata

_found(name) := result if {
	result := {[v.field, v.message] | some v in immutability.violations}
		with input as testdata.cases[name].input
		with data.image_catalog as testdata.cases[name].data
}

test_fail_editing_os_version_of_a_published_image if {
	_found("immutability: editing os_version") == {[
		"properties.os_version",
		`properties.os_version cannot change after publish ("24.04" -> "24.10")`,
	]}
}

test_fail_changing_formats_and_sizes_of_a_published_image if {
	_found("immutability: changing formats and sizes") == {
		["disk_format", `disk_format cannot change after publish ("qcow2" -> "raw")`],
		["min_ram", "min_ram cannot change after publish (1024 -> 2048)"],
	}
}

test_fail_removing_the_sticky_publish_marker if {
	_found("immutability: removing the publish marker") == {[
		"properties.catalog_published_at",
		`properties.catalog_published_at cannot change after publish ("2026-11-01T10:00:00Z" -> null)`,
	]}
}

test_success_deprecating_hiding_protecting_and_deactivating_a_published_image if {
	_found("immutability: deprecating, hiding, protecting, deactivating") == set()
}

test_success_editing_a_private_unpublished_image if {
	_found("immutability: editing an unpublished image") == set()
}

test_fail_replacing_a_published_image if {
	_found("immutability: replacing") == {["image", `published image "ubuntu-24.04-base-v1.1" cannot be replaced`]}
}

test_fail_a_source_rebuilt_with_other_data_says_so if {
	_found("immutability: replacing with other data") == {[
		"image",
		concat("", [
			`published image "ubuntu-24.04-base-v1.1" cannot be replaced: `,
			"its source's data changed (sha512 aaaaaaaaaaaaaaaa… -> bbbbbbbbbbbbbbbb…)",
		]),
	]}
}

test_fail_deleting_a_published_image_that_is_not_deprecated if {
	_found("immutability: deleting before deprecation") == {[
		"properties.deprecated",
		`published image "ubuntu-24.04-base-v1.1" cannot be deleted before it is deprecated`,
	]}
}

test_success_deleting_a_deprecated_published_image if {
	_found("immutability: deleting after deprecation") == set()
}

test_fail_unknown_fields_of_a_published_image_cannot_be_decided if {
	_found("immutability: unknown fields") == {
		["min_disk", "cannot be decided: min_disk is not known until apply"],
		["properties", "cannot be decided: properties is not known until apply"],
	}
}

test_fail_one_unknown_property_of_a_published_image_cannot_be_decided if {
	_found("immutability: one unknown property") == {[
		"properties.description",
		"cannot be decided: properties.description is not known until apply",
	]}
}
