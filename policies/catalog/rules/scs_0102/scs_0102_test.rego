package catalog.rules.scs_0102_test

import data.catalog.rules.scs_0102
import data.catalog.testdata

# An image the way the standard's own examples describe one (Standards/scs-0102-v1-image-metadata.md).
_scs := {
	"architecture": "x86_64",
	"os_distro": "ubuntu",
	"os_version": "24.04",
	"os_purpose": "generic",
	"hw_disk_bus": "scsi",
	"hypervisor_type": "qemu",
	"hw_rng_model": "virtio",
	"image_build_date": "2026-11-30",
	"image_original_user": "ubuntu",
	"image_source": "https://cloud-images.ubuntu.com/noble/20261130/noble-server-cloudimg-amd64.img",
	"image_description": "https://docs.example.org/images/ubuntu",
	"replace_frequency": "quarterly",
	"provided_until": "none",
	"uuid_validity": "last-3",
	"hotfix_hours": "72",
}

_public(extra) := object.union(testdata.image, {
	"visibility": "public",
	"min_disk": 10,
	"size": 2147483648,
	"properties": object.union_n([testdata.properties, _scs, extra]),
})

_on := {"profile": "scs-0102", "rules": {"scs_0102": {"level": "mandatory"}}}

_creates(images) := [object.union(testdata.change("create", null, image), {"address": sprintf("image.%d", [i])}) |
	some i, image in images
]

_found(images, catalog) := result if {
	result := {[v.field, v.message] | some v in scs_0102.violations}
		with input as object.union(
			testdata.envelope(_creates(images), catalog),
			{"today": "2026-12-07"},
		)
		with data.image_catalog as object.union(data.image_catalog, _on)
}

test_success_the_standards_example if {
	_found([_public({})], []) == set()
}

test_success_off_without_the_profile if {
	result := {v | some v in scs_0102.violations}
		with input as testdata.envelope([testdata.change("create", null, _public({"architecture": "sparc"}))], [])
	result == set()
}

test_success_hidden_and_shared_images_are_not_checked if {
	hidden := object.union(_public({"architecture": "sparc"}), {"os_hidden": true})
	shared := object.union(_public({"architecture": "sparc"}), {"visibility": "shared"})
	_found([hidden, shared], []) == set()
}

test_fail_a_missing_property_names_the_testcase if {
	properties := object.remove(object.union(testdata.properties, _scs), ["image_original_user"])
	image := testdata.with_key(_public({}), "properties", properties)
	_found([image], []) == {[
		"properties.image_original_user",
		"properties.image_original_user is missing (scs-0102-prop-image_original_user)",
	]}
}

test_fail_values_outside_the_checkers_enumerations if {
	found := _found(
		[_public({
			"architecture": "amd64", "hw_disk_bus": "ide", "hypervisor_type": "vmware", "hw_rng_model": "none",
			"os_purpose": "desktop", "replace_frequency": "sometimes",
		})],
		[],
	)
	{f | some [f, _] in found} == {
		"properties.architecture", "properties.hw_disk_bus", "properties.hypervisor_type", "properties.hw_rng_model",
		"properties.os_purpose", "properties.replace_frequency",
	}
}

test_success_oldgeneric_and_the_checkers_date_forms if {
	image := _public({"os_purpose": "oldgeneric", "image_build_date": "2026-12-01 08:30", "uuid_validity": "2027-06-30"})
	_found([image], []) == set()
}

test_fail_dates_sources_and_validities_the_checker_refuses if {
	found := _found(
		[_public({
			"image_build_date": "30.11.2026", "image_source": "file:///srv/ubuntu.img", "provided_until": "soon",
			"uuid_validity": "last3", "hotfix_hours": "3h",
		})],
		[],
	)
	{f | some [f, _] in found} == {
		"properties.image_build_date", "properties.image_source", "properties.provided_until",
		"properties.uuid_validity", "properties.hotfix_hours",
	}
}

test_fail_a_build_date_in_the_future if {
	{m | some [_, m] in _found([_public({"image_build_date": "2027-01-01"})], [])} == {
		"properties.image_build_date 2027-01-01 is in the future (scs-0102-prop-image_build_date)",
	}
}

test_fail_min_disk_below_the_size_and_zero_min_ram if {
	image := object.union(_public({}), {"min_disk": 1, "min_ram": 0})
	_found([image], []) == {
		["min_disk", "min_disk 1 GiB is less than the image's 2147483648 bytes (scs-0102-prop-min_disk)"],
		["min_ram", "min_ram is 0: the standard asks for the real minimum (scs-0102-prop-min_ram)"],
	}
}

test_fail_an_outdated_image_still_provided if {
	found := _found([_public({"image_build_date": "2026-06-01", "provided_until": "2027-06-30"})], [])
	{f | some [f, _] in found} == {"properties.image_build_date"}
}

# The checker measures from the build day's midnight to when it runs: built yesterday with daily (27.5 h) is
# outdated by the afternoon of today, so it is refused all of today (a trial found the policy passing it at 07:05).
test_fail_daily_built_yesterday_is_outdated_by_the_end_of_today if {
	found := _found([_public({"image_build_date": "2026-12-06", "replace_frequency": "daily", "provided_until": "2027-12-31"})], [])
	{f | some [f, _] in found} == {"properties.image_build_date"}
}

test_success_daily_built_today if {
	_found([_public({"image_build_date": "2026-12-07", "replace_frequency": "daily", "provided_until": "2027-12-31"})], []) == set()
}

test_success_weekly_built_six_days_ago if {
	# 7 x 25 h x 1.1 = 192.5 h: the end of today is 168 h after the build day's midnight.
	_found([_public({"image_build_date": "2026-12-01", "replace_frequency": "weekly", "provided_until": "2027-12-31"})], []) == set()
}

test_success_uuid_validity_and_hotfix_hours_may_be_absent if {
	properties := object.remove(_scs, ["uuid_validity", "hotfix_hours"])
	image := object.union(testdata.image, {
		"visibility": "public", "min_disk": 10, "size": 2147483648,
		"properties": object.union(testdata.properties, properties),
	})
	not image.properties.uuid_validity
	_found([image], []) == set()
}

test_success_outdated_but_past_its_end_of_life_or_never_replaced if {
	past := _public({"image_build_date": "2025-01-01", "provided_until": "2026-01-01"})
	never := _public({"image_build_date": "2025-01-01", "replace_frequency": "never", "os_version": "22.04"})
	_found([past, never], []) == set()
}

test_fail_two_generic_images_of_one_distro_version_and_architecture if {
	live := object.union(_public({}), {"id": "old", "name": "ubuntu-24.04-base-v1.0"})
	found := _found([_public({})], [live])
	{m | some [_, m] in found} == {concat("", [
		"another public, visible image has os_purpose generic for x86_64 ubuntu 24.04: ubuntu-24.04-base-v1.0; ",
		"give the older one os_purpose oldgeneric or hide it (scs-0102-os_purpose-uniqueness)",
	])}
}

test_success_the_older_one_made_oldgeneric_in_the_same_change_set if {
	live := object.union(_public({}), {"id": "old", "name": "ubuntu-24.04-base-v1.0"})
	older := object.union(live, {"properties": object.union(live.properties, {"os_purpose": "oldgeneric"})})
	result := {v | some v in scs_0102.violations} with input as object.union(
		testdata.envelope(
			[
				testdata.change("create", null, _public({})),
				object.union(testdata.change("update", live, older), {"address": "image.old"}),
			],
			[live],
		),
		{"today": "2026-12-07"},
	)
		with data.image_catalog as object.union(data.image_catalog, _on)
	result == set()
}

test_fail_an_update_below_the_size_glance_recorded if {
	live := object.union(_public({}), {"id": "img", "size": 4294967296})
	edited := object.union(object.remove(live, ["size"]), {"min_disk": 2})
	result := {v.message | some v in scs_0102.violations}
		with input as object.union(testdata.envelope([testdata.change("update", live, edited)], [live]), {"today": "2026-12-07"})
		with data.image_catalog as object.union(data.image_catalog, _on)
	result == {"min_disk 2 GiB is less than the image's 4294967296 bytes (scs-0102-prop-min_disk)"}
}

test_success_calendar_days_as_the_checker_parses_them if {
	scs_0102._day("1970-01-01") == 0
	scs_0102._day("2026-12-07T10:00:00Z") == 20794
	scs_0102._day("2024-02-29") == 19782
	scs_0102._day("2000-02-29") == 11016
	scs_0102._day("2026-04-30") == 20573
}

test_fail_days_no_calendar_has if {
	not scs_0102._day("2026-02-29")
	not scs_0102._day("2100-02-29")
	not scs_0102._day("2026-04-31")
	not scs_0102._day("2026-13-01")
	not scs_0102._day("2026-12-07T10:00:00")
}

test_fail_values_not_known_until_apply_cannot_be_decided if {
	image := object.union(_public({"image_build_date": testdata.unknown}), {"min_disk": testdata.unknown})
	found := _found([image], [])
	found == {
		["min_disk", "cannot be decided: min_disk is not known until apply"],
		["properties.image_build_date", "cannot be decided: properties.image_build_date is not known until apply"],
	}
}

test_fail_a_visibility_not_known_until_apply_cannot_be_decided if {
	image := testdata.with_key(_public({}), "visibility", testdata.unknown)
	_found([image], []) == {["visibility", "cannot be decided: visibility is not known until apply"]}
}

test_fail_an_audit_finds_each_of_two_generic_images_naming_the_other if {
	one := object.union(_public({}), {"id": "one", "name": "ubuntu-24.04-base-v1.0", "owner": "platform"})
	two := object.union(_public({}), {"id": "two", "name": "ubuntu-24.04-base-v1.1", "owner": "platform"})
	found := {[v.address, v.message] | some v in scs_0102.violations; v.field == "properties.os_purpose"}
		with input as testdata.audit([one, two], {})
		with data.image_catalog as object.union(data.image_catalog, _on)
	found == {
		["one", concat("", [
			"another public, visible image has os_purpose generic for x86_64 ubuntu 24.04: ubuntu-24.04-base-v1.1; ",
			"give the older one os_purpose oldgeneric or hide it (scs-0102-os_purpose-uniqueness)",
		])],
		["two", concat("", [
			"another public, visible image has os_purpose generic for x86_64 ubuntu 24.04: ubuntu-24.04-base-v1.0; ",
			"give the older one os_purpose oldgeneric or hide it (scs-0102-os_purpose-uniqueness)",
		])],
	}
}
