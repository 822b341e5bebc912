/**
 * `npm run lab -- up|down|status|env|reset`: the real Image Service on 127.0.0.1, from Debian's keystone and
 * glance-api, with sqlite, two file stores, staging and tasks stores for interoperable import, a local HTTP
 * source for web-download and seeded personas, and an S3 server (SeaweedFS, built by scripts/toolchain.ts) with a
 * bucket for the stacks' state and one for Glance's s3 store, and a Swift all-in-one (Debian's swift servers, one
 * device, Keystone auth) for Glance's swift store. Facts behind the choices are in ../shared/LAB-FACTS.md.
 */
import { processRuns } from './processes.js';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { stringify } from 'yaml';
import {
  answers,
  labPaths,
  labPidFile,
  labS3BackendUrl,
  labS3Env,
  labS3Ports,
  labS3Region,
  labServiceUrls,
  labSettings,
  labImageBucket,
  labRegions,
  labStateBucket,
  labSwiftPorts,
  personas,
  portFree,
  readLabRecord,
  swiftServers,
  type LabRecord,
  type LabService,
  type LabSettings,
  type Persona,
} from './lab-settings.js';
import { locateTool } from './tools.js';

const [region, regionTwo] = labRegions;
// python3-boto3: glance_store's s3 driver (a store of the StorageBackend resource on the lab's S3); swift-*: the
// lab's Swift (glance_store's swift driver uses python3-swiftclient, a dependency of glance-api).
const packages = [
  'keystone',
  'glance-api',
  'python3-boto3',
  'python3-openstackclient',
  'qemu-utils',
  ...swiftServers.map((server) => `swift-${server}`),
  'uwsgi-core',
  'uwsgi-plugin-python3',
] as const;

type Paths = ReturnType<typeof labPaths>;

interface Secrets {
  readonly admin: string;
  readonly platform: string;
  readonly appteam: string;
  readonly 'platform-viewer': string;
  readonly glance: string;
  /** The Keystone user Swift's proxy validates tokens as, and a Glance swift store authenticates as. */
  readonly swift: string;
  /** The lab S3's one identity (an admin of it): its access key id and secret. */
  readonly s3AccessKey: string;
  readonly s3SecretKey: string;
}

/** Who each persona is: user, project and the roles it holds there. */
const personaSpec: Readonly<Record<Persona, { project: string; roles: readonly string[] }>> = {
  admin: { project: 'admin', roles: ['admin'] },
  platform: { project: 'platform', roles: ['member', 'reader'] },
  appteam: { project: 'appteam', roles: ['member', 'reader'] },
  'platform-viewer': { project: 'platform', roles: ['reader'] },
};

function say(line: string): void {
  process.stdout.write(`lab: ${line}\n`);
}

class LabError extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Debian packages

function isInstalled(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'installed';
}

function asRoot(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): void {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? [cmd, args] : ['sudo', ['-E', cmd, ...args]];
  const r = spawnSync(file, argv, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0)
    throw new LabError(
      `${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}); the lab needs root or sudo to install Debian packages`,
    );
}

/**
 * Installs what is missing. Debian's maintainer scripts would start keystone and glance on 0.0.0.0 with the
 * /etc configs; a policy-rc.d that exits 101 tells invoke-rc.d not to, for the length of the install.
 */
function installPackages(): void {
  const missing = packages.filter((p) => !isInstalled(p));
  if (missing.length === 0) return;
  if (!existsSync('/usr/bin/apt-get'))
    throw new LabError(`missing Debian packages ${missing.join(' ')} and no apt-get: the lab needs Debian or Ubuntu`);
  say(`installing ${missing.join(' ')} with apt-get (about 235 packages the first time, about a minute) ...`);
  const guard = '/usr/sbin/policy-rc.d';
  const placedGuard = !existsSync(guard);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const t0 = Date.now();
  try {
    if (placedGuard) asRoot('sh', ['-c', `printf '#!/bin/sh\\nexit 101\\n' > ${guard} && chmod 755 ${guard}`], env);
    asRoot('apt-get', ['update', '-qq'], env);
    asRoot('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], env);
  } finally {
    if (placedGuard) asRoot('rm', ['-f', guard], env);
  }
  say(`installed in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}

// ---------------------------------------------------------------------------------------------------------
// Configuration

function loadSecrets(paths: Paths): Secrets {
  const kept = existsSync(paths.secrets) ? (JSON.parse(readFileSync(paths.secrets, 'utf8')) as Partial<Secrets>) : {};
  // A letter first: a password that starts with '-' would be read as an option by the tools it is given to.
  const make = (): string => `p${randomBytes(18).toString('base64url')}`;
  // A lab made before the S3 server gets its keys added; every other secret stays as it was.
  const secrets: Secrets = {
    admin: kept.admin ?? make(),
    platform: kept.platform ?? make(),
    appteam: kept.appteam ?? make(),
    'platform-viewer': kept['platform-viewer'] ?? make(),
    glance: kept.glance ?? make(),
    swift: kept.swift ?? make(),
    s3AccessKey: kept.s3AccessKey ?? `LAB${randomBytes(8).toString('hex').toUpperCase()}`,
    s3SecretKey: kept.s3SecretKey ?? make(),
  };
  writePrivate(paths.secrets, JSON.stringify(secrets, null, 2) + '\n');
  return secrets;
}

/** SeaweedFS's S3 identities (its -s3.config): the lab's one identity, an admin of every bucket; no anonymous access. */
function s3Identities(secrets: Secrets): string {
  const identity = {
    name: 'lab',
    credentials: [{ accessKey: secrets.s3AccessKey, secretKey: secrets.s3SecretKey }],
    actions: ['Admin', 'Read', 'List', 'Tagging', 'Write'],
  };
  return `${JSON.stringify({ identities: [identity] }, null, 2)}\n`;
}

/**
 * A SeaweedFS part's unix socket in the lab's run folder, not /tmp (where each port's socket file stays behind);
 * SeaweedFS's own default when the path is too long for a socket address (108 bytes on Linux).
 */
function socketOption(part: 'filer' | 's3', path: string): string[] {
  return Buffer.byteLength(path) < 100 ? [`-${part}.localSocket=${path}`] : [];
}

/** The `weed server` arguments of the lab's S3: every port its own (labS3Ports), bound to 127.0.0.1, no extras. */
function s3ServerArgs(settings: LabSettings, paths: Paths): string[] {
  const ports = labS3Ports(settings.s3Port);
  return [
    'server',
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-dir=${join(paths.s3, 'data')}`,
    '-volume.max=0',
    '-master.volumeSizeLimitMB=1024',
    // No usage statistics sent out (SeaweedFS's master reports them by default).
    '-master.telemetry=false',
    // One master: its raft election waits this long before it leads (the default 10 s held every up that long).
    '-master.electionTimeout=1s',
    `-master.port=${String(ports.master)}`,
    `-master.port.grpc=${String(ports.masterGrpc)}`,
    `-volume.port=${String(ports.volume)}`,
    `-volume.port.grpc=${String(ports.volumeGrpc)}`,
    // Its default waits 10 s after the last heartbeat before it exits: longer than `down` waits for a service.
    '-volume.preStopSeconds=0',
    '-filer',
    `-filer.port=${String(ports.filer)}`,
    `-filer.port.grpc=${String(ports.filerGrpc)}`,
    ...socketOption('filer', join(paths.run, 's3-filer.sock')),
    '-s3',
    `-s3.port=${String(ports.s3)}`,
    `-s3.port.grpc=${String(ports.s3Grpc)}`,
    ...socketOption('s3', join(paths.run, 's3-gateway.sock')),
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    `-s3.config=${join(paths.s3, 's3.json')}`,
    // A missing bucket is an error, as on AWS or Ceph RGW (SeaweedFS would make it on the first upload).
    '-s3.autoCreateBucket=false',
  ];
}

/** Makes the state bucket and the image bucket when SeaweedFS does not have them yet (its shell, against the master). */
async function ensureBuckets(settings: LabSettings, weed: string): Promise<void> {
  // SeaweedFS writes an address with its gRPC port as <host>:<port>.<grpc port> (else it assumes port + 10000).
  const ports = labS3Ports(settings.s3Port);
  const master = `127.0.0.1:${String(ports.master)}.${String(ports.masterGrpc)}`;
  const shell = (command: string): { code: number; output: string } => {
    const r = spawnSync(weed, ['shell', `-master=${master}`, '-connectTimeout=5s'], {
      input: `${command}\nexit\n`,
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { code: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
  };
  let last = '';
  say('s3: waiting for the filer to join SeaweedFS (the S3 port answers first) ...');
  // Its HTTP port answers once it runs: only then is the shell worth asking (each early try waits its timeout).
  for (let i = 0; i < 600 && !(await answers(`http://127.0.0.1:${String(ports.filer)}/`, 1000)); i++) await sleep(100);
  // The filer registers with the master a moment after the S3 port answers.
  const wanted = [labStateBucket, labImageBucket];
  for (let i = 0; i < 60; i++) {
    const listed = shell('s3.bucket.list');
    const missing = listed.code === 0 ? wanted.filter((b) => !new RegExp(`^\\s*${b}\\b`, 'm').test(listed.output)) : wanted;
    if (listed.code === 0 && missing.length === 0) return;
    const made = shell(missing.map((b) => `s3.bucket.create -name ${b}`).join('\n'));
    last = made.output.trim();
    if (made.code === 0 && !/error|failed/i.test(made.output)) {
      say(`s3: bucket${missing.length > 1 ? 's' : ''} ${missing.join(' and ')} created`);
      return;
    }
    await sleep(500);
  }
  throw new LabError(`s3: the buckets ${wanted.join(' and ')} could not be made: ${last.split('\n').slice(-5).join(' | ')}`);
}

/** Writes a file atomically with mode 0600; returns whether its content changed. */
function writePrivate(file: string, content: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return false;
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return true;
}

function ini(sections: Readonly<Record<string, Readonly<Record<string, string | number | boolean>>>>): string {
  return (
    Object.entries(sections)
      .map(([name, values]) => [`[${name}]`, ...Object.entries(values).map(([k, v]) => `${k} = ${String(v)}`)].join('\n'))
      .join('\n\n') + '\n'
  );
}

function keystoneConf(settings: LabSettings, paths: Paths): string {
  return ini({
    DEFAULT: { use_stderr: true, debug: false },
    database: { connection: `sqlite:///${join(paths.keystone, 'keystone.db')}` },
    token: { provider: 'fernet', expiration: settings.tokenExpiration },
    fernet_tokens: { key_repository: join(paths.keystone, 'fernet-keys') },
    credential: { key_repository: join(paths.keystone, 'credential-keys') },
    // bcrypt at the default cost makes every token cost ~280 ms; the lab is not a vault.
    identity: { password_hash_rounds: 4 },
  });
}

/** A glance-api of the lab: the first region's (port, data under `dir`), or the second's, each with its own database and stores. */
function glanceConf(settings: LabSettings, secrets: Secrets, port: number, dir: string): string {
  const keystone = `http://127.0.0.1:${settings.keystonePort}`;
  return ini({
    DEFAULT: {
      bind_host: '127.0.0.1',
      bind_port: port,
      // One eventlet process: Glance under uwsgi is broken in this release (Debian's own init says so).
      workers: 0,
      use_stderr: true,
      enabled_backends: 'fast:file, cheap:file',
      enabled_import_methods: '[glance-direct, web-download, copy-image]',
    },
    database: { connection: `sqlite:///${join(dir, 'glance.db')}` },
    glance_store: { default_backend: 'fast' },
    fast: { filesystem_store_datadir: join(dir, 'stores', 'fast'), store_description: 'fast file store (default)' },
    cheap: { filesystem_store_datadir: join(dir, 'stores', 'cheap'), store_description: 'cheap file store' },
    os_glance_staging_store: { filesystem_store_datadir: join(dir, 'staging') },
    os_glance_tasks_store: { filesystem_store_datadir: join(dir, 'tasks') },
    keystone_authtoken: {
      www_authenticate_uri: keystone,
      auth_url: keystone,
      auth_type: 'password',
      project_domain_name: 'Default',
      user_domain_name: 'Default',
      project_name: 'service',
      username: 'glance',
      password: secrets.glance,
    },
    paste_deploy: { flavor: 'keystone', config_file: '/etc/glance/glance-api-paste.ini' },
    oslo_concurrency: { lock_path: join(dir, 'locks') },
  });
}

function glanceImportConf(settings: LabSettings): string {
  // Brackets are required: a bad value does not stop the start, it makes every import answer 400.
  const ports = [...new Set([80, 443, settings.sourcePort])].join(', ');
  return ini({
    image_import_opts: { image_import_plugins: '[]' },
    import_filtering_opts: { allowed_schemes: '[http, https]', allowed_hosts: '[127.0.0.1]', allowed_ports: `[${ports}]` },
  });
}

/** Where each Swift server's config and the rings live, its device, and the hash of the ports the rings were built for. */
function swiftPaths(paths: Paths) {
  return { etc: join(paths.swift, 'etc'), devices: join(paths.swift, 'srv'), ringPorts: join(paths.swift, 'etc', 'ring-ports') } as const;
}

/**
 * Swift's three rings, one device each (d1 under the lab's swift/srv), built with swift-ring-builder; built again
 * when the ports changed (a ring names its servers' ports).
 */
function swiftRings(settings: LabSettings, paths: Paths): void {
  const where = swiftPaths(paths);
  const ports = labSwiftPorts(settings.swiftPort);
  const built = JSON.stringify(ports);
  if (existsSync(where.ringPorts) && readFileSync(where.ringPorts, 'utf8') === built) return;
  say('swift: building its rings (one device) ...');
  for (const ring of ['object', 'container', 'account'] as const) {
    for (const f of [`${ring}.builder`, `${ring}.ring.gz`]) rmSync(join(where.etc, f), { force: true });
    rmSync(join(where.etc, 'backups'), { recursive: true, force: true });
    const builder = join(where.etc, `${ring}.builder`);
    manage('swift-ring-builder', [builder, 'create', '10', '1', '1']);
    manage('swift-ring-builder', [
      builder,
      'add',
      '--region',
      '1',
      '--zone',
      '1',
      '--ip',
      '127.0.0.1',
      '--port',
      String(ports[ring]),
      '--device',
      'd1',
      '--weight',
      '100',
    ]);
    manage('swift-ring-builder', [builder, 'rebalance']);
  }
  writeFileSync(where.ringPorts, built);
}

/** A Swift storage server's config: one process (workers 0), loopback, the lab's device folder, no mount check. */
function swiftStorageConf(settings: LabSettings, paths: Paths, server: 'object' | 'container' | 'account'): string {
  const where = swiftPaths(paths);
  return ini({
    DEFAULT: {
      bind_ip: '127.0.0.1',
      bind_port: labSwiftPorts(settings.swiftPort)[server],
      workers: 0,
      user: 'root',
      swift_dir: where.etc,
      devices: where.devices,
      mount_check: false,
      log_name: `${server}-server`,
    },
    'pipeline:main': { pipeline: `${server}-server` },
    [`app:${server}-server`]: { use: `egg:swift#${server}` },
  });
}

/**
 * Swift's proxy config: Keystone auth against the lab's Keystone (authtoken, then keystoneauth: a project's member or
 * admin owns its account AUTH_<project id>), accounts made on first use.
 */
function swiftProxyConf(settings: LabSettings, paths: Paths, secrets: Secrets): string {
  const keystone = `http://127.0.0.1:${settings.keystonePort}`;
  return ini({
    DEFAULT: {
      bind_ip: '127.0.0.1',
      bind_port: labSwiftPorts(settings.swiftPort).proxy,
      workers: 0,
      user: 'root',
      swift_dir: swiftPaths(paths).etc,
      log_name: 'proxy-server',
    },
    'pipeline:main': { pipeline: 'catch_errors proxy-logging authtoken keystoneauth proxy-logging proxy-server' },
    'app:proxy-server': { use: 'egg:swift#proxy', account_autocreate: true },
    'filter:catch_errors': { use: 'egg:swift#catch_errors' },
    'filter:proxy-logging': { use: 'egg:swift#proxy_logging' },
    'filter:authtoken': {
      'paste.filter_factory': 'keystonemiddleware.auth_token:filter_factory',
      www_authenticate_uri: `${keystone}/v3`,
      auth_url: keystone,
      auth_type: 'password',
      project_domain_name: 'Default',
      user_domain_name: 'Default',
      project_name: 'service',
      username: 'swift',
      password: secrets.swift,
      delay_auth_decision: true,
    },
    'filter:keystoneauth': { use: 'egg:swift#keystoneauth', operator_roles: 'admin, member', project_reader_roles: 'reader' },
  });
}

function hashOf(...parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Config fragments glance-api reads from its config directory, in the order oslo.config reads them. */
function configDirContent(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Processes

interface Service {
  readonly name: LabService;
  readonly port: number;
  readonly ready: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly configHash: string;
}

function pidFile(paths: Paths, name: string): string {
  return labPidFile(paths.stateDir, name);
}

function hashFile(paths: Paths, name: string): string {
  return join(paths.run, `${name}.config-hash`);
}

function runningPid(paths: Paths, name: string): number | undefined {
  const file = pidFile(paths, name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && processRuns(pid) ? pid : undefined;
}

/** The setting (IMAGE_CATALOG_LAB_<SETTING>_PORT) that moves a service's port: Swift's four servers share one. */
function portSetting(name: LabService): string {
  return (name.startsWith('swift-') ? 'swift' : name).toUpperCase().replaceAll('-', '_');
}

/** Refuses, before anything is started or written, when a port the lab needs is held by someone else. */
async function assertPortFree(name: LabService, port: number, what: string = name): Promise<void> {
  if (await portFree(port)) return;
  throw new LabError(
    `port ${port} on 127.0.0.1 (${what}) is taken by another process: stop it, or choose another port with IMAGE_CATALOG_LAB_${portSetting(name)}_PORT`,
  );
}

async function stopService(paths: Paths, name: string): Promise<boolean> {
  const pid = runningPid(paths, name);
  rmSync(pidFile(paths, name), { force: true });
  if (pid === undefined) return false;
  // Each service was started as the leader of its own process group: signal the group (uwsgi workers too).
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  for (let i = 0; i < 50 && processRuns(pid); i++) await sleep(100);
  if (processRuns(pid)) signal('SIGKILL');
  for (let i = 0; i < 20 && processRuns(pid); i++) await sleep(100);
  return true;
}

async function startService(paths: Paths, svc: Service): Promise<void> {
  const running = runningPid(paths, svc.name);
  const recorded = existsSync(hashFile(paths, svc.name)) ? readFileSync(hashFile(paths, svc.name), 'utf8') : '';
  if (running !== undefined && recorded === svc.configHash && (await answers(svc.ready))) {
    say(`${svc.name} running (pid ${running}, port ${svc.port})`);
    return;
  }
  if (running !== undefined) {
    say(`${svc.name}: ${recorded === svc.configHash ? 'not answering' : 'configuration changed'}, restarting`);
    await stopService(paths, svc.name);
  }
  await assertPortFree(svc.name, svc.port);
  const logFile = join(paths.logs, `${svc.name}.log`);
  const fd = openSync(logFile, 'a');
  const t0 = Date.now();
  const child = spawn(svc.command, [...svc.args], { detached: true, stdio: ['ignore', fd, fd], env: svc.env });
  closeSync(fd);
  child.unref();
  if (child.pid === undefined) throw new LabError(`${svc.name} did not start: ${svc.command} could not be run`);
  writeFileSync(pidFile(paths, svc.name), `${child.pid}\n`);
  for (let i = 0; i < 600; i++) {
    if (await answers(svc.ready)) {
      writeFileSync(hashFile(paths, svc.name), svc.configHash);
      say(`${svc.name} started on 127.0.0.1:${svc.port} in ${((Date.now() - t0) / 1000).toFixed(1)}s (log: ${logFile})`);
      return;
    }
    if (!processRuns(child.pid)) break;
    await sleep(100);
  }
  await stopService(paths, svc.name);
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n') : '';
  throw new LabError(`${svc.name} did not answer on ${svc.ready}; last lines of ${logFile}:\n${tail}`);
}

/** Runs a one-shot admin command (keystone-manage, glance-manage), failing with its output. */
function manage(cmd: string, args: readonly string[]): void {
  const r = spawnSync(cmd, [...args], { encoding: 'utf8' });
  // The command line is shown without the value of any --...-password option.
  const shown = args.map((a, i) => (/password$/.test(args[i - 1] ?? '') ? '(hidden)' : a));
  if (r.status !== 0)
    throw new LabError(`${cmd} ${shown.join(' ')} failed:\n${(r.stderr || r.stdout).trim().split('\n').slice(-20).join('\n')}`);
}

// ---------------------------------------------------------------------------------------------------------
// Keystone seed, through the Identity API

interface KeystoneAdmin {
  get<T>(path: string): Promise<T>;
  send(method: string, path: string, body?: unknown): Promise<unknown>;
}

async function keystoneAdmin(base: string, password: string): Promise<KeystoneAdmin> {
  const auth = {
    auth: {
      identity: { methods: ['password'], password: { user: { name: 'admin', domain: { id: 'default' }, password } } },
      scope: { project: { name: 'admin', domain: { id: 'default' } } },
    },
  };
  const res = await fetch(`${base}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(auth),
  });
  await res.arrayBuffer();
  const token = res.headers.get('x-subject-token');
  if (res.status !== 201 || token === null)
    throw new LabError(`Keystone refused the lab admin (HTTP ${res.status}): run npm run lab -- reset`);
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { 'x-auth-token': token, 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (r.status >= 300) throw new LabError(`Keystone ${method} ${path}: HTTP ${r.status} ${text.slice(0, 300)}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  };
  return { get: async <T>(path: string) => (await call('GET', path)) as T, send: call };
}

async function ensureNamed(
  ks: KeystoneAdmin,
  collection: 'projects' | 'users' | 'roles' | 'services',
  query: string,
  create: Record<string, unknown>,
): Promise<string> {
  const found = await ks.get<Record<string, { id: string }[]>>(`/v3/${collection}?${query}`);
  const existing = found[collection]?.[0];
  if (existing !== undefined) return existing.id;
  const singular = collection.slice(0, -1);
  const made = (await ks.send('POST', `/v3/${collection}`, { [singular]: create })) as Record<string, { id: string }>;
  const id = made[singular]?.id;
  if (id === undefined) throw new LabError(`Keystone did not return the new ${singular}`);
  return id;
}

async function seed(settings: LabSettings, secrets: Secrets): Promise<Record<string, string>> {
  const keystone = `http://127.0.0.1:${settings.keystonePort}`;
  const ks = await keystoneAdmin(keystone, secrets.admin);
  const projects: Record<string, string> = {};
  for (const name of ['admin', 'service', 'platform', 'appteam']) {
    projects[name] = await ensureNamed(ks, 'projects', `name=${name}`, {
      name,
      domain_id: 'default',
      description: `image-catalog lab: ${name}`,
    });
  }
  const roles: Record<string, string> = {};
  for (const name of ['admin', 'member', 'reader']) roles[name] = await ensureNamed(ks, 'roles', `name=${name}`, { name });
  const assign = async (project: string, user: string, role: string): Promise<void> => {
    await ks.send('PUT', `/v3/projects/${projects[project]}/users/${user}/roles/${roles[role]}`);
  };
  for (const persona of personas) {
    const spec = personaSpec[persona];
    const userId = await ensureNamed(ks, 'users', `name=${persona}&domain_id=default`, {
      name: persona,
      domain_id: 'default',
      password: secrets[persona],
      default_project_id: projects[spec.project],
    });
    for (const role of spec.roles) await assign(spec.project, userId, role);
  }
  const glanceUser = await ensureNamed(ks, 'users', 'name=glance&domain_id=default', {
    name: 'glance',
    domain_id: 'default',
    password: secrets.glance,
  });
  await assign('service', glanceUser, 'admin');
  // Swift's proxy validates tokens as this user, and a Glance swift store stores as it (its account AUTH_<service>).
  const swiftUser = await ensureNamed(ks, 'users', 'name=swift&domain_id=default', {
    name: 'swift',
    domain_id: 'default',
    password: secrets.swift,
  });
  await assign('service', swiftUser, 'admin');
  const objectStore = await ensureNamed(ks, 'services', 'type=object-store', {
    name: 'swift',
    type: 'object-store',
    description: 'image-catalog lab Swift',
  });
  await keepEndpoints(ks, objectStore, `http://127.0.0.1:${String(settings.swiftPort)}/v1/AUTH_%(project_id)s`);
  const imageService = await ensureNamed(ks, 'services', 'type=image', {
    name: 'glance',
    type: 'image',
    description: 'image-catalog lab Image Service',
  });
  // The endpoints follow the ports of this run: keystone's own were written by its bootstrap on the first run, and
  // a lab brought up again on other ports must not hand out the old ones (glance would validate tokens there).
  await keepEndpoints(ks, imageService, `http://127.0.0.1:${settings.glancePort}`);
  // The second region: a region of Keystone's, the second glance-api its image endpoints.
  const regions = await ks.get<{ regions: { id: string }[] }>('/v3/regions');
  if (!regions.regions.some((r) => r.id === regionTwo))
    await ks.send('POST', '/v3/regions', { region: { id: regionTwo, description: 'image-catalog lab: a second glance-api' } });
  await keepEndpoints(ks, imageService, `http://127.0.0.1:${String(settings.regionTwoPort)}`, regionTwo);
  const identity = await ks.get<{ services: { id: string }[] }>('/v3/services?type=identity');
  for (const service of identity.services) await keepEndpoints(ks, service.id, `http://127.0.0.1:${settings.keystonePort}/v3`);
  return projects;
}

/** A service's public, internal and admin endpoints in `where` at `url`: made where missing, moved where they differ. */
async function keepEndpoints(ks: KeystoneAdmin, service: string, url: string, where: string = region): Promise<void> {
  const endpoints = await ks.get<{ endpoints: { interface: string; url: string; id: string; region_id: string | null }[] }>(
    `/v3/endpoints?service_id=${service}`,
  );
  for (const iface of ['public', 'internal', 'admin']) {
    const existing = endpoints.endpoints.find((e) => e.interface === iface && e.region_id === where);
    if (existing === undefined) {
      await ks.send('POST', '/v3/endpoints', { endpoint: { service_id: service, interface: iface, url, region_id: where } });
    } else if (existing.url !== url) {
      await ks.send('PATCH', `/v3/endpoints/${existing.id}`, { endpoint: { url } });
    }
  }
}

function cloudsYaml(settings: LabSettings, secrets: Secrets): string {
  const clouds: Record<string, unknown> = {};
  for (const persona of personas) {
    clouds[persona] = {
      auth: {
        auth_url: `http://127.0.0.1:${settings.keystonePort}/v3`,
        username: persona,
        password: secrets[persona],
        project_name: personaSpec[persona].project,
        user_domain_name: 'Default',
        project_domain_name: 'Default',
      },
      region_name: region,
      // openstacksdk (openstack --os-region-name) accepts only the regions a cloud lists.
      regions: [...labRegions],
      interface: 'public',
      identity_api_version: 3,
    };
  }
  return `# Written by npm run lab -- up: the lab's personas, one cloud each.\n${stringify({ clouds })}`;
}

// ---------------------------------------------------------------------------------------------------------
// Commands

async function up(settings: LabSettings): Promise<void> {
  const t0 = Date.now();
  installPackages();
  const paths = labPaths(settings.stateDir);
  for (const dir of [paths.stateDir, paths.logs, paths.run, paths.keystone, paths.glance, paths.glanceConfigDir, paths.source])
    mkdirSync(dir, { recursive: true });
  mkdirSync(join(paths.s3, 'data'), { recursive: true });
  for (const dir of [swiftPaths(paths).etc, join(swiftPaths(paths).devices, 'd1')]) mkdirSync(dir, { recursive: true });
  for (const glanceDir of [paths.glance, paths.regionTwo])
    for (const d of ['stores/fast', 'stores/cheap', 'staging', 'tasks', 'locks']) mkdirSync(join(glanceDir, d), { recursive: true });
  mkdirSync(paths.regionTwoConfigDir, { recursive: true });
  chmodSync(paths.stateDir, 0o700);
  const s3Ports = Object.entries(labS3Ports(settings.s3Port)).map(
    ([part, p]) => ['s3', p, part === 's3' ? 's3' : `s3: SeaweedFS's ${part}, the S3 port + ${String(p - settings.s3Port)}`] as const,
  );
  const swiftPorts = swiftServers.map(
    (server) => [`swift-${server}`, labSwiftPorts(settings.swiftPort)[server], `swift: its ${server} server`] as const,
  );
  for (const [name, port, what] of [
    ['source', settings.sourcePort, 'source'],
    ...s3Ports,
    ...swiftPorts,
    ['keystone', settings.keystonePort, 'keystone'],
    ['glance', settings.glancePort, 'glance'],
    ['region-two', settings.regionTwoPort, "region-two: RegionTwo's glance-api"],
  ] as const) {
    if (runningPid(paths, name) === undefined) await assertPortFree(name, port, what);
  }
  const weed = await locateTool('weed');
  if (!weed.ok) throw new LabError(`s3: SeaweedFS (weed ${weed.version}) is not built: run npm run toolchain -- weed`);
  const secrets = loadSecrets(paths);

  const ksConf = join(paths.keystone, 'keystone.conf');
  writePrivate(ksConf, keystoneConf(settings, paths));
  if (!existsSync(join(paths.keystone, 'bootstrapped'))) {
    say('keystone: creating the database, fernet keys and the admin (first run only) ...');
    manage('keystone-manage', ['--config-file', ksConf, 'db_sync']);
    // sqlite under concurrent workers: WAL keeps readers from blocking on the writer ("database is locked").
    manage('/usr/bin/python3', [
      '-c',
      `import sqlite3; sqlite3.connect(${JSON.stringify(join(paths.keystone, 'keystone.db'))}).execute('PRAGMA journal_mode=WAL')`,
    ]);
    manage('keystone-manage', ['--config-file', ksConf, 'fernet_setup', '--keystone-user', 'root', '--keystone-group', 'root']);
    manage('keystone-manage', ['--config-file', ksConf, 'credential_setup', '--keystone-user', 'root', '--keystone-group', 'root']);
    const url = `http://127.0.0.1:${settings.keystonePort}/v3`;
    manage('keystone-manage', [
      '--config-file',
      ksConf,
      'bootstrap',
      '--bootstrap-password',
      secrets.admin,
      '--bootstrap-username',
      'admin',
      '--bootstrap-project-name',
      'admin',
      '--bootstrap-role-name',
      'admin',
      '--bootstrap-service-name',
      'keystone',
      '--bootstrap-region-id',
      region,
      '--bootstrap-admin-url',
      url,
      '--bootstrap-internal-url',
      url,
      '--bootstrap-public-url',
      url,
    ]);
    writeFileSync(join(paths.keystone, 'bootstrapped'), new Date().toISOString());
  }
  const glanceMain = join(paths.glance, 'glance-api.conf');
  const glanceImport = join(paths.glance, 'glance-image-import.conf');
  const glanceTwo = join(paths.regionTwo, 'glance-api.conf');
  writePrivate(glanceMain, glanceConf(settings, secrets, settings.glancePort, paths.glance));
  writePrivate(glanceTwo, glanceConf(settings, secrets, settings.regionTwoPort, paths.regionTwo));
  writePrivate(glanceImport, glanceImportConf(settings));
  for (const [dir, conf, what] of [
    [paths.glance, glanceMain, 'glance'],
    [paths.regionTwo, glanceTwo, `${regionTwo}'s glance`],
  ] as const) {
    if (existsSync(join(dir, 'db-synced'))) continue;
    say(`${what}: creating the database (first run only) ...`);
    manage('glance-manage', ['--config-file', conf, 'db_sync']);
    writeFileSync(join(dir, 'db-synced'), new Date().toISOString());
  }

  const cleanEnv = { ...process.env, PATH: `/usr/sbin:/usr/bin:/sbin:/bin` };
  await startService(paths, {
    name: 'source',
    port: settings.sourcePort,
    ready: `http://127.0.0.1:${settings.sourcePort}/`,
    command: '/usr/bin/python3',
    args: ['-m', 'http.server', String(settings.sourcePort), '--bind', '127.0.0.1', '--directory', paths.source],
    env: cleanEnv,
    configHash: hashOf(paths.source, String(settings.sourcePort)),
  });
  writePrivate(join(paths.s3, 's3.json'), s3Identities(secrets));
  const s3Args = s3ServerArgs(settings, paths);
  await startService(paths, {
    name: 's3',
    port: settings.s3Port,
    ready: `http://127.0.0.1:${String(settings.s3Port)}/`,
    command: weed.path,
    args: s3Args,
    env: cleanEnv,
    configHash: hashOf(weed.path, s3Args.join(' '), s3Identities(secrets)),
  });
  await ensureBuckets(settings, weed.path);
  await startService(paths, {
    name: 'keystone',
    port: settings.keystonePort,
    ready: `http://127.0.0.1:${settings.keystonePort}/v3`,
    command: '/usr/bin/uwsgi',
    args: [
      '--plugin',
      'python3',
      '--http-socket',
      `127.0.0.1:${settings.keystonePort}`,
      '--wsgi-file',
      '/usr/bin/keystone-wsgi-public',
      '--master',
      '--die-on-term',
      // sqlite shares connections badly across threads: 2 processes of 1 thread each.
      '--processes',
      '2',
      '--threads',
      '1',
      // uwsgi's http-socket closes every connection without saying so; say it, so keep-alive clients cope.
      '--add-header',
      'Connection: close',
      '--worker-reload-mercy',
      '2',
      '--reload-mercy',
      '2',
      '--skip-atexit',
      '--skip-atexit-teardown',
      '--env',
      `OS_KEYSTONE_CONFIG_FILES=${ksConf}`,
    ],
    env: cleanEnv,
    configHash: hashOf(readFileSync(ksConf, 'utf8'), String(settings.keystonePort)),
  });
  const projects = await seed(settings, secrets);
  swiftRings(settings, paths);
  // The storage servers first: the proxy's first request would find them down.
  for (const server of [...swiftServers.slice(1), swiftServers[0]]) {
    const conf = join(swiftPaths(paths).etc, `${server}-server.conf`);
    writePrivate(conf, server === 'proxy' ? swiftProxyConf(settings, paths, secrets) : swiftStorageConf(settings, paths, server));
    const port = labSwiftPorts(settings.swiftPort)[server];
    await startService(paths, {
      name: `swift-${server}`,
      port,
      // A storage server answers any path (400 for one it does not serve); the proxy's /info needs no token.
      ready: `http://127.0.0.1:${String(port)}/${server === 'proxy' ? 'info' : ''}`,
      command: `/usr/bin/swift-${server}-server`,
      args: [conf, '-v'],
      env: cleanEnv,
      configHash: hashOf(readFileSync(conf, 'utf8'), readFileSync(swiftPaths(paths).ringPorts, 'utf8')),
    });
  }
  await startService(paths, {
    name: 'glance',
    port: settings.glancePort,
    ready: `http://127.0.0.1:${settings.glancePort}/versions`,
    command: '/usr/bin/glance-api',
    args: ['--config-file', glanceMain, '--config-file', glanceImport, '--config-dir', paths.glanceConfigDir],
    env: cleanEnv,
    configHash: hashOf(readFileSync(glanceMain, 'utf8'), readFileSync(glanceImport, 'utf8'), configDirContent(paths.glanceConfigDir)),
  });
  await startService(paths, {
    name: 'region-two',
    port: settings.regionTwoPort,
    ready: `http://127.0.0.1:${String(settings.regionTwoPort)}/versions`,
    command: '/usr/bin/glance-api',
    args: ['--config-file', glanceTwo, '--config-file', glanceImport, '--config-dir', paths.regionTwoConfigDir],
    env: cleanEnv,
    configHash: hashOf(readFileSync(glanceTwo, 'utf8'), readFileSync(glanceImport, 'utf8'), configDirContent(paths.regionTwoConfigDir)),
  });
  writePrivate(paths.clouds, cloudsYaml(settings, secrets));
  const record: LabRecord = {
    keystoneUrl: `http://127.0.0.1:${settings.keystonePort}/v3`,
    glanceUrl: `http://127.0.0.1:${settings.glancePort}`,
    sourceUrl: `http://127.0.0.1:${settings.sourcePort}`,
    clouds: paths.clouds,
    glanceConfigDir: paths.glanceConfigDir,
    sourceDir: paths.source,
    s3: {
      endpoint: `http://127.0.0.1:${String(settings.s3Port)}`,
      bucket: labStateBucket,
      region: labS3Region,
      imageBucket: labImageBucket,
    },
    swift: { proxy: `http://127.0.0.1:${String(settings.swiftPort)}`, user: 'service:swift' },
    regionTwo: {
      name: regionTwo,
      glanceUrl: `http://127.0.0.1:${String(settings.regionTwoPort)}`,
      glanceConfigDir: paths.regionTwoConfigDir,
    },
    region,
    projects,
  };
  writePrivate(paths.lab, JSON.stringify(record, null, 2) + '\n');
  say(`up in ${((Date.now() - t0) / 1000).toFixed(1)}s; clouds: ${paths.clouds} (${personas.join(', ')})`);
}

async function down(settings: LabSettings): Promise<void> {
  const paths = labPaths(settings.stateDir);
  for (const name of ['glance', 'region-two', ...swiftServers.map((server) => `swift-${server}`), 'keystone', 's3', 'source']) {
    say(`${name} ${(await stopService(paths, name)) ? 'stopped' : 'was not running'}`);
  }
}

async function status(settings: LabSettings): Promise<boolean> {
  const paths = labPaths(settings.stateDir);
  let allUp = true;
  for (const [name, url] of labServiceUrls(settings)) {
    const pid = runningPid(paths, name);
    const ok = pid !== undefined && (await answers(url));
    allUp &&= ok;
    process.stdout.write(`${name.padEnd(15)} ${ok ? 'up  ' : 'down'} ${url}${pid === undefined ? '' : ` (pid ${pid})`}\n`);
  }
  process.stdout.write(
    `state           ${settings.stateDir}\nclouds          ${existsSync(paths.clouds) ? paths.clouds : '(not written yet: npm run lab -- up)'}\n`,
  );
  return allUp;
}

function env(settings: LabSettings, what: string | undefined): void {
  const paths = labPaths(settings.stateDir);
  if (readLabRecord(settings) === undefined) throw new LabError('the lab has not been brought up here: run npm run lab -- up');
  if (what === 'clouds') {
    process.stdout.write(`${paths.clouds}\n`);
    return;
  }
  const quote = (v: string): string => `'${v.replaceAll("'", "'\\''")}'`;
  if (what === 's3') {
    const record = readLabRecord(settings) as LabRecord;
    for (const [k, v] of Object.entries(labS3Env(record, settings))) process.stdout.write(`export ${k}=${quote(v)}\n`);
    process.stdout.write(`# the state bucket as a Pulumi backend: pulumi login ${quote(labS3BackendUrl(record))}\n`);
    return;
  }
  const secrets = loadSecrets(paths);
  // A persona, or the swift service user (project service), as a cloud's OS_* variables.
  const account: readonly [string, string, string] | undefined =
    what === 'swift'
      ? ['swift', secrets.swift, 'service']
      : personas.includes(what as Persona)
        ? [what as Persona, secrets[what as Persona], personaSpec[what as Persona].project]
        : undefined;
  if (account === undefined) throw new LabError(`env takes clouds, s3, swift or a persona (${personas.join(', ')}), not "${what ?? ''}"`);
  const [user, password, project] = account;
  const vars: Record<string, string> = {
    OS_AUTH_URL: `http://127.0.0.1:${settings.keystonePort}/v3`,
    OS_AUTH_TYPE: 'password',
    OS_IDENTITY_API_VERSION: '3',
    OS_USERNAME: user,
    OS_PASSWORD: password,
    OS_PROJECT_NAME: project,
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
    OS_REGION_NAME: region,
    OS_INTERFACE: 'public',
  };
  for (const [k, v] of Object.entries(vars)) process.stdout.write(`export ${k}=${quote(v)}\n`);
}

const help = `usage: npm run lab -- <command>

The local Image Service: Debian's keystone and glance-api on 127.0.0.1 (installed with apt-get when missing),
and an S3 server (SeaweedFS, built by npm run toolchain) with the bucket ${labStateBucket} for stacks' state and
${labImageBucket} for Glance's s3 store, and Swift (Debian's swift servers, Keystone auth) for Glance's swift store.

commands:
  up          install what is missing, start or restart what changed, seed the personas (idempotent)
  down        stop every lab service
  status      show each service and where the state lives (exit 1 when one is down)
  env clouds  print the path of the generated clouds.yaml (clouds: ${personas.join(', ')})
  env NAME    print OS_* exports for one persona: eval "$(npm run -s lab -- env platform)"
  env s3      print AWS_* exports for the lab's S3 (its endpoint and keys) and its state bucket's Pulumi backend URL
  env swift   print OS_* exports for the swift service user (what a Glance swift store authenticates as)
  reset       stop, delete the state directory, and bring a fresh lab up

settings (environment):
  IMAGE_CATALOG_LAB_DIR               state directory (now: ${labSettings().stateDir})
  IMAGE_CATALOG_LAB_KEYSTONE_PORT     default 5000
  IMAGE_CATALOG_LAB_GLANCE_PORT       default 9292
  IMAGE_CATALOG_LAB_REGION_TWO_PORT   RegionTwo's glance-api, default 9293
  IMAGE_CATALOG_LAB_SOURCE_PORT       web-download source, default 8000
  IMAGE_CATALOG_LAB_S3_PORT           S3 endpoint, default 8333 (SeaweedFS takes the 7 ports after it too)
  IMAGE_CATALOG_LAB_SWIFT_PORT        Swift's proxy, default 8080 (its object, container and account servers the 3 after it)
  IMAGE_CATALOG_LAB_TOKEN_EXPIRATION  token lifetime in seconds (10 to 86400), default 3600
`;

/**
 * Runs `work` holding the lab's lock: two `up` at once (two stores' reload commands, two test runs) would each
 * restart glance-api, and glance binds its port with SO_REUSEPORT, so the loser's process kept serving beside the
 * recorded one, unrecorded, with the old configuration. The lock sits beside the state directory (proper-lockfile).
 */
async function locked<T>(settings: LabSettings, work: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(settings.stateDir), { recursive: true });
  const release = await lockfile.lock(settings.stateDir, {
    realpath: false,
    stale: 60_000,
    update: 10_000,
    retries: { retries: 1200, factor: 1, minTimeout: 250, maxTimeout: 250 },
  });
  try {
    return await work();
  } finally {
    await release();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, arg] = argv;
  const settings = labSettings();
  switch (command) {
    case 'up':
      await locked(settings, () => up(settings));
      return 0;
    case 'down':
      await locked(settings, () => down(settings));
      return 0;
    case 'status':
      return (await status(settings)) ? 0 : 1;
    case 'env':
      env(settings, arg);
      return 0;
    case 'reset':
      await locked(settings, async () => {
        await down(settings);
        rmSync(settings.stateDir, { recursive: true, force: true });
        say(`deleted ${settings.stateDir}`);
        await up(settings);
      });
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(help);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`lab: unknown command "${command}"\n\n${help}`);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof LabError)) throw err;
  process.stderr.write(`lab: ${err.message}\n`);
  process.exitCode = 1;
}
