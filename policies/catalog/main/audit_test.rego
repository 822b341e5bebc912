package catalog.main_test

import data.catalog.lib
import data.catalog.main
import data.catalog.testdata

_audit(images, fields) := result if {
	result := {[v.rule, v.address, v.field] | some v in main.decision.violations}
		with input as testdata.audit(images, fields)
}

test_success_a_clean_live_catalog_has_no_findings if {
	_audit([testdata.live("a", "ubuntu-24.04-base-v1.0", {})], {}) == set()
}

test_fail_an_audit_judges_what_each_live_image_carries_at_its_id if {
	bare := testdata.with_key(testdata.live("b", "My Image", {}), "properties", {})
	_audit([testdata.live("a", "ubuntu-24.04-base-v1.0", {}), bare], {}) == {
		["naming", "b", "name"],
		["required_metadata", "b", "properties.description"],
		["required_metadata", "b", "properties.hw_disk_bus"],
		["required_metadata", "b", "properties.hw_vif_model"],
		["required_metadata", "b", "properties.os_distro"],
		["required_metadata", "b", "properties.os_version"],
	}
}

test_success_an_audit_of_one_owner_judges_only_its_images if {
	other := testdata.with_key(testdata.live("b", "My Image", {"owner": "someone"}), "properties", {})
	_audit([testdata.live("a", "ubuntu-24.04-base-v1.0", {}), other], {"owner": "platform"}) == set()
}

test_success_an_audit_changes_nothing_so_immutability_and_sharing_find_nothing if {
	count(lib.audit_writes) == 1 with input as testdata.audit([testdata.live("a", "ubuntu-24.04-base-v1.0", {})], {})
	count(lib.audit_writes) == 0 with input as testdata.envelope([], [testdata.live("a", "ubuntu-24.04-base-v1.0", {})])
}

test_success_an_adopted_image_that_breaks_rules_can_be_deprecated_and_hidden if {
	bare := testdata.with_key(testdata.live("b", "My Image", {}), "properties", {})
	retired := object.union(testdata.with_key(bare, "properties", {"deprecated": "true"}), {"os_hidden": true})
	decision := main.decision with input as testdata.envelope([testdata.change("update", bare, retired)], [bare])
	decision == {"allowed": true, "violations": []}
}

test_fail_an_update_is_judged_on_what_it_changes if {
	bare := testdata.with_key(testdata.live("b", "My Image", {}), "properties", {"os_distro": "ubuntu"})
	renamed := object.union(testdata.with_key(bare, "properties", {"os_distro": "nonsense"}), {"name": "Other"})
	found := {[v.rule, v.field] | some v in main.decision.violations}
		with input as testdata.envelope([testdata.change("update", bare, renamed)], [bare])
	found == {
		["naming", "name"],
		["required_metadata", "properties.os_distro"],
		["immutability", "name"],
		["immutability", "properties.os_distro"],
	}
}
