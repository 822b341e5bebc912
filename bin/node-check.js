// Shared by this package's bins: refuses a Node older than package.json's engines.node, saying which Node ran.
import { readFileSync } from 'node:fs';

/** Exits 2 with `hint` when the running Node is older than engines.node. */
export function requireNode(command, hint) {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const [wantMajor, wantMinor] = manifest.engines.node
    .replace(/^>=\s*/, '')
    .split('.')
    .map(Number);
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
    process.stderr.write(`${command}: needs Node ${manifest.engines.node}, and ${process.execPath} is ${process.version}: ${hint}\n`);
    process.exit(2);
  }
}
