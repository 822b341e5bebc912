/**
 * Where the local Image Service lab lives and which ports it uses. Read by the lab script, the test harness
 * and `npm run doctor`, so the environment variables below are the one way to move it.
 *
 *   IMAGE_CATALOG_LAB_DIR            state directory (default: <cache>/lab)
 *   IMAGE_CATALOG_LAB_KEYSTONE_PORT  Keystone (default 5000)
 *   IMAGE_CATALOG_LAB_GLANCE_PORT    glance-api (default 9292)
 *   IMAGE_CATALOG_LAB_SOURCE_PORT    the HTTP source that web-download may fetch from (default 8000)
 *   IMAGE_CATALOG_LAB_S3_PORT        SeaweedFS's S3 endpoint (default 8333); its master, volume server and filer take
 *                                    the seven ports after it (labS3Ports)
 *   IMAGE_CATALOG_LAB_REGION_TWO_PORT  the second region's glance-api (RegionTwo; default 9293)
 *   IMAGE_CATALOG_LAB_SWIFT_PORT     Swift's proxy (default 8080); its object, container and account servers take the
 *                                    three ports after it (labSwiftPorts)
 *   IMAGE_CATALOG_LAB_TOKEN_EXPIRATION  Keystone token lifetime in seconds (10 to 86400, default 3600)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cacheRoot } from './tools.js';

/** The personas seeded in the lab, each a cloud in the generated clouds.yaml. */
export const personas = ['admin', 'platform', 'appteam', 'platform-viewer'] as const;
export type Persona = (typeof personas)[number];

/** Resolved lab settings. */
export interface LabSettings {
  readonly stateDir: string;
  readonly keystonePort: number;
  readonly glancePort: number;
  readonly regionTwoPort: number;
  readonly sourcePort: number;
  readonly s3Port: number;
  readonly swiftPort: number;
  readonly tokenExpiration: number;
}

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}=${raw}: must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Reads the settings from the environment (see the module comment). */
export function labSettings(): LabSettings {
  const dir = process.env['IMAGE_CATALOG_LAB_DIR'];
  return {
    stateDir: dir !== undefined && dir !== '' ? dir : join(cacheRoot(), 'lab'),
    keystonePort: intFromEnv('IMAGE_CATALOG_LAB_KEYSTONE_PORT', 5000, 1, 65535),
    glancePort: intFromEnv('IMAGE_CATALOG_LAB_GLANCE_PORT', 9292, 1, 65535),
    regionTwoPort: intFromEnv('IMAGE_CATALOG_LAB_REGION_TWO_PORT', 9293, 1, 65535),
    sourcePort: intFromEnv('IMAGE_CATALOG_LAB_SOURCE_PORT', 8000, 1, 65535),
    s3Port: intFromEnv('IMAGE_CATALOG_LAB_S3_PORT', 8333, 1, 65528),
    swiftPort: intFromEnv('IMAGE_CATALOG_LAB_SWIFT_PORT', 8080, 1, 65532),
    tokenExpiration: intFromEnv('IMAGE_CATALOG_LAB_TOKEN_EXPIRATION', 3600, 10, 86400),
  };
}

/** Paths inside the state directory. */
export function labPaths(stateDir: string) {
  return {
    stateDir,
    clouds: join(stateDir, 'clouds.yaml'),
    secrets: join(stateDir, 'secrets.json'),
    lab: join(stateDir, 'lab.json'),
    logs: join(stateDir, 'logs'),
    run: join(stateDir, 'run'),
    keystone: join(stateDir, 'keystone'),
    glance: join(stateDir, 'glance'),
    /** glance-api reads every *.conf here after its own files (oslo.config --config-dir). */
    glanceConfigDir: join(stateDir, 'glance', 'glance-api.conf.d'),
    /** The second region's glance-api: its database, stores and config directory, apart from the first's. */
    regionTwo: join(stateDir, 'glance-region-two'),
    regionTwoConfigDir: join(stateDir, 'glance-region-two', 'glance-api.conf.d'),
    /** Files put here are served to web-download on the source port. */
    source: join(stateDir, 'source'),
    /** SeaweedFS's data, and its S3 identities (s3.json, 0600). */
    s3: join(stateDir, 's3'),
    /** Swift's rings and server configs (etc), its one device (srv/d1). */
    swift: join(stateDir, 'swift'),
  } as const;
}

/**
 * The ports of the lab's SeaweedFS (`weed server -s3`, one process): the S3 endpoint, then its master, volume
 * server and filer, and the gRPC port of each of the four (SeaweedFS's own default, the HTTP port + 10000, would
 * put two labs' gRPC ports on top of each other).
 */
export function labS3Ports(s3Port: number) {
  return {
    s3: s3Port,
    master: s3Port + 1,
    volume: s3Port + 2,
    filer: s3Port + 3,
    masterGrpc: s3Port + 4,
    volumeGrpc: s3Port + 5,
    filerGrpc: s3Port + 6,
    s3Grpc: s3Port + 7,
  } as const;
}

/** The Swift servers of the lab, each a process of its own (Debian's swift-<server>-server), proxy first. */
export const swiftServers = ['proxy', 'object', 'container', 'account'] as const;
export type SwiftServer = (typeof swiftServers)[number];

/** The ports of the lab's Swift: the proxy (the object-store endpoint), then its object, container and account servers. */
export function labSwiftPorts(swiftPort: number): Readonly<Record<SwiftServer, number>> {
  return { proxy: swiftPort, object: swiftPort + 1, container: swiftPort + 2, account: swiftPort + 3 };
}

/** Whether nothing listens on `port` of 127.0.0.1 (the lab binds there). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The bucket the lab makes for the stacks' state (the Pulumi DIY backend, tofu's s3 backend). */
export const labStateBucket = 'image-catalog-state';

/** Where npm start and npm run start:cdktf keep a stack's state: a local file (folder), or the lab S3's state bucket. */
export const stateBackends = ['file', 's3'] as const;
export type StateBackend = (typeof stateBackends)[number];

/** Whether `value` names one of {@link stateBackends} (the value of `--backend`). */
export function isStateBackend(value: string): value is StateBackend {
  return (stateBackends as readonly string[]).includes(value);
}

/** The lab S3's bucket for Glance's `s3` store (image data), made at `up` as a team's S3 admin would. */
export const labImageBucket = 'image-catalog-images';

/** The region the lab's S3 answers for (SeaweedFS takes any; the AWS SDKs need one). */
export const labS3Region = 'us-east-1';

/** The pid file of a lab service (`keystone`, `glance`, `source`): the leader of the service's process group. */
export function labPidFile(stateDir: string, service: string): string {
  return join(labPaths(stateDir).run, `${service}.pid`);
}

/** The pid of a running lab service, from its pid file (`kill(-pid)` reaches its workers too). */
export function labServicePid(service: string): number {
  return Number(readFileSync(labPidFile(labSettings().stateDir, service), 'utf8').trim());
}

/** The lab's services, each a process group with a pid file (`lab status` lists them). */
export type LabService = 'source' | 's3' | 'keystone' | 'glance' | 'region-two' | `swift-${SwiftServer}`;

/** The lab's regions: RegionOne (the first glance-api, Swift and the clouds' region_name) and RegionTwo (a second glance-api). */
export const labRegions = ['RegionOne', 'RegionTwo'] as const;

/** What `lab up` records for others to read: where each service answers. */
export interface LabRecord {
  readonly keystoneUrl: string;
  readonly glanceUrl: string;
  readonly sourceUrl: string;
  readonly clouds: string;
  readonly glanceConfigDir: string;
  readonly sourceDir: string;
  /** The S3 endpoint (http://127.0.0.1:<s3 port>) and the state bucket; its keys are in `lab env s3`. */
  readonly s3: { readonly endpoint: string; readonly bucket: string; readonly region: string; readonly imageBucket: string };
  /**
   * Swift's proxy (its object-store endpoint is <proxy>/v1/AUTH_<project id>) and the Keystone user a Glance swift
   * store authenticates as (`service:swift`, project:user; its password is in `lab env swift`).
   */
  readonly swift: { readonly proxy: string; readonly user: string };
  /** The second region: its name in Keystone's catalog, its glance-api and that one's config directory (its stores). */
  readonly regionTwo: { readonly name: string; readonly glanceUrl: string; readonly glanceConfigDir: string };
  readonly region: string;
  readonly projects: Readonly<Record<string, string>>;
}

/** The record of a lab that was brought up, or undefined when there is none. */
export function readLabRecord(settings: LabSettings = labSettings()): LabRecord | undefined {
  const file = labPaths(settings.stateDir).lab;
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as LabRecord;
}

/** Where each lab service answers when it is up (`lab status`, and npm start after a failure). */
export function labServiceUrls(settings: LabSettings = labSettings()): readonly (readonly [LabService, string])[] {
  const swift = labSwiftPorts(settings.swiftPort);
  return [
    ['source', `http://127.0.0.1:${settings.sourcePort}/`],
    ['s3', `http://127.0.0.1:${settings.s3Port}/`],
    ...swiftServers.map(
      (server) => [`swift-${server}`, `http://127.0.0.1:${String(swift[server])}/${server === 'proxy' ? 'info' : ''}`] as const,
    ),
    ['keystone', `http://127.0.0.1:${settings.keystonePort}/v3`],
    ['glance', `http://127.0.0.1:${settings.glancePort}/versions`],
    ['region-two', `http://127.0.0.1:${String(settings.regionTwoPort)}/versions`],
  ];
}

/**
 * Whether a lab service answers at `url` (any status below 500) within `timeoutMs`. A port Node's fetch refuses
 * outright (the fetch standard's "bad ports": 5060, 6000, ...) can never answer it, nor the package's own client:
 * that throws, naming the port, instead of waiting for a service that is up.
 */
export async function answers(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { connection: 'close' } });
    await res.arrayBuffer();
    return res.status < 500;
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error && cause.message === 'bad port')
      throw new Error(
        `${url}: Node's fetch refuses this port (one of the fetch standard's bad ports), so nothing here could reach a service on it; choose another IMAGE_CATALOG_LAB_*_PORT`,
        { cause: err },
      );
    return false;
  }
}

/**
 * The Pulumi DIY backend URL of a bucket on the lab's S3 (gocloud's s3blob: path-style addressing, the endpoint as
 * given; the keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).
 */
export function labS3BackendUrl(record: LabRecord, bucket: string = record.s3.bucket): string {
  const query = new URLSearchParams({
    endpoint: record.s3.endpoint,
    use_path_style: 'true',
    region: record.s3.region,
    // SeaweedFS sends no response checksum; the AWS SDK would warn about each response.
    response_checksum_validation: 'when_required',
  });
  return `s3://${bucket}?${query.toString()}`;
}

/** The lab's secrets (secrets.json in its state directory, 0600: written by `lab up`), the ones others read. */
function labSecrets(settings: LabSettings): { readonly s3AccessKey: string; readonly s3SecretKey: string; readonly swift: string } {
  return JSON.parse(readFileSync(labPaths(settings.stateDir).secrets, 'utf8')) as {
    s3AccessKey: string;
    s3SecretKey: string;
    swift: string;
  };
}

/**
 * The environment a client of the lab's S3 takes (the AWS SDKs, Pulumi's and tofu's s3 backends, the aws CLI): its
 * one identity's keys from the lab's secrets, its region and endpoint. `lab env s3` prints it.
 */
export function labS3Env(record: LabRecord, settings: LabSettings = labSettings()): Record<string, string> {
  const secrets = labSecrets(settings);
  return {
    AWS_ACCESS_KEY_ID: secrets.s3AccessKey,
    AWS_SECRET_ACCESS_KEY: secrets.s3SecretKey,
    AWS_REGION: record.s3.region,
    AWS_ENDPOINT_URL_S3: record.s3.endpoint,
  };
}

/**
 * The account a Glance swift store on the lab's Swift authenticates as (the options of a StorageBackend of type
 * swift): Keystone's URL, `service:swift` and its password from the lab's secrets.
 */
export function labSwiftAccount(
  record: LabRecord,
  settings: LabSettings = labSettings(),
): { readonly authAddress: string; readonly user: string; readonly key: string } {
  const secrets = labSecrets(settings);
  return { authAddress: record.keystoneUrl, user: record.swift.user, key: secrets.swift };
}

/** The passphrase of the lab's stacks' secrets when PULUMI_CONFIG_PASSPHRASE is not set (a lab, not a secret). */
export const labPassphrase = 'image-catalog-lab';

/** The environment a Pulumi stack against the lab runs with: its clouds.yaml and a secrets passphrase. */
export function labStackEnv(record: LabRecord): Record<string, string> {
  return {
    OS_CLIENT_CONFIG_FILE: record.clouds,
    PULUMI_CONFIG_PASSPHRASE: process.env['PULUMI_CONFIG_PASSPHRASE'] ?? labPassphrase,
  };
}
