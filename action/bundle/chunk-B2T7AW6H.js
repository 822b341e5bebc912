import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  packageName
} from "./chunk-ZHROZPMY.js";

// provider/pulumi/plugin/location.ts
import { fileURLToPath } from "node:url";
var pluginName = `pulumi-resource-${packageName}`;
var pluginDir = fileURLToPath(new URL("../../../bin/", import.meta.url));

// provider/pulumi/cli-failure.ts
function essential(message) {
  if (!/^code: -?\d+\n/.test(message) || !message.includes("stderr:")) return message;
  const errors = [
    ...new Set(
      message.split("\n").filter((line) => /^\s*error: /.test(line)).map((line) => line.trim())
    )
  ];
  if (errors.length > 0) return `pulumi: ${errors.join("\n")}`;
  const killed = /Command was killed with (\w+)/.exec(message)?.[1];
  if (killed !== void 0)
    return `pulumi was killed (${killed}) in the middle of the run; the next run resolves what it left (docs/pulumi.md)`;
  return message;
}

export {
  pluginName,
  pluginDir,
  essential
};
