# METADATA
# title: A new server or volume boots the current image
# description: >-
#   A server or a volume created from a deprecated image (properties.deprecated "true": a newer version of its
#   line exists) that can still be booted: a warning by default, since what is made works but will need a rebuild.
# custom:
#   id: consumption_deprecated
#   remediation: >-
#     Boot the image its superseded_by property names, or follow a channel: image-catalog resolve <line>@<channel>,
#     getImage, CatalogImageLookup or the openstack_images_image_v2 data source with tag = "<line>@<channel>".
package catalog.rules.consumption_deprecated

import data.catalog.lib

# Without the day of the decision, nothing counts as past its end of life here (consumption refuses those).
_today := lib.today_else_last

# METADATA
# scope: document
# description: Every create of a server or volume from a deprecated image not already refused by consumption.
violations contains lib.violation(rego.metadata.chain(), change, field, message) if {
	some change in lib.consumer_creates
	some [field, image] in lib.boot_images(change)
	image.properties.deprecated == "true"
	object.get(image, "status", "") != "deactivated"
	not lib.past_end_of_life(image, _today)
	message := concat("", [
		"is made from image ", lib.image_text(image), ", which is deprecated",
		_superseded(image), ": what is made now will need a rebuild",
	])
}

_successor(image) := object.get(image, ["properties", "superseded_by"], "")

_superseded(image) := concat("", [" (superseded by ", _successor(image), ")"]) if _successor(image) != ""

_superseded(image) := "" if _successor(image) == ""
