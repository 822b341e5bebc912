# METADATA
# title: A channel points at one bootable image of its line
# description: >-
#   A channel is a tag <family>@<channel> on the one image it points at: only an image of that family may carry
#   it, only while it can be booted (not deactivated, that is revoked, and not past its end of life), and no two
#   images of one change set may carry the same channel.
# custom:
#   id: channels
#   remediation: >-
#     Point the channel at a version of its own line that is neither revoked nor past its end of life, and at one
#     version only (a VersionLine's channels do this; a tag set by hand does not).
package catalog.rules.channels

import data.catalog.lib

# The day of the decision; without one, no end of life counts as passed.
_today := lib.today_else_first

# A channel tag: <family>@<channel>, the family a catalog family.
_channel(tag) := {"family": parts[0], "channel": parts[1]} if {
	regex.match(`^[a-z][a-z0-9]*-[0-9][a-z0-9.]*-[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*@[a-z][a-z0-9-]*$`, tag)
	parts := split(tag, "@")
}

_channel_tags(change) := [tag | some tag in change.after.tags; _channel(tag)]

_tagged contains change if {
	some change in lib.image_writes
	not lib.is_unknown(object.get(change.after, "tags", []))
	count(_channel_tags(change)) > 0
}

# METADATA
# scope: document
# description: Every channel violation of the changes in input.
violations contains lib.undecided(rego.metadata.chain(), change, "tags") if {
	some change in lib.image_writes
	lib.is_unknown(object.get(change.after, "tags", []))
}

violations contains lib.violation(rego.metadata.chain(), change, "tags", message) if {
	some change in _tagged
	not lib.is_unknown(change.after.name)
	some tag in _channel_tags(change)
	family := lib.family_of(change.after.name)
	_channel(tag).family != family
	message := concat("", [
		"tag ", json.marshal(tag), " is channel ", json.marshal(_channel(tag).channel), " of line ",
		json.marshal(_channel(tag).family), ", but image ", json.marshal(change.after.name), " is not of that line",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "tags", message) if {
	some change in _tagged
	change.after.status == "deactivated"
	some tag in _channel_tags(change)
	message := concat("", [
		"image ", json.marshal(change.after.name), " is revoked (deactivated): it cannot be in channel ", json.marshal(tag),
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "tags", message) if {
	some change in _tagged
	until := lib.end_of_life(change.after)
	until < _today
	some tag in _channel_tags(change)
	message := concat("", [
		"image ", json.marshal(change.after.name), " is past its end of life (provided_until ", until,
		"): it cannot be in channel ", json.marshal(tag),
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "tags", message) if {
	some change in _tagged
	some tag in _channel_tags(change)
	others := sort([other.address |
		some other in _tagged
		other.address != change.address
		tag in _channel_tags(other)
	])
	count(others) > 0
	message := concat("", ["channel ", json.marshal(tag), " is also on ", concat(", ", others), ": a channel points at one image"])
}
