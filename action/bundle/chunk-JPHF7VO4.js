import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);

// provider/resources/source.ts
import { fileURLToPath } from "node:url";
var ownCode = fileURLToPath(new URL("../", import.meta.url));
var frame = /^\s*at (?:.*? \()?(?<file>(?:file:\/\/)?\/[^():]*?):(?<line>\d+):(?<column>\d+)\)?$/;
function declaredAt() {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  for (const text of stack.split("\n").slice(1)) {
    const found = frame.exec(text)?.groups;
    if (found === void 0) continue;
    const file = found["file"]?.startsWith("file://") === true ? fileURLToPath(found["file"]) : found["file"] ?? "";
    if (file.startsWith(ownCode) || file.includes("/node_modules/")) continue;
    return { file, line: Number(found["line"]), column: Number(found["column"]) };
  }
  return void 0;
}
function parsePosition(text) {
  const found = /^(?<file>.+):(?<line>\d+):(?<column>\d+)$/.exec(text)?.groups;
  if (found === void 0) return void 0;
  return { file: found["file"] ?? "", line: Number(found["line"]), column: Number(found["column"]) };
}

export {
  declaredAt,
  parsePosition
};
