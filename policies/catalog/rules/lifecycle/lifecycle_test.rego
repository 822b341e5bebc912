package catalog.rules.lifecycle_test

import data.catalog.lib
import data.catalog.main
import data.catalog.rules.lifecycle
import data.catalog.testdata

_on(envelope, today) := object.union(envelope, {"today": today})

_found(changes, today) := result if {
	result := {[v.address, v.field, v.message] | some v in lifecycle.violations}
		with input as _on(testdata.envelope(changes, []), today)
}

_until(image, date) := object.union(image, {"properties": {"provided_until": date, "deprecated": "true"}})

# Deletes before and after the end of life.

test_fail_a_delete_before_the_end_of_life if {
	_found([testdata.change("delete", _until(testdata.published, "2026-12-31"), null)], "2026-12-07") == {[
		"image.v11", "properties.provided_until",
		`published image "ubuntu-24.04-base-v1.1" cannot be deleted before its end of life (provided_until 2026-12-31)`,
	]}
}

test_fail_a_delete_on_the_last_day if {
	count(_found([testdata.change("delete", _until(testdata.published, "2026-12-07"), null)], "2026-12-07")) == 1
}

test_success_a_delete_after_the_end_of_life if {
	_found([testdata.change("delete", _until(testdata.published, "2026-12-06"), null)], "2026-12-07") == set()
}

test_success_a_delete_without_an_end_of_life if {
	_found([testdata.change("delete", testdata.published, null)], "2026-12-07") == set()
}

test_success_a_delete_of_an_image_never_published if {
	_found([testdata.change("delete", _until(testdata.image, "2027-01-01"), null)], "2026-12-07") == set()
}

test_fail_a_delete_without_the_day_of_the_decision if {
	result := {v.field | some v in lifecycle.violations} with input as testdata.envelope(
		[testdata.change("delete", _until(testdata.published, "1999-01-01"), null)],
		[],
	)
	result == {"properties.provided_until"}
}

# The rule in the decision.

test_fail_the_decision_refuses_a_delete_before_the_end_of_life if {
	decision := main.decision with input as _on(
		testdata.envelope([testdata.change("delete", _until(testdata.published, "2027-06-30"), null)], []),
		"2026-12-07",
	)
	decision.allowed == false
	[v.rule | some v in decision.violations] == ["lifecycle"]
}

test_success_family_of_a_name_outside_the_convention if {
	lib.family_of("golden") == ""
	lib.family_of("ubuntu-24.04-base-v1.1") == "ubuntu-24.04-base"
}

_audit(images) := _audit_with(images, {})

_audit_with(images, fields) := result if {
	result := {[v.address, v.field, v.message] | some v in lifecycle.violations}
		with input as testdata.audit(images, fields)
}

test_fail_an_audit_finds_a_deprecated_image_still_listed if {
	properties := object.union(testdata.properties, {"deprecated": "true"})
	deprecated := testdata.live("a", "ubuntu-24.04-base-v1.0", {"properties": properties, "visibility": "public"})
	_audit([deprecated]) == {[
		"a", "os_hidden",
		concat("", [
			"deprecated image is still listed to every project (public) (not hidden): ",
			"hide it (os_hidden), what runs on it keeps booting it by id",
		]),
	]}
	_audit([object.union(deprecated, {"os_hidden": true})]) == set()
	_audit([object.union(deprecated, {"visibility": "private"})]) == set()
	_audit([object.union(deprecated, {"visibility": "community"})]) == set()
	shared := object.union(deprecated, {"visibility": "shared"})
	_audit([shared]) == set()
	{m | some [_, _, m] in _audit_with([shared], {"accepted_members": {"a": ["appteam"]}})} == {
		concat("", [
			"deprecated image is still listed to 1 accepted member(s) (shared) (not hidden): ",
			"hide it (os_hidden), what runs on it keeps booting it by id",
		]),
	}
}

test_fail_an_audit_finds_an_image_past_its_end_of_life_not_deprecated if {
	until := {"provided_until": "2026-12-06"}
	past := testdata.live("a", "ubuntu-24.04-base-v1.0", {"properties": object.union(testdata.properties, until)})
	message := "image is past its end of life (provided_until 2026-12-06) but not deprecated"
	_audit([past]) == {["a", "properties.deprecated", message]}
	today := {"provided_until": "2026-12-07"}
	_audit([object.union(past, {"properties": object.union(past.properties, today)})]) == set()
}
