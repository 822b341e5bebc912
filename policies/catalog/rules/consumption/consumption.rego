# METADATA
# title: Nothing new boots a withdrawn image
# description: >-
#   A server (openstack_compute_instance_v2: image_id, image_name, a block_device with source_type image) or a
#   volume (openstack_blockstorage_volume_v3: image_id) created from an image that is revoked (deactivated, by
#   whoever deactivated it) or past its end of life (properties.provided_until before the day of the decision) is
#   refused, and so is one made from an image the applying project cannot see at all (deleted, never shared with it,
#   or past its end of life and no longer shared): Nova could not boot it. What already runs on it keeps running:
#   only a create or a replace is decided.
# custom:
#   id: consumption
#   remediation: >-
#     Boot the line's current image instead: image-catalog resolve <line>[@<channel>] prints its id, getImage and
#     CatalogImageLookup (or the openstack_images_image_v2 data source with tag = "<line>@latest") look it up.
package catalog.rules.consumption

import data.catalog.lib

# The day of the decision; without one, every end of life counts as passed (fail closed).
_today := lib.today_else_last

# METADATA
# scope: document
# description: Every create of a server or volume from a revoked image or one past its end of life.
violations contains lib.violation(rego.metadata.chain(), change, field, message) if {
	some change in lib.consumer_creates
	some [field, image] in lib.boot_images(change)
	image.status == "deactivated"
	message := concat("", [
		"is made from image ", lib.image_text(image), ", which is revoked (deactivated): no new server or volume may be made from it",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, field, message) if {
	some change in lib.consumer_creates
	some [field, image] in lib.boot_images(change)
	lib.past_end_of_life(image, _today)
	message := concat("", [
		"is made from image ", lib.image_text(image), ", which is past its end of life (provided_until ",
		image.properties.provided_until, ")",
	])
}

# An image id not known until apply, and no image change of this change set it refers to (none named, or one
# another cloud applies).
violations contains lib.undecided(rego.metadata.chain(), change, entry.field) if {
	some change in lib.consumer_creates
	some entry in change.after.boots
	lib.is_unknown(entry.id)
	count(lib.boot_candidates(entry)) == 0
}

# An image by id or name that none of the images the principal sees is (an image of the change set is found by
# its address instead).
violations contains lib.violation(rego.metadata.chain(), change, entry.field, message) if {
	some change in lib.consumer_creates
	some entry in change.after.boots
	not lib.is_unknown(object.get(entry, "id", ""))
	count(lib.boot_candidates(entry)) == 0
	message := concat("", [
		"is made from image ", _named(entry), ", which project ", input.principal.project_id,
		" cannot see: deleted, never shared with it, or past its end of life and no longer shared",
	])
}

_named(entry) := entry.id if is_string(entry.id)

_named(entry) := json.marshal(entry.name) if is_string(entry.name)
