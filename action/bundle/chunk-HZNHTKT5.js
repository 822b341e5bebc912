import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);

// provider/github/redact.ts
var credentialName = /(TOKEN|PASSWORD|PASSWD|SECRET|_KEY|^KEY|CREDENTIAL|CLOUDS_YAML)/i;
function secretValues(env = process.env) {
  return Object.entries(env).filter(([name, value]) => credentialName.test(name) && value !== void 0 && value.length >= 6).map(([, value]) => value).sort((a, b) => b.length - a.length);
}
function redact(text, secrets = secretValues()) {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("***");
  return out;
}

// provider/github/report.ts
var undeclaredNote = "the code no longer declares this resource (or declares it where no line is known): shown on the entry file";
var limits = { annotationsPerRequest: 50, text: 65535 };
var defaultCheckName = "image-catalog";
var commentMarker = "<!-- image-catalog:pr-check -->";
function markerOf(name = defaultCheckName) {
  return name === defaultCheckName ? commentMarker : `<!-- image-catalog:pr-check name=${JSON.stringify(name.replaceAll("--", "- -"))} -->`;
}
function conclusionOf(result) {
  if (result.undecided !== void 0) return "failure";
  if (result.decision === void 0) return "neutral";
  return result.decision.allowed ? "success" : "failure";
}
function titleOf(result) {
  if (result.undecided !== void 0) return "Could not decide: blocked (fail closed)";
  const conclusion = conclusionOf(result);
  return conclusion === "failure" ? "Blocked by the catalog policy" : conclusion === "success" ? "Allowed by the catalog policy" : "No catalog change";
}
function annotationOf(v) {
  if (v.location === void 0 || v.location.path === "") return void 0;
  return {
    path: v.location.path,
    start_line: v.location.line,
    end_line: v.location.line,
    annotation_level: v.level === "mandatory" ? "failure" : "warning",
    title: annotationTitle(v),
    message: annotationMessage(v)
  };
}
function annotationTitle(v) {
  return `${v.rule}${v.field === "" ? "" : ` ${v.field}`}`;
}
function annotationMessage(v) {
  return redact(`${v.address}: ${v.message}
fix: ${v.remediation}${v.undeclared === true ? `
(${undeclaredNote})` : ""}`);
}
function markdownText(text) {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
function cell(text) {
  return markdownText(text.replace(/\r?\n/g, " ")).replaceAll("|", "\\|");
}
function summaryOf(result, limit = limits.text) {
  const { decision, violations } = result;
  if (result.undecided !== void 0)
    return redact(
      `**Could not decide** the catalog change of this pull request, so it is blocked (nothing is allowed without a decision):

\`\`\`
${result.undecided.slice(0, limit - 400)}
\`\`\`
`
    );
  if (decision === void 0)
    return "No change of an image, share or acceptance, and no server or volume made from an image, in this pull request: nothing to decide.\n";
  const mandatory = violations.filter((v) => v.level === "mandatory").length;
  const head = [
    decision.allowed ? `**Allowed**${violations.length > 0 ? ` with ${violations.length} advisory violation(s)` : ""}.` : `**Blocked** by ${mandatory} mandatory violation(s)${violations.length > mandatory ? ` and ${violations.length - mandatory} advisory` : ""}.`,
    "",
    ...(result.notes ?? []).slice(0, 20).map((note) => `- note: ${note.slice(0, 500)}`),
    ...(result.notes ?? []).length > 0 ? [""] : []
  ];
  const withTimelines = (text2) => result.timelines === void 0 || text2.length + result.timelines.length + 2 > limit ? text2 : `${text2.trimEnd()}

${result.timelines}`;
  if (violations.length === 0) return redact(withTimelines(`${head.join("\n")}
`));
  const table = ["| | resource | rule | field | message | remediation |", "|---|---|---|---|---|---|"];
  const rows = violations.map(
    (v) => [
      v.level === "mandatory" ? "\u2716" : "!",
      `\`${cell(v.address)}\`${v.location === void 0 ? "" : ` (${cell(v.location.path)}:${v.location.line})`}`,
      v.rule,
      cell(v.field),
      cell(v.message),
      cell(v.remediation)
    ].join(" | ")
  );
  let text = [...head, ...table].join("\n");
  for (let i = 0; i < rows.length; i++) {
    const rest = rows.length - i - 1;
    const more = rest > 0 ? `

\u2026and ${rest} more (every one is an annotation of this check).` : "";
    const next = `${text}
| ${rows[i] ?? ""} |`;
    if (next.length + more.length + 1 > limit) {
      return redact(`${text}

\u2026and ${rows.length - i} more (every one is an annotation of this check).
`);
    }
    text = next;
  }
  return redact(withTimelines(`${text}
`));
}
async function postCheckRun(client, target, result) {
  const annotations = result.violations.flatMap((v) => annotationOf(v) ?? []);
  const conclusion = conclusionOf(result);
  const title = titleOf(result);
  const summary = summaryOf(result);
  const batches = [];
  for (let i = 0; i < annotations.length; i += limits.annotationsPerRequest)
    batches.push(annotations.slice(i, i + limits.annotationsPerRequest));
  const [first = [], ...rest] = batches;
  const state = (last) => last ? { status: "completed", conclusion } : { status: "in_progress" };
  const output = (batch) => ({ title, summary, annotations: [...batch] });
  const { owner, repo } = target;
  const created = await client.rest.checks.create({
    owner,
    repo,
    name: target.name,
    head_sha: target.headSha,
    ...state(rest.length === 0),
    output: output(first)
  });
  const id = Number(created.data.id);
  for (const [i, batch] of rest.entries())
    await client.rest.checks.update({ owner, repo, check_run_id: id, ...state(i === rest.length - 1), output: output(batch) });
  return { id, conclusion, annotations: annotations.length, requests: 1 + rest.length };
}
async function upsertComment(client, target, markdown, name = defaultCheckName) {
  const { owner, repo, issueNumber } = target;
  const marker = markerOf(name);
  const heading = name === defaultCheckName ? "" : `**${markdownText(name)}**

`;
  const body = `${marker}
${heading}${redact(markdown)}`;
  const comments = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  const mine = comments.find((c) => c.body?.split("\n", 1)[0] === marker);
  if (mine !== void 0) {
    await client.rest.issues.updateComment({ owner, repo, comment_id: Number(mine.id), body });
    return { id: Number(mine.id), created: false };
  }
  const made = await client.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { id: Number(made.data.id), created: true };
}

export {
  redact,
  undeclaredNote,
  defaultCheckName,
  conclusionOf,
  titleOf,
  annotationOf,
  annotationTitle,
  annotationMessage,
  markdownText,
  summaryOf,
  postCheckRun,
  upsertComment
};
