# METADATA
# title: A pull request does not change the policy it is checked with
# description: >-
#   The pull-request check decides with the policy data of the base commit; every value the pull request's own
#   policy data (stack config image-catalog:policy, --data files, IMAGE_CATALOG_POLICY_DATA) sets differently is
#   a finding, so that a rule cannot be weakened in the change it is meant to check.
# custom:
#   id: policy_change
#   remediation: >-
#     Change the policy data in a pull request of its own, reviewed by the policy's owners and merged into the
#     base branch first; this pull request is then checked with it. Or keep the policy data outside the
#     repository under review (docs/pr-check.md).
package catalog.rules.policy_change

import data.catalog.lib

# METADATA
# scope: document
# description: One violation per value of policy data the pull request changes (input.policy_changes).
violations contains lib.violation(rego.metadata.chain(), {"address": change.source}, change.field, message) if {
	some change in object.get(input, "policy_changes", [])
	message := concat("", [
		"this pull request changes the policy data it is checked with: ",
		change.field, " is ", _shown(change.base), " on the base commit and ",
		_shown(change.head), " here (decided with the base's)",
	])
}

# A value as the message says it: null is a value the data does not set there (its default applies).
_shown(null) := "not set"

_shown(value) := json.marshal(value) if value != null
