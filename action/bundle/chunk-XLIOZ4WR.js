import { createRequire as __imageCatalogRequire } from 'node:module';
const require = __imageCatalogRequire(import.meta.url);
import {
  require_dist
} from "./chunk-AP7GKTRD.js";
import {
  CloudConfigError,
  ImageServiceError,
  findEndpoint,
  isUnauthorized,
  issueToken,
  plainMessage,
  require_undici
} from "./chunk-AUYGMNHL.js";
import {
  __toESM
} from "./chunk-UXAMSLRZ.js";

// provider/client/config.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
function cloudsFiles(env = process.env, cwd = process.cwd()) {
  const explicit = env["OS_CLIENT_CONFIG_FILE"];
  return [
    ...explicit === void 0 || explicit === "" ? [] : [explicit],
    join(cwd, "clouds.yaml"),
    join(homedir(), ".config", "openstack", "clouds.yaml"),
    "/etc/openstack/clouds.yaml"
  ];
}
function secureFiles(env, cwd) {
  const explicit = env["OS_CLIENT_SECURE_FILE"];
  return [
    ...explicit === void 0 || explicit === "" ? [] : [explicit],
    join(cwd, "secure.yaml"),
    join(homedir(), ".config", "openstack", "secure.yaml"),
    "/etc/openstack/secure.yaml"
  ];
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function merge(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const current = out[k];
    out[k] = isObject(current) && isObject(v) ? merge(current, v) : v;
  }
  return out;
}
function yamlProblem(err) {
  if (err instanceof import_yaml.YAMLError) {
    const what = err.message.split(/ at line \d+|:\n/)[0] ?? err.code;
    const at = err.linePos?.[0];
    return `${at === void 0 ? "" : `line ${at.line}, column ${at.col}: `}${what} (${err.code}; the line is not shown, it may hold a secret)`;
  }
  return "it cannot be read as YAML";
}
function readClouds(file) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(readFileSync(file, "utf8"));
  } catch (err) {
    throw new CloudConfigError(`${file} is not valid YAML: ${yamlProblem(err)}`);
  }
  return isObject(doc) && isObject(doc["clouds"]) ? doc["clouds"] : {};
}
function str(value) {
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : void 0;
}
function bool(value) {
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return ["1", "true", "yes", "on"].includes(value.toLowerCase());
  return void 0;
}
var yamlKey = (key, section = "auth") => section === "auth" ? `auth.${key}` : key;
var envKey = (key) => `OS_${key.toUpperCase()}`;
function fromAuthSection(source, auth, cloud, key = yamlKey) {
  const authUrl = str(auth["auth_url"]);
  if (authUrl === void 0) throw new CloudConfigError(`${source}: ${key("auth_url")} is required`);
  const authType = str(cloud["auth_type"]) ?? (str(auth["application_credential_secret"]) !== void 0 ? "v3applicationcredential" : str(auth["token"]) !== void 0 && str(auth["password"]) === void 0 ? "v3token" : "password");
  const user = {
    username: str(auth["username"]),
    userId: str(auth["user_id"]),
    userDomainName: str(auth["user_domain_name"]) ?? str(auth["domain_name"]),
    userDomainId: str(auth["user_domain_id"]) ?? str(auth["domain_id"])
  };
  let method;
  if (authType === "v3applicationcredential" || authType === "application_credential") {
    const secret = str(auth["application_credential_secret"]);
    if (secret === void 0)
      throw new CloudConfigError(`${source}: ${key("application_credential_secret")} is required for application credential auth`);
    const id = str(auth["application_credential_id"]);
    const name = str(auth["application_credential_name"]);
    if (id === void 0 && (name === void 0 || user.username === void 0 && user.userId === void 0)) {
      throw new CloudConfigError(
        `${source}: application credential auth needs ${key("application_credential_id")}, or ${key("application_credential_name")} with ${key("username")} or ${key("user_id")}`
      );
    }
    method = { type: "application_credential", id, name, secret, ...user };
  } else if (authType === "v3token" || authType === "token") {
    const token = str(auth["token"]);
    if (token === void 0) throw new CloudConfigError(`${source}: ${key("token")} is required for token auth`);
    method = { type: "token", token };
  } else if (authType === "password" || authType === "v3password") {
    const password = str(auth["password"]);
    if (password === void 0) throw new CloudConfigError(`${source}: ${key("password")} is required for password auth`);
    if (user.username === void 0 && user.userId === void 0)
      throw new CloudConfigError(`${source}: ${key("username")} or ${key("user_id")} is required for password auth`);
    method = { type: "password", password, ...user };
  } else {
    throw new CloudConfigError(
      `${source}: ${key("auth_type", "cloud")} ${authType} is not supported (password, v3applicationcredential, v3token)`
    );
  }
  const projectId = str(auth["project_id"]) ?? str(auth["tenant_id"]);
  const projectName = str(auth["project_name"]) ?? str(auth["tenant_name"]);
  let scope;
  if (method.type === "application_credential")
    scope = { kind: "unscoped" };
  else if (projectId !== void 0 || projectName !== void 0) {
    scope = {
      kind: "project",
      id: projectId,
      name: projectName,
      domainName: str(auth["project_domain_name"]),
      domainId: str(auth["project_domain_id"])
    };
  } else if (str(auth["domain_id"]) !== void 0 || str(auth["domain_name"]) !== void 0) {
    scope = { kind: "domain", id: str(auth["domain_id"]), name: str(auth["domain_name"]) };
  } else if (method.type === "password") {
    throw new CloudConfigError(
      `${source}: no project: set ${key("project_name")} (with ${key("project_domain_name")}) or ${key("project_id")}; without one Keystone would pick the user's default project`
    );
  } else scope = { kind: "unscoped" };
  if (scope.kind === "project" && scope.id === void 0 && scope.domainName === void 0 && scope.domainId === void 0) {
    throw new CloudConfigError(`${source}: ${key("project_name")} needs ${key("project_domain_name")} or ${key("project_domain_id")}`);
  }
  const iface = str(cloud["interface"]) ?? str(cloud["endpoint_type"]) ?? "public";
  if (iface !== "public" && iface !== "internal" && iface !== "admin")
    throw new CloudConfigError(`${source}: ${key("interface", "cloud")} must be public, internal or admin, not ${iface}`);
  const verify = cloud["verify"];
  const endpointOverrides = Object.fromEntries(
    Object.entries(cloud).flatMap(([k, v]) => {
      const type = /^(.+)_endpoint_override$/.exec(k)?.[1];
      const url = str(v);
      return type === void 0 || url === void 0 ? [] : [[type, url]];
    })
  );
  return {
    source,
    authUrl,
    auth: method,
    scope,
    regionName: str(cloud["region_name"]),
    interface: iface,
    caFile: str(cloud["cacert"]),
    insecure: bool(cloud["insecure"]) === true || verify === false,
    endpointOverrides
  };
}
function fromEnvironment(env) {
  const auth = {};
  const cloud = {};
  const authKeys = [
    "auth_url",
    "username",
    "user_id",
    "password",
    "user_domain_name",
    "user_domain_id",
    "project_name",
    "project_id",
    "tenant_name",
    "tenant_id",
    "project_domain_name",
    "project_domain_id",
    "domain_name",
    "domain_id",
    "application_credential_id",
    "application_credential_name",
    "application_credential_secret",
    "token"
  ];
  for (const key of authKeys) {
    const value = env[`OS_${key.toUpperCase()}`];
    if (value !== void 0 && value !== "") auth[key] = value;
  }
  for (const [key, name] of [
    ["auth_type", "OS_AUTH_TYPE"],
    ["region_name", "OS_REGION_NAME"],
    ["interface", "OS_INTERFACE"],
    ["cacert", "OS_CACERT"],
    ["insecure", "OS_INSECURE"],
    ["image_endpoint_override", "OS_IMAGE_ENDPOINT_OVERRIDE"]
  ]) {
    const value = env[name];
    if (value !== void 0 && value !== "") cloud[key] = value;
  }
  if (auth["auth_url"] === void 0) {
    const set = Object.keys(auth).map((key) => envKey(key));
    throw new CloudConfigError(
      set.length > 0 ? `OS_* environment: OS_AUTH_URL is not set (${set.join(", ")} ${set.length === 1 ? "is" : "are"}): set it, or OS_CLOUD to a cloud in clouds.yaml` : "no cloud configured: set OS_CLOUD (a cloud in clouds.yaml) or the OS_* variables (OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME, ...)"
    );
  }
  return fromAuthSection("OS_* environment", auth, cloud, envKey);
}
function resolveCloud(cloud, env = process.env, cwd = process.cwd()) {
  const name = cloud ?? (env["OS_CLOUD"] === "" ? void 0 : env["OS_CLOUD"]);
  if (name === void 0) return fromEnvironment(env);
  const file = cloudsFiles(env, cwd).find((f) => existsSync(f));
  if (file === void 0)
    throw new CloudConfigError(`cloud "${name}": no clouds.yaml found (looked in ${cloudsFiles(env, cwd).join(", ")})`);
  const entry = readClouds(file)[name];
  if (!isObject(entry))
    throw new CloudConfigError(`cloud "${name}" is not in ${file} (it has: ${Object.keys(readClouds(file)).join(", ") || "none"})`);
  let merged = entry;
  const secure = secureFiles(env, cwd).find((f) => existsSync(f));
  if (secure !== void 0) {
    const extra = readClouds(secure)[name];
    if (isObject(extra)) merged = merge(merged, extra);
  }
  return fromAuthSection(`cloud "${name}" in ${file}`, isObject(merged["auth"]) ? merged["auth"] : {}, merged);
}
function resolveCloudFromDocument(cloud, document, where) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(document);
  } catch (err) {
    throw new CloudConfigError(`${where} is not a valid clouds.yaml document (YAML with a clouds: map): ${yamlProblem(err)}`);
  }
  const clouds = isObject(doc) && isObject(doc["clouds"]) ? doc["clouds"] : void 0;
  if (clouds === void 0) throw new CloudConfigError(`${where} has no clouds: map`);
  const entry = clouds[cloud];
  if (!isObject(entry)) return void 0;
  return fromAuthSection(`cloud "${cloud}" in ${where}`, isObject(entry["auth"]) ? entry["auth"] : {}, entry);
}

// provider/client/http.ts
import { readFileSync as readFileSync2 } from "node:fs";

// node_modules/is-network-error/index.js
var objectToString = Object.prototype.toString;
var isError = (value) => objectToString.call(value) === "[object Error]";
var errorMessages = /* @__PURE__ */ new Set([
  "network error",
  // Chrome
  "NetworkError when attempting to fetch resource.",
  // Firefox
  "The Internet connection appears to be offline.",
  // Safari 16
  "Network request failed",
  // `cross-fetch`
  "fetch failed",
  // Undici (Node.js)
  "terminated",
  // Undici (Node.js)
  " A network error occurred.",
  // Bun (WebKit)
  "Network connection lost"
  // Cloudflare Workers (fetch)
]);
function isNetworkError(error) {
  const isValid = error && isError(error) && error.name === "TypeError" && typeof error.message === "string";
  if (!isValid) {
    return false;
  }
  const { message, stack } = error;
  if (message === "Load failed" || message.startsWith("Load failed (") && message.endsWith(")")) {
    return stack === void 0 || "__sentry_captured__" in error;
  }
  if (message.startsWith("error sending request for url")) {
    return true;
  }
  if (message === "Failed to fetch" || message.startsWith("Failed to fetch (") && message.endsWith(")")) {
    return true;
  }
  return errorMessages.has(message);
}

// node_modules/p-retry/index.js
function validateRetries(retries) {
  if (typeof retries === "number") {
    if (retries < 0) {
      throw new TypeError("Expected `retries` to be a non-negative number.");
    }
    if (Number.isNaN(retries)) {
      throw new TypeError("Expected `retries` to be a valid number or Infinity, got NaN.");
    }
  } else if (retries !== void 0) {
    throw new TypeError("Expected `retries` to be a number or Infinity.");
  }
}
function validateNumberOption(name, value, { min = 0, allowInfinity = false } = {}) {
  if (value === void 0) {
    return;
  }
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`Expected \`${name}\` to be a number${allowInfinity ? " or Infinity" : ""}.`);
  }
  if (!allowInfinity && !Number.isFinite(value)) {
    throw new TypeError(`Expected \`${name}\` to be a finite number.`);
  }
  if (value < min) {
    throw new TypeError(`Expected \`${name}\` to be \u2265 ${min}.`);
  }
}
var AbortError = class extends Error {
  constructor(message) {
    super();
    if (message instanceof Error) {
      this.originalError = message;
      ({ message } = message);
    } else {
      this.originalError = new Error(message);
      this.originalError.stack = this.stack;
    }
    this.name = "AbortError";
    this.message = message;
  }
};
function calculateDelay(retriesConsumed, options) {
  const attempt = Math.max(1, retriesConsumed + 1);
  const random = options.randomize ? Math.random() + 1 : 1;
  let timeout = Math.round(random * options.minTimeout * options.factor ** (attempt - 1));
  timeout = Math.min(timeout, options.maxTimeout);
  return timeout;
}
function calculateRemainingTime(start, max) {
  if (!Number.isFinite(max)) {
    return max;
  }
  return max - (performance.now() - start);
}
async function onAttemptFailure({ error, attemptNumber, retriesConsumed, startTime, options }) {
  const normalizedError = error instanceof Error ? error : new TypeError(`Non-error was thrown: "${error}". You should only throw errors.`);
  if (normalizedError instanceof AbortError) {
    throw normalizedError.originalError;
  }
  const retriesLeft = Number.isFinite(options.retries) ? Math.max(0, options.retries - retriesConsumed) : options.retries;
  const maxRetryTime = options.maxRetryTime ?? Number.POSITIVE_INFINITY;
  const context = Object.freeze({
    error: normalizedError,
    attemptNumber,
    retriesLeft,
    retriesConsumed
  });
  await options.onFailedAttempt(context);
  if (calculateRemainingTime(startTime, maxRetryTime) <= 0) {
    throw normalizedError;
  }
  const consumeRetry = await options.shouldConsumeRetry(context);
  const remainingTime = calculateRemainingTime(startTime, maxRetryTime);
  if (remainingTime <= 0 || retriesLeft <= 0) {
    throw normalizedError;
  }
  if (normalizedError instanceof TypeError && !isNetworkError(normalizedError)) {
    if (consumeRetry) {
      throw normalizedError;
    }
    options.signal?.throwIfAborted();
    return false;
  }
  if (!await options.shouldRetry(context)) {
    throw normalizedError;
  }
  if (!consumeRetry) {
    options.signal?.throwIfAborted();
    return false;
  }
  const delayTime = calculateDelay(retriesConsumed, options);
  const finalDelay = Math.min(delayTime, remainingTime);
  options.signal?.throwIfAborted();
  if (finalDelay > 0) {
    await new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timeoutToken);
        options.signal?.removeEventListener("abort", onAbort);
        reject(options.signal.reason);
      };
      const timeoutToken = setTimeout(() => {
        options.signal?.removeEventListener("abort", onAbort);
        resolve();
      }, finalDelay);
      if (options.unref) {
        timeoutToken.unref?.();
      }
      options.signal?.addEventListener("abort", onAbort, { once: true });
    });
  }
  options.signal?.throwIfAborted();
  return true;
}
async function pRetry(input, options = {}) {
  options = { ...options };
  validateRetries(options.retries);
  if (Object.hasOwn(options, "forever")) {
    throw new Error("The `forever` option is no longer supported. For many use-cases, you can set `retries: Infinity` instead.");
  }
  options.retries ??= 10;
  options.factor ??= 2;
  options.minTimeout ??= 1e3;
  options.maxTimeout ??= Number.POSITIVE_INFINITY;
  options.maxRetryTime ??= Number.POSITIVE_INFINITY;
  options.randomize ??= false;
  options.onFailedAttempt ??= () => {
  };
  options.shouldRetry ??= () => true;
  options.shouldConsumeRetry ??= () => true;
  validateNumberOption("factor", options.factor, { min: 0, allowInfinity: false });
  validateNumberOption("minTimeout", options.minTimeout, { min: 0, allowInfinity: false });
  validateNumberOption("maxTimeout", options.maxTimeout, { min: 0, allowInfinity: true });
  validateNumberOption("maxRetryTime", options.maxRetryTime, { min: 0, allowInfinity: true });
  if (!(options.factor > 0)) {
    options.factor = 1;
  }
  options.signal?.throwIfAborted();
  let attemptNumber = 0;
  let retriesConsumed = 0;
  const startTime = performance.now();
  while (Number.isFinite(options.retries) ? retriesConsumed <= options.retries : true) {
    attemptNumber++;
    try {
      options.signal?.throwIfAborted();
      const result = await input(attemptNumber);
      options.signal?.throwIfAborted();
      return result;
    } catch (error) {
      if (await onAttemptFailure({
        error,
        attemptNumber,
        retriesConsumed,
        startTime,
        options
      })) {
        retriesConsumed++;
      }
    }
  }
  throw new Error("Retry attempts exhausted without throwing an error.");
}

// provider/client/http.ts
var import_undici = __toESM(require_undici(), 1);
var idempotentMethods = /* @__PURE__ */ new Set(["GET", "HEAD", "PUT", "DELETE"]);
function headerOf(response, name) {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
function answerError(method, url, response, text) {
  return new ImageServiceError({
    status: response.statusCode,
    method,
    url,
    requestId: headerOf(response, "x-openstack-request-id"),
    serviceMessage: plainMessage(text)
  });
}
var Transport = class {
  /** Requests sent so far, retries included. */
  requests = 0;
  dispatcher;
  retries;
  minBackoffMs;
  constructor(options = {}) {
    const connect = {};
    if (options.caFile !== void 0) connect.ca = readFileSync2(options.caFile, "utf8");
    if (options.insecure === true) connect.rejectUnauthorized = false;
    this.dispatcher = new import_undici.Agent({ connect });
    this.retries = options.retries ?? 3;
    this.minBackoffMs = options.minBackoffMs ?? 200;
  }
  /** Sends one request; resolves with the answer when its status is accepted. */
  async send(spec) {
    const resendable = spec.body === void 0 || typeof spec.body === "string" || spec.body instanceof Uint8Array;
    const retryable = (spec.idempotent ?? idempotentMethods.has(spec.method)) && resendable;
    const headers = { accept: "application/json", ...spec.headers };
    let body = spec.body;
    if (spec.json !== void 0) {
      body = JSON.stringify(spec.json);
      headers["content-type"] ??= "application/json";
    }
    const attempt = async () => {
      let response;
      try {
        response = await this.dispatch(spec.method, spec.url, headers, body);
      } catch (err) {
        if (retryable) throw err;
        throw new AbortError(err);
      }
      const text = spec.method === "HEAD" ? (await response.body.dump(), "") : await response.body.text();
      const header = (name) => headerOf(response, name);
      if (spec.ok.includes(response.statusCode)) return { status: response.statusCode, header, url: spec.url, text };
      const error = answerError(spec.method, spec.url, response, text);
      if (retryable && response.statusCode >= 500 && response.statusCode !== 501) throw error;
      throw new AbortError(error);
    };
    return pRetry(attempt, { retries: retryable ? this.retries : 0, minTimeout: this.minBackoffMs, factor: 2, randomize: true });
  }
  /**
   * Sends a GET whose answer is streamed, not read: resolves with the body stream when the status is accepted
   * (a download). Not retried: the caller owns the stream.
   */
  async open(spec) {
    const response = await this.dispatch("GET", spec.url, { ...spec.headers }, void 0);
    if (spec.ok.includes(response.statusCode)) return { status: response.statusCode, body: response.body };
    throw answerError("GET", spec.url, response, await response.body.text());
  }
  /**
   * One request on the wire, counted. undici.request, not fetch: fetch buffers a streamed request body (a 1 GiB
   * upload cost 1.1 GB of memory) and is slower; request streams it with backpressure. No answer at all is an
   * ImageServiceError with status 0.
   */
  async dispatch(method, url, headers, body) {
    this.requests += 1;
    try {
      return await (0, import_undici.request)(url, {
        method,
        headers,
        dispatcher: this.dispatcher,
        ...body === void 0 ? {} : { body }
      });
    } catch (err) {
      throw new ImageServiceError({ status: 0, method, url, serviceMessage: err.message, cause: err });
    }
  }
  /** Closes the connection pool. */
  async close() {
    await this.dispatcher.close();
  }
};

// provider/client/session.ts
var Session = class _Session {
  constructor(config, options = {}) {
    this.config = config;
    this.transport = new Transport({ caFile: config.caFile, insecure: config.insecure, retries: options.retries });
    this.refreshMarginMs = options.refreshMarginMs;
  }
  config;
  transport;
  current;
  pending;
  refreshMarginMs;
  /** A session for a cloud of clouds.yaml (or OS_CLOUD, or the OS_* environment when no name is given). */
  static forCloud(cloud, options = {}) {
    return new _Session(resolveCloud(cloud), options);
  }
  /**
   * The same cloud in another region (its image endpoint there): a session of its own, or this one when `region` is
   * undefined or already its region. A line published in several regions has an image of each version in each.
   */
  inRegion(region, options = {}) {
    return region === void 0 || region === this.config.regionName ? this : new _Session({ ...this.config, regionName: region }, options);
  }
  /** A valid token: the current one, or a new one when it is missing or about to expire. */
  async token() {
    const current = this.current;
    if (current !== void 0 && current.expiresAt.getTime() - Date.now() > this.marginFor(current)) return current;
    return this.reissue(current);
  }
  marginFor(token) {
    return this.refreshMarginMs ?? Math.min(6e4, (token.expiresAt.getTime() - token.issuedAt.getTime()) / 10);
  }
  /** Issues a new token unless another call already replaced `stale`; concurrent callers share one request. */
  reissue(stale) {
    if (this.current !== stale && this.current !== void 0) return Promise.resolve(this.current);
    this.pending ??= issueToken(this.transport, this.config).then(
      (token) => {
        this.current = token;
        this.pending = void 0;
        return token;
      },
      (err) => {
        this.pending = void 0;
        throw err;
      }
    );
    return this.pending;
  }
  /** The principal of the envelope: user, project and roles from the token, never from user input. */
  async identity() {
    const token = await this.token();
    return { user_id: token.userId, project_id: token.projectId ?? "", roles: token.roles };
  }
  /** The endpoint URL of a service type (`image`) from the token's catalog. */
  async endpoint(type) {
    return findEndpoint(await this.token(), type, this.config);
  }
  /**
   * Runs a call with the token. A 401 means the token was revoked or expired early: issue a new one (once,
   * shared with concurrent calls) and run the call again.
   */
  async authorized(call) {
    const token = await this.token();
    try {
      return await call(token);
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      return call(await this.reissue(token));
    }
  }
  /** Sends a request with the token (see `authorized` for a 401). */
  request(spec) {
    return this.authorized((t) => this.transport.send({ ...spec, headers: { ...spec.headers, "x-auth-token": t.id } }));
  }
  /** Opens a streamed GET with the token (a download). */
  open(spec) {
    return this.authorized((t) => this.transport.open({ ...spec, headers: { ...spec.headers, "x-auth-token": t.id } }));
  }
  /** Closes the connections. */
  async close() {
    await this.transport.close();
  }
};

export {
  resolveCloud,
  resolveCloudFromDocument,
  Session
};
