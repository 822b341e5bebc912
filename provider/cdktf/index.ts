/**
 * `image-catalog/cdktf`: the catalog in a CDK Terrain (cdktn) app, over terraform-provider-openstack 3.4.0's
 * bindings (generated, ./openstack): CatalogImage, ImageShare, VersionLine, StorageBackend; for consumers
 * CatalogImageLookup and LineAcceptance; `scsMetadata` (an image's SCS-0102 properties); `checkCatalog(app)`
 * for the synth-time policy; deploy through the `image-catalog-tofu` gate (docs/cdktf.md).
 */
export { CatalogImage, type CatalogImageProps } from './image.js';
export { ImageShare, type ImageShareProps } from './share.js';
export { VersionLine, type VersionLineProps, type LineConsumer } from './versionLine.js';
export { StorageBackend, type StorageBackendProps } from './store.js';
export { CatalogImageLookup, LineAcceptance, type CatalogImageLookupProps, type LineAcceptanceProps } from './consumer.js';
export { scsMetadata, type ScsImageValues, type ScsValues } from '../resources/scs.js';
export { checkCatalog, CatalogPolicyAspect, type CheckCatalogOptions } from './policy.js';
export { gateVariable } from './gate.js';
export { requireGate } from './gate-variable.js';
export { decidePlan, type PlanDecision, type PlanJson } from './decide.js';
export { OpenstackProvider, type OpenstackProviderConfig } from './openstack/provider/index.js';
export * as openstack from './openstack/index.js';
