import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  annotationMessage,
  annotationOf,
  annotationTitle,
  markdownText,
  redact,
  summaryOf,
  titleOf
} from "./chunk-HZNHTKT5.js";
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
    const annotation = annotationOf(v);
    const properties = annotation === void 0 ? { title: annotationTitle(v) } : { title: annotation.title, file: annotation.path, startLine: annotation.start_line };
    const message = annotation?.message ?? annotationMessage(v);
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
