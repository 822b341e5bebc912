# METADATA
# title: Only an admin makes an image public
# description: >-
#   Setting visibility to public needs one of the admin roles (data) on the token; whether community needs
#   them too is data (default: the owner may set community).
# custom:
#   id: public_visibility
#   remediation: >-
#     Apply this change with a cloud whose token holds an admin role, or keep the image shared (members) or
#     community.
package catalog.rules.public_visibility

import data.catalog.lib

_config := lib.config.public_visibility

_is_admin if {
	some role in input.principal.roles
	role in _config.admin_roles
}

_restricted contains "public"

_restricted contains "community" if _config.community_requires_admin == true

# METADATA
# scope: document
# description: Every public-visibility violation of the changes in input.
violations contains lib.undecided(rego.metadata.chain(), change, "visibility") if {
	some change in lib.image_writes
	lib.is_unknown(change.after.visibility)
}

violations contains lib.violation(rego.metadata.chain(), change, "visibility", message) if {
	some change in lib.image_writes
	visibility := change.after.visibility
	visibility in _restricted
	object.get(change, ["before", "visibility"], null) != visibility
	not _is_admin
	message := concat("", [
		"visibility ", visibility, " needs one of the roles ", concat(", ", _config.admin_roles),
		"; the token has ", concat(", ", [role | some role in input.principal.roles]),
	])
}
