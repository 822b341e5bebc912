# METADATA
# title: Fixtures shared by the rule tests
# description: A valid image document, change and envelope that each test varies in one aspect.
package catalog.testdata

# METADATA
# description: Scheduling metadata that satisfies required_metadata and naming for ubuntu 24.04.
properties := {
	"os_distro": "ubuntu",
	"os_version": "24.04",
	"hw_disk_bus": "virtio",
	"hw_vif_model": "virtio",
	"description": "Ubuntu 24.04 base",
}

# METADATA
# description: A valid, not yet published image document.
image := {
	"name": "ubuntu-24.04-base-v1.1",
	"disk_format": "qcow2",
	"container_format": "bare",
	"visibility": "private",
	"min_disk": 10,
	"min_ram": 1024,
	"protected": false,
	"os_hidden": false,
	"tags": [],
	"properties": properties,
}

# METADATA
# description: The same image as it lives in the catalog once published.
published := object.union(image, {"id": "id-v11", "visibility": "shared", "status": "active"})

# METADATA
# description: A change of an image at a fixed address.
change(action, before, after) := {"address": "image.v11", "kind": "image", "action": action, "before": before, "after": after}

# METADATA
# description: An envelope with one change, a member principal and a live catalog.
envelope(changes, images) := {
	"principal": {"user_id": "u1", "project_id": "platform", "roles": ["member", "reader"]},
	"changes": changes,
	"catalog": {"images": images},
}

# METADATA
# description: The marker of a value not known before apply.
unknown := {"$unknown": true}

# METADATA
# description: A document with one key set to a value (object.union would merge nested objects instead).
with_key(doc, key, value) := object.union(object.remove(doc, [key]), {key: value})

# METADATA
# description: An audit of a live catalog (no changes) by an auditor, with the day and more audit fields.
audit(images, fields) := {
	"principal": {"user_id": "u1", "project_id": "platform", "roles": ["member", "reader"]},
	"changes": [],
	"catalog": {"images": images},
	"today": "2026-12-07",
	"audit": fields,
}

# METADATA
# description: A live, published image of the catalog with an id, a name and more fields.
live(id, name, extra) := object.union(_live_named(id, name), extra)

_live_named(id, name) := object.union(published, {"id": id, "name": name, "owner": "platform"})
