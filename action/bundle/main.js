import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  getInput,
  setSecret
} from "./chunk-KE3BKVBJ.js";
import "./chunk-UXAMSLRZ.js";

// action/main.ts
import { registerHooks } from "node:module";
import { delimiter, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

// action/inputs.ts
function flagsOf(input2) {
  const flags = [];
  const one = (name, flag = `--${name}`) => {
    const value = input2(name).trim();
    if (value !== "") flags.push(flag, value);
  };
  one("pulumi");
  one("stack");
  if (input2("refresh").trim() === "false") flags.push("--no-refresh");
  one("base");
  one("cdktf");
  one("plan");
  one("config-dir");
  one("report");
  one("sarif");
  one("format");
  one("name");
  one("pr");
  one("repo");
  one("sha");
  one("ref");
  const data = input2("data").split("\n").map((line) => line.trim()).filter((line) => line !== "");
  if (data.length > 0) flags.push("--data", ...data);
  return flags;
}

// action/main.ts
var input = (name) => getInput(name);
var token = input("token");
if (token !== "") {
  setSecret(token);
  process.env["GITHUB_TOKEN"] = token;
}
var project = input("pulumi").trim() || input("cdktf").trim();
if (project !== "") {
  process.env["PATH"] = `${join(resolve(project), "node_modules", ".bin")}${delimiter}${process.env["PATH"] ?? ""}`;
  const parentURL = pathToFileURL(join(resolve(project), "package.json")).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier.startsWith("@pulumi/") || specifier === "cdktn" || specifier === "constructs")
        return nextResolve(specifier, { ...context, parentURL });
      return nextResolve(specifier, context);
    }
  });
}
process.argv = [process.argv[0] ?? "node", "image-catalog", "pr-check", ...flagsOf(input)];
await import("./main-BIO6YHRI.js");
