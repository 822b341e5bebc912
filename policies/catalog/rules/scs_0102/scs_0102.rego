# METADATA
# title: The SCS-0102 image metadata profile
# description: >-
#   With profile scs-0102 in the policy data (off otherwise), every public or community image that is not hidden
#   (what the standard's own checker, Tests/iaas/scs_0102_image_metadata of SovereignCloudStack/standards, looks
#   at) carries the standard's metadata with the values the checker accepts: architecture, min_disk covering the
#   image's size, min_ram, os_distro, os_version, os_purpose, hw_disk_bus, hypervisor_type, hw_rng_model,
#   image_build_date (not in the future), image_original_user, image_source (a url or private),
#   image_description, replace_frequency, provided_until, and uuid_validity and hotfix_hours where set; it is not
#   outdated (built within 1.1 x its replace_frequency by the end of the day, unless its provided_until is none,
#   notice or past); and it is the only
#   public, visible image with os_purpose generic for its architecture, os_distro and os_version. Each message
#   names the checker's testcase.
# custom:
#   id: scs_0102
#   remediation: >-
#     Declare the missing or wrong value: a plain image spreads scsMetadata({...}) into its properties and sets
#     minDisk and minRam; a VersionLine fills the metadata from its scs and each version's buildDate (docs/pulumi.md;
#     docs/policy.md lists what each property takes). Hide an outdated image or publish a newer build, and give an
#     older visible version os_purpose oldgeneric.
package catalog.rules.scs_0102

import data.catalog.lib

_on if lib.config.profile == "scs-0102"

_today := lib.today_else_first

_gib := 1073741824

# The values the profile accepts, as the standard's checker has them: policies/data.json (image_catalog.scs_0102).
_values := lib.config.scs_0102

_purposes := {purpose | some purpose in _values.purposes}

# Seconds per replace_frequency (0: never outdated).
_frequencies := _values.replace_frequencies

_enums := {
	"architecture": {value | some value in _values.architectures},
	"hw_disk_bus": {value | some value in _values.hw_disk_buses},
	"hypervisor_type": {value | some value in _values.hypervisor_types},
	"hw_rng_model": {value | some value in _values.hw_rng_models},
}

# Required (non-empty) properties, as the checker's testcases require them; the enumerations of _enums, and
# uuid_validity and hotfix_hours, are checked where set (their testcases pass an image without them).
_required := {
	"architecture", "os_distro", "os_version", "os_purpose", "image_build_date", "image_original_user",
	"image_source", "image_description", "replace_frequency", "provided_until",
}

# The images the checker looks at: public or community, not hidden.
_checked contains change if {
	_on
	some change in lib.image_writes
	change.after.visibility in {"public", "community"}
	not change.after.os_hidden == true
}

_prop(image, key) := object.get(image, ["properties", key], "")

_testcase(key) := concat("", ["scs-0102-prop-", key])

# A date as the checker parses it (YYYY-MM-DD, with a time, or ISO with Z, a real calendar day): its day number
# (days since 1970-01-01; the Wasm bundle has no time functions, so the civil calendar is computed here).
_date_forms := [
	`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$`,
	`^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$`,
	`^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$`,
	`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`,
]

_day(text) := days if {
	is_string(text)
	_date_form(text)
	m := to_number(substring(text, 5, 2))
	m >= 1
	m <= 12
	d := to_number(substring(text, 8, 2))
	d >= 1
	y := to_number(substring(text, 0, 4))
	d <= _month_days(y, m)
	days := _civil_days(y, m, d)
}

_date_form(text) if {
	some form in _date_forms
	regex.match(form, text)
}

_leap(y) if {
	y % 4 == 0
	y % 100 != 0
}

_leap(y) if y % 400 == 0

_month_days(y, 2) := 29 if _leap(y)

_month_days(y, 2) := 28 if not _leap(y)

_month_days(_, m) := 30 if m in {4, 6, 9, 11}

_month_days(_, m) := 31 if m in {1, 3, 5, 7, 8, 10, 12}

# Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse, integer arithmetic only).
_civil_days(y, m, d) := days if {
	shifted := y - _january_or_february(m)
	era := floor(shifted / 400)
	year_of_era := shifted - (era * 400)
	day_of_year := (floor(((153 * ((m + 9) % 12)) + 2) / 5) + d) - 1
	day_of_era := (((year_of_era * 365) + floor(year_of_era / 4)) - floor(year_of_era / 100)) + day_of_year
	days := ((era * 146097) + day_of_era) - 719468
}

_january_or_february(m) := 1 if m <= 2

_january_or_february(m) := 0 if m > 2

_today_day := _day(_today)

# METADATA
# scope: document
# description: Every SCS-0102 violation of the changes in input (none without the profile).
violations contains lib.undecided(rego.metadata.chain(), change, "visibility") if {
	_on
	some change in lib.image_writes
	lib.is_unknown(object.get(change.after, "visibility", ""))
}

violations contains lib.undecided(rego.metadata.chain(), change, field) if {
	some change in _checked
	some field in _unknown_fields(change.after)
}

violations contains lib.violation(rego.metadata.chain(), change, concat(".", ["properties", key]), message) if {
	some change in _checked
	some key in _required
	_prop(change.after, key) == ""
	message := concat("", ["properties.", key, " is missing (", _testcase(key), ")"])
}

violations contains lib.violation(rego.metadata.chain(), change, concat(".", ["properties", key]), message) if {
	some change in _checked
	some key, allowed in _enums
	value := _prop(change.after, key)
	is_string(value)
	value != ""
	not value in allowed
	message := concat("", [
		"properties.", key, " ", json.marshal(value), " is not one of ", concat(", ", sort(allowed)), " (", _testcase(key), ")",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "properties.os_purpose", message) if {
	some change in _checked
	value := _prop(change.after, "os_purpose")
	is_string(value)
	value != ""
	not value in _purposes
	message := concat("", [
		"properties.os_purpose ", json.marshal(value), " is not one of ", concat(", ", sort(_purposes)),
		" (scs-0102-prop-os_purpose)",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "properties.replace_frequency", message) if {
	some change in _checked
	value := _prop(change.after, "replace_frequency")
	is_string(value)
	value != ""
	not value in {name | some name, _ in _frequencies}
	message := concat("", [
		"properties.replace_frequency ", json.marshal(value), " is not one of ",
		concat(", ", sort({name | some name, _ in _frequencies})), " (scs-0102-prop-replace_frequency)",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, field, message) if {
	some change in _checked
	some field in ["min_disk", "min_ram"]
	object.get(change.after, field, 0) == 0
	message := concat("", [field, " is 0: the standard asks for the real minimum (scs-0102-prop-", field, ")"])
}

violations contains lib.violation(rego.metadata.chain(), change, "min_disk", message) if {
	some change in _checked
	size := _size(change)
	is_number(size)
	min_disk := object.get(change.after, "min_disk", 0)
	is_number(min_disk)
	min_disk > 0
	min_disk * _gib < size
	message := sprintf("min_disk %d GiB is less than the image's %d bytes (scs-0102-prop-min_disk)", [min_disk, size])
}

violations contains lib.violation(rego.metadata.chain(), change, "properties.image_build_date", message) if {
	some change in _checked
	value := _prop(change.after, "image_build_date")
	is_string(value)
	value != ""
	not _day(value)
	message := concat("", [
		"properties.image_build_date ", json.marshal(value),
		" is not YYYY-MM-DD[ hh:mm[:ss]] (scs-0102-prop-image_build_date)",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "properties.image_build_date", message) if {
	some change in _checked
	value := _prop(change.after, "image_build_date")
	_day(value) > _today_day
	message := concat("", ["properties.image_build_date ", value, " is in the future (scs-0102-prop-image_build_date)"])
}

violations contains lib.violation(rego.metadata.chain(), change, "properties.image_source", message) if {
	some change in _checked
	value := _prop(change.after, "image_source")
	is_string(value)
	value != ""
	value != "private"
	not regex.match(`^(http|https|ftp|ftps)://`, value)
	message := concat("", [
		"properties.image_source ", json.marshal(value),
		" is neither a url (http, https, ftp, ftps) nor private (scs-0102-prop-image_source)",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "properties.provided_until", message) if {
	some change in _checked
	value := _prop(change.after, "provided_until")
	is_string(value)
	value != ""
	not value in {"none", "notice"}
	not _day(value)
	message := concat("", [
		"properties.provided_until ", json.marshal(value),
		" is neither a date, none nor notice (scs-0102-prop-provided_until)",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "properties.uuid_validity", message) if {
	some change in _checked
	value := _prop(change.after, "uuid_validity")
	is_string(value)
	value != ""
	not value in {"none", "notice", "forever"}
	not regex.match(`^last-[0-9]+$`, value)
	not _day(value)
	message := concat("", [
		"properties.uuid_validity ", json.marshal(value),
		" is not none, notice, forever, last-<N> or a date (scs-0102-prop-uuid_validity)",
	])
}

violations contains lib.violation(rego.metadata.chain(), change, "properties.hotfix_hours", message) if {
	some change in _checked
	value := _prop(change.after, "hotfix_hours")
	is_string(value)
	value != ""
	not regex.match(`^[0-9]+$`, value)
	message := concat("", [
		"properties.hotfix_hours ", json.marshal(value), " is not a whole number of hours (scs-0102-prop-hotfix_hours)",
	])
}

# Recency: built longer ago than 1.1 x its replace_frequency, still provided, and not hidden.
violations contains lib.violation(rego.metadata.chain(), change, "properties.image_build_date", message) if {
	some change in _checked
	seconds := _frequencies[_prop(change.after, "replace_frequency")]
	seconds > 0
	built := _day(_prop(change.after, "image_build_date"))
	until := _prop(change.after, "provided_until")
	not until in {"none", "notice"}
	not _past(until)

	# The end of today: the checker measures from the build day's midnight to the moment it runs, so what passes
	# here passes it all day.
	(_today_day + 1) * 86400 > (built * 86400) + ((seconds * 11) / 10)
	message := concat("", [
		"built ", _prop(change.after, "image_build_date"), ", longer ago than its replace_frequency ",
		_prop(change.after, "replace_frequency"), " allows (x 1.1), and provided until ", until,
		": hide it or publish a newer build (scs-0102-image-recency)",
	])
}

# Uniqueness: one public, visible generic image per architecture, os_distro and os_version.
violations contains lib.violation(rego.metadata.chain(), change, "properties.os_purpose", message) if {
	some change in _checked
	_generic(change.after)
	key := _key(change.after)
	others := sort(array.concat(
		[name | some name in object.get(_generic_live, json.marshal(key), set())],
		[name | some [address, name] in object.get(_generic_written, json.marshal(key), set()); address != change.address],
	))
	count(others) > 0
	message := concat("", [
		"another public, visible image has os_purpose generic for ", concat(" ", key), ": ",
		concat(", ", others), "; give the older one os_purpose oldgeneric or hide it (scs-0102-os_purpose-uniqueness)",
	])
}

# The public, visible generic images by _key (as JSON text: object.get takes an array key as a path), grouped once
# (an audit checks every live image): the live ones no change writes, and those the changes write.
_generic_live[json.marshal(_key(image))] contains image.name if {
	some image in input.catalog.images
	not image.id in _written
	_generic(image)
}

_generic_written[json.marshal(_key(change.after))] contains [change.address, change.after.name] if {
	some change in _checked
	_generic(change.after)
}

_size(change) := change.after.size if is_number(change.after.size)

_size(change) := change.before.size if {
	not is_number(object.get(change.after, "size", null))
	is_object(change.before)
	is_number(change.before.size)
}

_generic(image) if {
	image.visibility == "public"
	not image.os_hidden == true
	_prop(image, "os_purpose") == "generic"
}

_key(image) := [_prop(image, "architecture"), _prop(image, "os_distro"), _prop(image, "os_version")]

# The ids the change set (or the audit) writes or deletes: their live records give way to what the changes leave.
_written := (_changed_ids | {change.address | some change in lib.audit_writes}) - {""}

_changed_ids contains lib.self_id(change) if {
	some change in input.changes
	change.kind == "image"
}

_past(date) if _day(date) < _today_day

# The fields the profile reads that are not known until apply.
_unknown_fields(image) := ({field |
	some field in {"min_disk", "min_ram", "os_hidden"}
	lib.is_unknown(object.get(image, field, ""))
} | {concat(".", ["properties", key]) |
	some key, value in object.get(image, "properties", {})
	lib.is_unknown(value)
}) | {"properties" | lib.is_unknown(object.get(image, "properties", {}))}
