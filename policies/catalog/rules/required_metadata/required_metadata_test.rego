package catalog.rules.required_metadata_test

import data.catalog.rules.required_metadata
import data.catalog.testdata

_with(properties) := testdata.envelope(
	[testdata.change("create", null, testdata.with_key(testdata.image, "properties", properties))],
	[],
)

_found(properties) := {[v.field, v.message] | some v in required_metadata.violations with input as _with(properties)}

test_success_every_required_property_present_and_allowed if {
	_found(testdata.properties) == set()
}

test_fail_a_missing_hw_vif_model if {
	found := _found(object.remove(testdata.properties, ["hw_vif_model"]))
	found == {["properties.hw_vif_model", "properties.hw_vif_model is missing"]}
}

test_fail_an_empty_description_and_a_number_for_os_version if {
	_found(object.union(testdata.properties, {"description": "", "os_version": 24})) == {
		["properties.description", "properties.description is empty"],
		["properties.os_version", "properties.os_version must be a string"],
	}
}

test_fail_a_disk_bus_outside_the_allowed_values if {
	_found(object.union(testdata.properties, {"hw_disk_bus": "nvme"})) == {[
		"properties.hw_disk_bus",
		`properties.hw_disk_bus is "nvme", not one of fdc, ide, lxc, sata, scsi, uml, usb, virtio, xen`,
	]}
}

test_fail_unknown_properties_cannot_be_decided if {
	found := {v.field | some v in required_metadata.violations with input as _with(testdata.unknown)}
	found == {
		"properties.os_distro", "properties.os_version", "properties.hw_disk_bus",
		"properties.hw_vif_model", "properties.description",
	}
}

test_fail_one_unknown_property_cannot_be_decided if {
	_found(object.union(testdata.properties, {"description": testdata.unknown})) == {[
		"properties.description",
		"cannot be decided: properties.description is not known until apply",
	]}
}

test_success_the_required_list_comes_from_data if {
	properties := object.remove(testdata.properties, ["hw_vif_model"])
	count(required_metadata.violations) == 0 with input as _with(properties)
		with data.image_catalog.required_metadata.properties.hw_vif_model as {"required": false}
}
