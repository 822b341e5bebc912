# METADATA
# title: Only an admin makes an image public
# description: >-
#   Setting visibility to public needs one of the admin roles (data) on the token; whether community needs
#   them too is data (default: the owner may set community). An audit of the live catalog finds public images
#   whose owner project holds none of the admin roles (input.audit.admin_projects, where the auditor can list them).
# custom:
#   id: public_visibility
#   remediation: >-
#     Apply this change with a cloud whose token holds an admin role, or keep the image shared (members) or
#     community. In the live catalog, give a public image to a project where an admin role is held, or make it
#     shared or community.
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

# In an audit: a live image of a restricted visibility owned by a project where no one holds an admin role (known
# when the auditor could list the role assignments: input.audit.admin_projects).
violations contains lib.violation(rego.metadata.chain(), change, "visibility", message) if {
	admins := input.audit.admin_projects
	is_array(admins)
	some change in lib.audit_writes
	visibility := change.after.visibility
	visibility in _restricted
	owner := object.get(change.after, "owner", "")
	not owner in admins
	message := concat("", [
		"image is ", visibility, " but no one holds an admin role (", concat(", ", _config.admin_roles),
		") in its owner project ", json.marshal(owner),
	])
}
