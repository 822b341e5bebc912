import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  require_dist
} from "./chunk-AP7GKTRD.js";
import {
  __toESM
} from "./chunk-UXAMSLRZ.js";

// provider/pulumi/project.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
import { join } from "node:path";
function isYamlProject(cwd) {
  let text;
  try {
    text = readFileSync(join(cwd, "Pulumi.yaml"), "utf8");
  } catch {
    return false;
  }
  const runtime = (0, import_yaml.parse)(text)?.runtime;
  return (typeof runtime === "string" ? runtime : runtime?.name) === "yaml";
}

export {
  isYamlProject
};
