// Installs the npm packages when node_modules is missing or older than package-lock.json, so `npm test` and
// `npm run ...` work in a fresh clone. Plain JavaScript on purpose: it runs before tsx is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');

if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  process.stdout.write('bootstrap: installing npm packages (npm ci) ...\n');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`bootstrap: npm ci failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
}
