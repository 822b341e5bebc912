package catalog.rules.channels_test

import data.catalog.rules.channels
import data.catalog.testdata

_found(changes, today) := result if {
	result := {[v.address, v.field, v.message] | some v in channels.violations}
		with input as object.union(testdata.envelope(changes, []), {"today": today})
}

_tags(image, tags) := testdata.with_key(image, "tags", tags)

_at(change, address) := object.union(change, {"address": address})

_until(image, date) := object.union(image, {"properties": {"provided_until": date, "deprecated": "true"}})

test_success_a_channel_on_an_image_of_its_line if {
	tagged := _tags(testdata.published, ["ubuntu-24.04-base", "ubuntu-24.04-base@stable", "ubuntu-24.04-base@latest"])
	_found([testdata.change("update", testdata.published, tagged)], "2026-12-07") == set()
}

test_fail_a_channel_of_another_line if {
	tagged := _tags(testdata.published, ["ubuntu-22.04-base@stable"])
	_found([testdata.change("update", testdata.published, tagged)], "2026-12-07") == {[
		"image.v11", "tags",
		concat("", [
			`tag "ubuntu-22.04-base@stable" is channel "stable" of line "ubuntu-22.04-base", `,
			`but image "ubuntu-24.04-base-v1.1" is not of that line`,
		]),
	]}
}

test_fail_a_channel_on_an_image_outside_the_catalog_names if {
	tagged := _tags(object.union(testdata.published, {"name": "golden"}), ["ubuntu-24.04-base@stable"])
	count(_found([testdata.change("update", testdata.published, tagged)], "2026-12-07")) == 1
}

test_success_a_tag_that_is_no_channel if {
	tagged := _tags(testdata.published, ["team@example.org", "cis"])
	_found([testdata.change("update", testdata.published, tagged)], "2026-12-07") == set()
}

test_fail_a_channel_on_a_revoked_image if {
	revoked := _tags(object.union(testdata.published, {"status": "deactivated"}), ["ubuntu-24.04-base@stable"])
	_found([testdata.change("update", testdata.published, revoked)], "2026-12-07") == {[
		"image.v11", "tags",
		`image "ubuntu-24.04-base-v1.1" is revoked (deactivated): it cannot be in channel "ubuntu-24.04-base@stable"`,
	]}
}

test_fail_a_channel_on_an_image_past_its_end_of_life if {
	past := _tags(_until(testdata.published, "2026-12-01"), ["ubuntu-24.04-base@latest"])
	_found([testdata.change("update", testdata.published, past)], "2026-12-07") == {[
		"image.v11", "tags",
		concat("", [
			`image "ubuntu-24.04-base-v1.1" is past its end of life (provided_until 2026-12-01): `,
			`it cannot be in channel "ubuntu-24.04-base@latest"`,
		]),
	]}
}

test_success_a_channel_on_the_last_day_of_life if {
	last := _tags(_until(testdata.published, "2026-12-07"), ["ubuntu-24.04-base@latest"])
	_found([testdata.change("update", testdata.published, last)], "2026-12-07") == set()
}

test_fail_one_channel_on_two_images if {
	one := _tags(testdata.published, ["ubuntu-24.04-base@stable"])
	two := _tags(object.union(testdata.published, {"name": "ubuntu-24.04-base-v1.2", "id": "id-v12"}), ["ubuntu-24.04-base@stable"])
	_found(
		[testdata.change("update", testdata.published, one), _at(testdata.change("create", null, two), "image.v12")],
		"2026-12-07",
	) == {
		["image.v11", "tags", `channel "ubuntu-24.04-base@stable" is also on image.v12: a channel points at one image`],
		["image.v12", "tags", `channel "ubuntu-24.04-base@stable" is also on image.v11: a channel points at one image`],
	}
}

test_success_a_channel_moved_from_one_image_to_the_next if {
	old := _tags(testdata.published, ["ubuntu-24.04-base"])
	new := _tags(object.union(testdata.published, {"name": "ubuntu-24.04-base-v1.2", "id": "id-v12"}), ["ubuntu-24.04-base@stable"])
	_found(
		[testdata.change("update", testdata.published, old), _at(testdata.change("create", null, new), "image.v12")],
		"2026-12-07",
	) == set()
}

test_fail_tags_not_known_until_apply if {
	unknown := testdata.with_key(testdata.published, "tags", testdata.unknown)
	_found([testdata.change("update", testdata.published, unknown)], "2026-12-07") == {[
		"image.v11", "tags", "cannot be decided: tags is not known until apply",
	]}
}

test_success_a_name_not_known_until_apply_is_not_judged_here if {
	unknown := _tags(testdata.with_key(testdata.published, "name", testdata.unknown), ["ubuntu-24.04-base@stable"])
	_found([testdata.change("update", testdata.published, unknown)], "2026-12-07") == set()
}
