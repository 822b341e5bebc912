import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  packageName
} from "./chunk-37CEI6GO.js";

// provider/pulumi/plugin/location.ts
import { fileURLToPath } from "node:url";
var pluginName = `pulumi-resource-${packageName}`;
var pluginDir = fileURLToPath(new URL("../../../bin/", import.meta.url));

export {
  pluginName,
  pluginDir
};
