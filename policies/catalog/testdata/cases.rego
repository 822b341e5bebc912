package catalog.testdata

# METADATA
# description: >-
#   Every scenario the rule tests decide, by name: the envelope and the policy data it is decided with. The
#   Rego tests assert on them; the differential test (test/policy) decides each with opa-wasm in Node and with
#   opa eval, and compares.
cases[name] := {"input": scenario.input, "data": object.union(data.image_catalog, object.get(scenario, "data", {}))} if {
	some name, scenario in _scenarios
}

_create(after) := envelope([change("create", null, after)], [])

_named(name) := object.union(image, {"name": name})

_with_properties(props) := with_key(image, "properties", props)

_live(id, name) := {"id": id, "name": name, "status": "active", "visibility": "shared"}

_as(roles, changes) := object.union(envelope(changes, []), {"principal": {"user_id": "u", "project_id": "p", "roles": roles}})

_visible(visibility) := object.union(image, {"visibility": visibility})

_naming_off := {"rules": {"naming": {"level": "disabled"}}}

_publish_as(roles) := _as(roles, [change("create", null, _visible("public"))])

_create_with(patch) := _create(_with_properties(object.union(properties, patch)))

_published_with(patch) := object.union(published, patch)

_stamped := object.union(published, {
	"visibility": "private",
	"properties": object.union(properties, {"catalog_published_at": "2026-11-01T10:00:00Z"}),
})

_scenarios := {
	# naming
	"naming: a catalog name with matching properties": {"input": _create(image)},
	"naming: a profile with hyphens": {"input": _create(_named("ubuntu-24.04-cis-hardened-v2.10"))},
	"naming: a name without a version": {"input": _create(_named("ubuntu-24.04-base"))},
	"naming: os_distro and os_version disagree with the name": {"input": _create(_with_properties(object.union(
		properties,
		{"os_distro": "debian", "os_version": "12"},
	)))},
	"naming: an unknown name": {"input": _create(_named(unknown))},
	"naming: an unknown name, unknown values advisory": {"input": _create(_named(unknown)), "data": {"unknown_values": "advisory"}},
	"naming: a bad name, naming disabled": {"input": _create(_named("Bad Name")), "data": _naming_off},
	"naming: an unknown name, naming disabled": {"input": _create(_named(unknown)), "data": _naming_off},
	"naming: a delete and a member": {"input": envelope(
		[
			change("delete", published, null),
			{"address": "member.a", "kind": "member", "action": "create", "before": null, "after": {"image_id": "x", "member_id": "y"}},
		],
		[],
	)},
	# versioning
	"versioning: above the live latest": {"input": envelope(
		[change("create", null, _named("ubuntu-24.04-base-v1.10"))],
		[_live("a", "ubuntu-24.04-base-v1.2"), _live("b", "ubuntu-24.04-base-v1.9"), _live("c", "ubuntu-22.04-base-v3.0")],
	)},
	"versioning: not above the live latest": {"input": envelope(
		[change("create", null, _named("ubuntu-24.04-base-v1.9"))],
		[_live("a", "ubuntu-24.04-base-v1.10")],
	)},
	"versioning: a reused name": {"input": envelope(
		[change("create", null, image)],
		[_live("a", "ubuntu-24.04-base-v1.1")],
	)},
	"versioning: an update that keeps its name": {"input": envelope(
		[change("update", object.union(published, {"id": "a"}), image)],
		[_live("a", "ubuntu-24.04-base-v1.1")],
	)},
	"versioning: a replace of the same name": {"input": envelope(
		[change("replace", object.union(image, {"id": "a"}), image)],
		[_live("a", "ubuntu-24.04-base-v1.1")],
	)},
	"versioning: a rename to an older version": {"input": envelope(
		[change("update", object.union(image, {"id": "a", "name": "ubuntu-24.04-base-v2.0"}), _named("ubuntu-24.04-base-v1.0"))],
		[_live("a", "ubuntu-24.04-base-v2.0"), _live("b", "ubuntu-24.04-base-v1.5")],
	)},
	"versioning: two changes declare one name": {"input": envelope(
		[change("create", null, image), object.union(change("create", null, image), {"address": "image.copy"})],
		[],
	)},
	"versioning: an unknown name": {"input": envelope([change("create", null, _named(unknown))], [])},
	# public visibility
	"public_visibility: a member makes an image public": {"input": _publish_as(["member", "reader"])},
	"public_visibility: an admin makes an image public": {"input": _publish_as(["admin", "member", "reader"])},
	"public_visibility: a public image stays public": {"input": _as(["member"], [change(
		"update", object.union(published, {"visibility": "public"}),
		_visible("public"),
	)])},
	"public_visibility: community by the owner": {"input": _as(["member"], [change("update", published, _visible("community"))])},
	"public_visibility: community when data requires admin": {
		"input": _as(["member"], [change("update", published, _visible("community"))]),
		"data": {"public_visibility": {"community_requires_admin": true}},
	},
	"public_visibility: admin role names from data": {
		"input": _as(["cloud-admin"], [change("create", null, _visible("public"))]),
		"data": {"public_visibility": {"admin_roles": ["cloud-admin"]}},
	},
	"public_visibility: an unknown visibility": {"input": _as(["member"], [change("create", null, _visible(unknown))])},
	# required metadata
	"required_metadata: everything present": {"input": _create(_with_properties(properties))},
	"required_metadata: hw_vif_model missing": {"input": _create(_with_properties(object.remove(properties, ["hw_vif_model"])))},
	"required_metadata: an empty description and a number": {"input": _create(_with_properties(object.union(
		properties,
		{"description": "", "os_version": 24},
	)))},
	"required_metadata: a disk bus not allowed": {"input": _create_with({"hw_disk_bus": "nvme"})},
	"required_metadata: unknown properties": {"input": _create(_with_properties(unknown))},
	"required_metadata: one unknown property": {"input": _create_with({"description": unknown})},
	"required_metadata: hw_vif_model turned off by data": {
		"input": _create(_with_properties(object.remove(properties, ["hw_vif_model"]))),
		"data": {"required_metadata": {"properties": {"hw_vif_model": {"required": false}}}},
	},
	"required_metadata: hw_vif_model missing, advisory": {
		"input": _create(_with_properties(object.remove(properties, ["hw_vif_model"]))),
		"data": {"rules": {"required_metadata": {"level": "advisory"}}},
	},
	# immutability
	"immutability: editing os_version": {"input": envelope(
		[change("update", published, _published_with({"properties": object.union(properties, {"os_version": "24.10"})}))],
		[],
	)},
	"immutability: changing formats and sizes": {"input": envelope(
		[change("update", published, _published_with({"disk_format": "raw", "min_ram": 2048}))],
		[],
	)},
	"immutability: removing the publish marker": {"input": envelope(
		[change("update", _stamped, with_key(_stamped, "properties", properties))],
		[],
	)},
	"immutability: deprecating, hiding, protecting, deactivating": {"input": envelope(
		[change("update", published, _published_with({
			"os_hidden": true, "protected": true, "status": "deactivated", "visibility": "community",
			"properties": object.union(properties, {"deprecated": "true", "superseded_by": "ubuntu-24.04-base-v1.2"}),
		}))],
		[],
	)},
	"immutability: editing an unpublished image": {"input": envelope(
		[change("update", object.union(image, {"id": "x"}), object.union(image, {"id": "x", "min_disk": 20}))],
		[],
	)},
	"immutability: replacing": {"input": envelope([change("replace", published, image)], [])},
	"immutability: replacing with other data": {"input": envelope(
		[change(
			"replace",
			object.union(published, {"os_hash_value": concat("", ["aaaaaaaaaaaaaaaa", "0123"])}),
			object.union(image, {"os_hash_value": concat("", ["bbbbbbbbbbbbbbbb", "4567"])}),
		)],
		[],
	)},
	"immutability: deleting before deprecation": {"input": envelope([change("delete", published, null)], [])},
	"immutability: deleting after deprecation": {"input": envelope(
		[change("delete", _published_with({"properties": object.union(properties, {"deprecated": "true"})}), null)],
		[],
	)},
	"immutability: unknown fields": {"input": envelope(
		[change("update", published, _published_with({"min_disk": unknown, "properties": unknown}))],
		[],
	)},
	"immutability: one unknown property": {"input": envelope(
		[change("update", published, _published_with({"properties": object.union(properties, {"description": unknown})}))],
		[],
	)},
	# sharing (a share's image read from the catalog by id: narrowCatalog keeps it)
	"sharing: a member of a live public image": {"input": envelope(
		[_share],
		[object.union(published, {"visibility": "public"}), object.union(published, {"id": "other", "name": "x-1-y-v1.0"})],
	)},
	"sharing: a member of a live shared image": {"input": envelope([_share], [published])},
	# input
	"input: a well-formed envelope": {"input": _create(image)},
	"input: not an object": {"input": ["not", "an", "envelope"]},
	"input: no roles, changes or catalog": {"input": {"principal": {"roles": "admin"}}},
	"input: changes of the wrong shape": {"input": envelope(
		[
			"image",
			{"address": 7, "kind": "flavor", "action": "create", "before": null, "after": {}},
			{"address": "a", "kind": "image", "action": "rename", "before": null, "after": null},
			{"address": "b", "kind": "image", "action": "delete", "before": null, "after": {}},
		],
		[],
	)},
	"input: nonsense": {"input": "nonsense"},
	# every rule at once
	"main: every rule reports": {"input": envelope(
		[
			change("create", null, object.union(image, {"name": "ubuntu-24.04-base-v1.0", "visibility": "public"})),
			object.union(change("update", published, object.union(published, {"min_ram": 1})), {"address": "image.old"}),
		],
		[published],
	)},
	"main: no properties": {"input": _create(object.remove(image, ["properties"]))},
	# lifecycle
	"lifecycle: a delete before the end of life": {"input": _today(envelope(
		[change("delete", _retiring("2026-12-31"), null)],
		[],
	))},
	"lifecycle: a delete after the end of life": {"input": _today(envelope(
		[change("delete", _retiring("2026-12-06"), null)],
		[],
	))},
	"channels: a channel on a revoked image": {"input": _today(envelope(
		[change("update", published, object.union(published, {"status": "deactivated", "tags": ["ubuntu-24.04-base@stable"]}))],
		[published],
	))},
	"versioning: an older version made deprecated and hidden": {"input": envelope(
		[change("create", null, object.union(_named("ubuntu-24.04-base-v1.0"), {
			"os_hidden": true,
			"properties": {"deprecated": "true"},
		}))],
		[_live("a", "ubuntu-24.04-base-v1.1")],
	)},
	"versioning: the version of a live image again, deprecated and hidden": {"input": envelope(
		[change("create", null, object.union(_named("ubuntu-24.04-base-v1.01"), {
			"os_hidden": true,
			"properties": {"deprecated": "true"},
		}))],
		[_live("a", "ubuntu-24.04-base-v1.1"), _live("b", "ubuntu-24.04-base-v1.2")],
	)},
	"versioning: an older version deprecated but visible": {"input": envelope(
		[change("create", null, object.union(_named("ubuntu-24.04-base-v1.0"), {"properties": {"deprecated": "true"}}))],
		[_live("a", "ubuntu-24.04-base-v1.1")],
	)},
	"scs_0102: a public image without the standard's metadata": {
		"input": _today(envelope([change("create", null, _visible("public"))], [])),
		"data": {"profile": "scs-0102"},
	},
	"scs_0102: a second public generic image of one distribution, version and architecture": {
		"input": _today(envelope(
			[change("create", null, _generic("ubuntu-24.04-base-v1.2"))],
			[
				object.union(_generic("ubuntu-24.04-base-v1.1"), {"id": "a"}),
				object.union(_generic("ubuntu-24.04-base-v1.0"), {"id": "b", "os_hidden": true}),
				_live("c", "debian-12-base-v1.0"),
			],
		)),
		"data": {"profile": "scs-0102"},
	},
	# consumption
	"consumption: a server on a revoked image": {"input": _today(envelope(
		[_boots("image_id", {"id": "id-v11"})],
		[object.union(published, {"status": "deactivated"})],
	))},
	"consumption: a volume from a deprecated image": {"input": _today(envelope(
		[_boots("image_name", {"name": "ubuntu-24.04-base-v1.1"})],
		[object.union(published, {"properties": {"deprecated": "true", "superseded_by": "ubuntu-24.04-base-v1.2"}})],
	))},
	"consumption: an id not known until apply": {"input": _today(envelope([_boots("image_id", {"id": unknown})], []))},
	"main: a name not followed, naming disabled": {"input": _create(_named("whatever")), "data": _naming_off},
}

_generic(name) := object.union(_named(name), {
	"visibility": "public",
	"properties": {"os_purpose": "generic", "architecture": "x86_64"},
})

_boots(field, image) := {
	"address": "openstack_compute_instance_v2.web",
	"kind": "consumer",
	"action": "create",
	"before": null,
	"after": {"resource_type": "openstack_compute_instance_v2", "boots": [object.union({"field": field}, image)]},
}

_today(envelope) := object.union(envelope, {"today": "2026-12-07"})

_retiring(until) := object.union(published, {"properties": {"provided_until": until, "deprecated": "true"}})

_share := {
	"address": "ImageMember::share", "kind": "member", "action": "create", "before": null,
	"after": {"image_id": "id-v11", "member_id": "p2"},
}
