package catalog.rules.public_visibility_test

import data.catalog.rules.public_visibility
import data.catalog.testdata

_found(name) := result if {
	result := {v.message | some v in public_visibility.violations}
		with input as testdata.cases[name].input
		with data.image_catalog as testdata.cases[name].data
}

test_fail_a_member_makes_an_image_public if {
	_found("public_visibility: a member makes an image public") == {
		"visibility public needs one of the roles admin; the token has member, reader",
	}
}

test_success_an_admin_makes_an_image_public if {
	_found("public_visibility: an admin makes an image public") == set()
}

test_success_an_image_already_public_stays_public_without_admin if {
	_found("public_visibility: a public image stays public") == set()
}

test_success_community_is_the_owners_choice_by_default if {
	_found("public_visibility: community by the owner") == set()
}

test_fail_community_needs_admin_when_data_says_so if {
	_found("public_visibility: community when data requires admin") == {
		"visibility community needs one of the roles admin; the token has member",
	}
}

test_success_admin_role_names_come_from_data if {
	_found("public_visibility: admin role names from data") == set()
}

test_fail_an_unknown_visibility_cannot_be_decided if {
	_found("public_visibility: an unknown visibility") == {"cannot be decided: visibility is not known until apply"}
}
