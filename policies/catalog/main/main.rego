# METADATA
# title: The catalog decision
# description: >-
#   The one entrypoint (catalog/main/decision): every violation of every rule, the disabled ones left out, and
#   whether the change set may be applied (no mandatory violation).
package catalog.main

import data.catalog.rules.channels
import data.catalog.rules.consumption
import data.catalog.rules.consumption_deprecated
import data.catalog.rules.immutability
import data.catalog.rules.input as input_rule
import data.catalog.rules.lifecycle
import data.catalog.rules.naming
import data.catalog.rules.policy_change
import data.catalog.rules.public_visibility
import data.catalog.rules.required_metadata
import data.catalog.rules.scs_0102
import data.catalog.rules.sharing
import data.catalog.rules.versioning

_all contains v if some v in naming.violations

_all contains v if some v in versioning.violations

_all contains v if some v in immutability.violations

_all contains v if some v in public_visibility.violations

_all contains v if some v in required_metadata.violations

_all contains v if some v in sharing.violations

_all contains v if some v in input_rule.violations

_all contains v if some v in lifecycle.violations

_all contains v if some v in channels.violations

_all contains v if some v in policy_change.violations

_all contains v if some v in consumption.violations

_all contains v if some v in consumption_deprecated.violations

_all contains v if some v in scs_0102.violations

# METADATA
# description: >-
#   The violations that count (every level but disabled). Unordered: the engine orders them (sort here costs seconds
#   in Wasm for an audit's thousands of findings).
violations := [v | some v in _all; v.level != "disabled"]

# METADATA
# description: The decision, allowed when no violation is mandatory.
# entrypoint: true
decision := {
	"allowed": count([v | some v in violations; v.level == "mandatory"]) == 0,
	"violations": violations,
}
