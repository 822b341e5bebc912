package catalog.rules.versioning_test

import data.catalog.rules.versioning
import data.catalog.testdata

_found(name) := result if {
	result := {[v.address, v.message] | some v in versioning.violations}
		with input as testdata.cases[name].input
		with data.image_catalog as testdata.cases[name].data
}

test_success_a_version_above_the_live_latest if {
	_found("versioning: above the live latest") == set()
}

test_fail_a_version_not_above_the_live_latest_compares_as_numbers if {
	_found("versioning: not above the live latest") == {[
		"image.v11",
		"v1.9 is not newer than v1.10, the latest ubuntu-24.04-base in the live catalog",
	]}
}

test_fail_a_reused_name if {
	_found("versioning: a reused name") == {
		["image.v11", `name "ubuntu-24.04-base-v1.1" is already used by image a`],
		["image.v11", "v1.1 is not newer than v1.1, the latest ubuntu-24.04-base in the live catalog"],
	}
}

test_success_an_update_that_keeps_its_name_is_not_a_new_version if {
	_found("versioning: an update that keeps its name") == set()
}

test_success_a_replace_does_not_compete_with_the_image_it_replaces if {
	_found("versioning: a replace of the same name") == set()
}

test_fail_a_rename_to_an_older_version if {
	_found("versioning: a rename to an older version") == {[
		"image.v11",
		"v1.0 is not newer than v1.5, the latest ubuntu-24.04-base in the live catalog",
	]}
}

test_fail_two_changes_declare_the_same_name if {
	_found("versioning: two changes declare one name") == {
		["image.v11", `name "ubuntu-24.04-base-v1.1" is also declared by image.copy`],
		["image.copy", `name "ubuntu-24.04-base-v1.1" is also declared by image.v11`],
	}
}

test_fail_an_unknown_name_cannot_be_decided if {
	_found("versioning: an unknown name") == {["image.v11", "cannot be decided: name is not known until apply"]}
}

test_success_an_older_version_made_deprecated_and_hidden if {
	_found("versioning: an older version made deprecated and hidden") == set()
}

test_fail_an_older_version_deprecated_but_visible if {
	count(_found("versioning: an older version deprecated but visible")) == 1
}

test_fail_an_older_version_deprecated_and_hidden_with_the_version_of_a_live_image if {
	_found("versioning: the version of a live image again, deprecated and hidden") == {[
		"image.v11", "v1.1 is not newer than v1.2, the latest ubuntu-24.04-base in the live catalog",
	]}
}

_audit(images) := result if {
	result := {[v.address, v.message] | some v in versioning.violations} with input as testdata.audit(images, {})
}

test_fail_an_audit_finds_a_name_used_twice if {
	_audit([testdata.live("a", "ubuntu-24.04-base-v1.0", {}), testdata.live("b", "ubuntu-24.04-base-v1.0", {})]) == {
		["a", `name "ubuntu-24.04-base-v1.0" is also used by image b`],
		["b", `name "ubuntu-24.04-base-v1.0" is also used by image a`],
	}
}

test_fail_an_audit_finds_a_version_published_after_a_newer_one if {
	older := testdata.live("a", "ubuntu-24.04-base-v1.0", {"created_at": "2026-11-02T00:00:00Z"})
	newer := testdata.live("b", "ubuntu-24.04-base-v1.1", {"created_at": "2026-11-01T00:00:00Z"})
	_audit([older, newer]) == {[
		"a",
		concat("", [
			"v1.0 was published (2026-11-02T00:00:00Z) after v1.1 (image b, 2026-11-01T00:00:00Z): ",
			"a family's versions are published in order",
		]),
	]}
}

test_success_an_audit_counts_catalog_published_at_and_spares_a_hidden_deprecated_backfill if {
	published := {"catalog_published_at": "2026-11-03T00:00:00Z"}
	in_order := testdata.live("a", "ubuntu-24.04-base-v1.0", {
		"created_at": "2026-11-02T00:00:00Z",
		"properties": object.union(testdata.properties, {"catalog_published_at": "2026-10-01T00:00:00Z"}),
	})
	newer := testdata.live("b", "ubuntu-24.04-base-v1.1", {
		"created_at": "2026-11-01T00:00:00Z",
		"properties": object.union(testdata.properties, published),
	})
	_audit([in_order, newer]) == set()
	backfill := testdata.live("a", "ubuntu-24.04-base-v1.0", {
		"created_at": "2026-11-02T00:00:00Z", "os_hidden": true,
		"properties": object.union(testdata.properties, {"deprecated": "true"}),
	})
	_audit([backfill, testdata.live("b", "ubuntu-24.04-base-v1.1", {"created_at": "2026-11-01T00:00:00Z"})]) == set()
}
