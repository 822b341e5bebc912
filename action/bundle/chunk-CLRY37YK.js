import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);

// provider/pulumi/decision-log.ts
import { appendFileSync } from "node:fs";
function loggedChange(change) {
  const name = change.after?.["name"] ?? change.before?.["name"];
  return {
    address: change.address,
    kind: change.kind,
    action: change.action,
    ...change.kind === "image" && typeof name === "string" ? { name } : {}
  };
}
var decisionLogVariable = "IMAGE_CATALOG_DECISION_LOG";
function logDecision(changes, decision) {
  const file = process.env[decisionLogVariable];
  if (file === void 0 || file === "") return;
  appendFileSync(file, `${JSON.stringify({ changes: changes.map(loggedChange), decision })}
`, { mode: 384 });
}

export {
  loggedChange,
  decisionLogVariable,
  logDecision
};
