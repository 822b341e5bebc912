# METADATA
# title: A share needs its image shared
# description: >-
#   Glance adds a member only to an image whose visibility is shared, and a member accepts only a shared (or
#   community) image: a member or acceptance of an image the plan leaves private or public is refused before
#   anything is applied, instead of failing half-way after the image was made. The image is the change the share
#   refers to (image_address), else the plan's change or the live image of its image_id.
# custom:
#   id: sharing
#   remediation: >-
#     Give the image visibility shared (community for an image every project may find, which members may still
#     accept), or drop the share.
package catalog.rules.sharing

import data.catalog.lib

_needs := {"member": {"shared"}, "acceptance": {"shared", "community"}}

# METADATA
# scope: document
# description: Every share whose image is not shared (or community, for an acceptance).
violations contains lib.undecided(rego.metadata.chain(), change, "image_id") if {
	some change in _shares
	lib.is_unknown(_visibility(change))
}

violations contains lib.violation(rego.metadata.chain(), change, "image_id", message) if {
	some change in _shares
	visibility := _visibility(change)
	not lib.is_unknown(visibility)
	not visibility in _needs[change.kind]
	message := concat("", [
		"image ", json.marshal(_image(change).name), " is ", json.marshal(visibility), ": a ", change.kind,
		" needs it ", concat(" or ", sort([v | some v in _needs[change.kind]])),
	])
}

_shares contains change if {
	some change in input.changes
	_needs[change.kind]
	change.action in {"create", "update", "replace"}
	is_object(change.after)
}

# The image a share refers to: the plan's change at its image_address, else the plan's change or the live image
# of its image_id.
_image(share) := image.after if {
	some image in input.changes
	image.kind == "image"
	image.address == share.after.image_address
	is_object(image.after)
} else := image.after if {
	some image in input.changes
	image.kind == "image"
	is_object(image.after)
	_id_of(image) == share.after.image_id
} else := image if {
	some image in input.catalog.images
	image.id == share.after.image_id
}

_id_of(change) := object.get(change.after, "id", object.get(change, ["before", "id"], null))

_visibility(share) := _image(share).visibility
