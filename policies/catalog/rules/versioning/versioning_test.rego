package catalog.rules.versioning_test

import data.catalog.rules.versioning
import data.catalog.testdata

_named(name) := object.union(testdata.image, {"name": name})

_live(id, name) := {"id": id, "name": name, "status": "active", "visibility": "shared"}

_messages(envelope) := {[v.address, v.message] | some v in versioning.violations with input as envelope}

test_success_a_version_above_the_live_latest if {
	envelope := testdata.envelope(
		[testdata.change("create", null, _named("ubuntu-24.04-base-v1.10"))],
		[_live("a", "ubuntu-24.04-base-v1.2"), _live("b", "ubuntu-24.04-base-v1.9"), _live("c", "ubuntu-22.04-base-v3.0")],
	)
	_messages(envelope) == set()
}

test_fail_a_version_not_above_the_live_latest_compares_as_numbers if {
	envelope := testdata.envelope(
		[testdata.change("create", null, _named("ubuntu-24.04-base-v1.9"))],
		[_live("a", "ubuntu-24.04-base-v1.10")],
	)
	_messages(envelope) == {["image.v11", "v1.9 is not newer than v1.10, the latest ubuntu-24.04-base in the live catalog"]}
}

test_fail_a_reused_name if {
	envelope := testdata.envelope(
		[testdata.change("create", null, _named("ubuntu-24.04-base-v1.1"))],
		[_live("a", "ubuntu-24.04-base-v1.1")],
	)
	_messages(envelope) == {
		["image.v11", `name "ubuntu-24.04-base-v1.1" is already used by image a`],
		["image.v11", "v1.1 is not newer than v1.1, the latest ubuntu-24.04-base in the live catalog"],
	}
}

test_success_an_update_that_keeps_its_name_is_not_a_new_version if {
	before := object.union(testdata.published, {"id": "a"})
	envelope := testdata.envelope([testdata.change("update", before, testdata.image)], [_live("a", "ubuntu-24.04-base-v1.1")])
	_messages(envelope) == set()
}

test_success_a_replace_does_not_compete_with_the_image_it_replaces if {
	before := object.union(testdata.image, {"id": "a"})
	envelope := testdata.envelope([testdata.change("replace", before, testdata.image)], [_live("a", "ubuntu-24.04-base-v1.1")])
	_messages(envelope) == set()
}

test_fail_a_rename_to_an_older_version if {
	before := object.union(testdata.image, {"id": "a", "name": "ubuntu-24.04-base-v2.0"})
	envelope := testdata.envelope(
		[testdata.change("update", before, _named("ubuntu-24.04-base-v1.0"))],
		[_live("a", "ubuntu-24.04-base-v2.0"), _live("b", "ubuntu-24.04-base-v1.5")],
	)
	_messages(envelope) == {["image.v11", "v1.0 is not newer than v1.5, the latest ubuntu-24.04-base in the live catalog"]}
}

test_fail_two_changes_declare_the_same_name if {
	first := testdata.change("create", null, testdata.image)
	second := object.union(first, {"address": "image.copy"})
	_messages(testdata.envelope([first, second], [])) == {
		["image.v11", `name "ubuntu-24.04-base-v1.1" is also declared by image.copy`],
		["image.copy", `name "ubuntu-24.04-base-v1.1" is also declared by image.v11`],
	}
}

test_fail_an_unknown_name_cannot_be_decided if {
	envelope := testdata.envelope([testdata.change("create", null, _named(testdata.unknown))], [])
	_messages(envelope) == {["image.v11", "cannot be decided: name is not known until apply"]}
}
