import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  kinds
} from "./chunk-AUYGMNHL.js";

// provider/pulumi/tokens.ts
var packageName = "image-catalog";
var tokenModule = "index";
var typeNames = {
  image: "Image",
  member: "ImageMember",
  acceptance: "ImageMemberAcceptance",
  store: "StorageBackend"
};
var componentNames = { versionLine: "VersionLine", lineAcceptance: "LineAcceptance" };
function functionToken(name) {
  return `${packageName}:${tokenModule}:${name}`;
}
function typeToken(kind) {
  return `${packageName}:${tokenModule}:${typeNames[kind]}`;
}
function componentToken(name) {
  return `${packageName}:${tokenModule}:${componentNames[name]}`;
}
function legacyTypeToken(kind) {
  return `pulumi-nodejs:dynamic/${packageName}:${typeNames[kind]}`;
}
function kindOfType(type) {
  return kinds.find((kind) => type === typeToken(kind) || type === legacyTypeToken(kind));
}
var idNames = { image: "imageId", store: "storeId" };
var configKeys = ["cloud", "clouds", "policy"];
var instanceKey = "catalogInstance";
function parseUrn(urn) {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  return { type: qualified.split("$").at(-1) ?? qualified, name: parts.slice(3).join("::") };
}

export {
  packageName,
  functionToken,
  typeToken,
  componentToken,
  legacyTypeToken,
  kindOfType,
  idNames,
  configKeys,
  instanceKey,
  parseUrn
};
