import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  markdownText,
  redact,
  summaryOf,
  titleOf
} from "./chunk-YYBWJC3K.js";
import {
  error,
  summary,
  warning
} from "./chunk-KE3BKVBJ.js";
import "./chunk-UXAMSLRZ.js";

// provider/github/workflow.ts
function workflowAnnotations(result) {
  if (result.undecided !== void 0) error(redact(result.undecided), { title: titleOf(result) });
  for (const v of result.violations) {
    const properties = {
      title: `${v.rule}${v.field === "" ? "" : ` ${v.field}`}`,
      ...v.location === void 0 ? {} : { file: v.location.path, startLine: v.location.line }
    };
    const message = redact(`${v.address}: ${v.message}
fix: ${v.remediation}`);
    if (v.level === "mandatory") error(message, properties);
    else warning(message, properties);
  }
}
async function jobSummary(result, name, why) {
  if ((process.env["GITHUB_STEP_SUMMARY"] ?? "") === "") return false;
  await summary.addHeading(`${markdownText(name)}: ${titleOf(result)}`, 3).addRaw(why === void 0 ? "" : `> ${redact(why)}

`).addRaw(summaryOf(result)).write();
  return true;
}
export {
  jobSummary,
  workflowAnnotations
};
