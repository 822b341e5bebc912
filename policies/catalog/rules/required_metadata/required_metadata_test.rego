package catalog.rules.required_metadata_test

import data.catalog.rules.required_metadata
import data.catalog.testdata

_found(name) := result if {
	result := {[v.field, v.message] | some v in required_metadata.violations}
		with input as testdata.cases[name].input
		with data.image_catalog as testdata.cases[name].data
}

test_success_every_required_property_present_and_allowed if {
	_found("required_metadata: everything present") == set()
}

test_fail_a_missing_hw_vif_model if {
	_found("required_metadata: hw_vif_model missing") == {["properties.hw_vif_model", "properties.hw_vif_model is missing"]}
}

test_fail_an_empty_description_and_a_number_for_os_version if {
	_found("required_metadata: an empty description and a number") == {
		["properties.description", "properties.description is empty"],
		["properties.os_version", "properties.os_version must be a string"],
	}
}

test_fail_a_disk_bus_outside_the_allowed_values if {
	_found("required_metadata: a disk bus not allowed") == {[
		"properties.hw_disk_bus",
		`properties.hw_disk_bus is "nvme", not one of fdc, ide, lxc, sata, scsi, uml, usb, virtio, xen`,
	]}
}

test_fail_unknown_properties_cannot_be_decided if {
	{field | some [field, _] in _found("required_metadata: unknown properties")} == {
		"properties.os_distro", "properties.os_version", "properties.hw_disk_bus",
		"properties.hw_vif_model", "properties.description",
	}
}

test_fail_one_unknown_property_cannot_be_decided if {
	_found("required_metadata: one unknown property") == {[
		"properties.description",
		"cannot be decided: properties.description is not known until apply",
	]}
}

test_success_a_stack_turns_a_required_property_off if {
	_found("required_metadata: hw_vif_model turned off by data") == set()
}
