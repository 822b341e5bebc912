/**
 * Looking for secrets where they do not belong: every password of the lab (its secrets.json), any Keystone token
 * (Fernet: `gAAAAA...`), and whatever else a test declares secret, in texts a run wrote (logs, errors, state,
 * plan and report files, what a local GitHub received).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { labPaths, labSettings } from '../../scripts/lab-settings.js';
import type { GitHubState } from './github-server.js';

/** A Keystone Fernet token, as Keystone issues them. */
const tokenPattern = /gAAAAA[A-Za-z0-9_-]{40,}/;

/** Every password of the lab (Keystone's personas, services, databases). */
export function labSecrets(): string[] {
  return Object.values(JSON.parse(readFileSync(labPaths(labSettings().stateDir).secrets, 'utf8')) as Record<string, string>);
}

/** Where each secret (and any Keystone token) was found in `text`: its label and what surrounds it, the secret masked. */
export function leaks(label: string, text: string, secrets: readonly string[]): string[] {
  const around = (at: number, length: number): string =>
    `${text.slice(Math.max(0, at - 60), at)}***${text.slice(at + length, at + length + 60)}`.replace(/\s+/g, ' ');
  const found = secrets
    .filter((s) => s.length >= 8 && text.includes(s))
    .map((s) => `${label}: a secret in "${around(text.indexOf(s), s.length)}"`);
  const token = tokenPattern.exec(text);
  if (token !== null) found.push(`${label}: a Keystone token in "${around(token.index, token[0].length)}"`);
  return found;
}

/**
 * The text of every file under `dir`, each headed by its path: what a run wrote there (state, plans, synth output,
 * reports). Not entered: node_modules and provider binaries (`.terraform/providers`); left out: links and files
 * over 16 MiB (image data).
 */
export function filesText(dir: string): string {
  const texts: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !(entry.name === 'providers' && basename(at) === '.terraform')) walk(path);
      } else if (entry.isFile() && statSync(path).size <= 16 << 20) texts.push(`== ${path}\n${readFileSync(path, 'utf8')}`);
    }
  };
  walk(dir);
  return texts.join('\n');
}

/** What a local GitHub received (bodies, SARIF uploads unzipped), the authorization headers left out. */
export function gitHubText(state: GitHubState): string {
  const sarifs = state.sarifs.map((s) => gunzipSync(Buffer.from(String(s['sarif']), 'base64')).toString('utf8'));
  return [JSON.stringify(state.received.map((r) => ({ ...r, authorization: undefined }))), ...sarifs].join('\n');
}
