/**
 * Migration from release 0.1: a stack created by 0.1's code (its dynamic providers, taken from this repository's
 * history) is moved to the provider plugin with `image-catalog migrate`, then previews with no change and
 * updates in place; no image is re-created.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { Image, ImageMember } from '../../provider/pulumi/index.js';
import type { Program } from '../../provider/pulumi/automation.js';
import { repoRoot } from '../../scripts/tools.js';
import { lab, scratchDir, suffix } from '../helpers/lab.js';
import { e2eStack, imagesNamed, pulumi } from '../helpers/pulumi.js';
import { runCommand } from '../helpers/run.js';

/** The last commit of release 0.1 (dynamic providers), before the provider plugin. */
const release01 = '5c85a11';

const hasRelease = (() => {
  try {
    execFileSync('git', ['cat-file', '-e', `${release01}^{commit}`], { cwd: repoRoot, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const profile = `m${suffix().slice(0, 6)}`;
const family = `ubuntu-24.04-${profile}`;
const metadata = { os_distro: 'ubuntu', os_version: '24.04', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: 'migration test' };

function data(): string {
  const dir = join(repoRoot, 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${family}.raw`);
  writeFileSync(file, Buffer.alloc(65536, 5));
  return file;
}

type Classes = { Image: typeof Image; ImageMember: typeof ImageMember };

/** v1.0, shared with appteam, with the classes of one release. */
function program(classes: Classes, deprecated = false): Program {
  return () => {
    const image = new classes.Image('v1.0', {
      name: `${family}-v1.0`,
      diskFormat: 'raw',
      visibility: 'shared',
      source: { file: data() },
      properties: deprecated ? { ...metadata, deprecated: 'true', superseded_by: `${family}-v1.1` } : metadata,
      ...(deprecated ? { isHidden: true } : {}),
    });
    new classes.ImageMember('share', { imageId: image.imageId, memberProjectId: lab().projects['appteam'] ?? '' });
    return Promise.resolve({});
  };
}

/** Release 0.1's provider/ and what it reads, from git, with this checkout's node_modules. */
function release(): string {
  const dir = scratchDir();
  const archive = execFileSync('git', ['archive', release01, 'provider', 'schemas', 'policies', 'package.json'], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

t.test(
  hasRelease
    ? 'a stack made by 0.1 moves to the plugin: no re-create, then no change'
    : `skipped: commit ${release01} (release 0.1) is not in this clone`,
  { skip: !hasRelease },
  async (t) => {
    const old = release();
    const target = await e2eStack(family);
    // 0.1's dynamic providers run in pulumi-resource-pulumi-nodejs, which ships in the @pulumi/pulumi package.
    const host = dirname(createRequire(join(repoRoot, 'package.json')).resolve('@pulumi/pulumi/package.json'));
    const oldTarget = { ...target, env: { ...target.env, PATH: `${host}:${process.env['PATH'] ?? ''}` } };
    const oldPulumi = (await import(pathToFileURL(join(old, 'provider', 'pulumi', 'index.ts')).href)) as Classes & {
      openStack: typeof import('../../provider/pulumi/automation.js').openStack;
      runStack: typeof import('../../provider/pulumi/automation.js').runStack;
    };
    const made = await oldPulumi.runStack(await oldPulumi.openStack(oldTarget, program(oldPulumi)), 'up');
    t.ok(made.ok, 'release 0.1 creates v1.0 and its share', { errors: made.errors, failure: made.failure });
    const [id] = await imagesNamed(`${family}-v1.0`);

    const migrated = await runCommand(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'provider', 'cli', 'main.ts'),
        'migrate',
        '--cwd',
        target.cwd,
        '--stack',
        target.stack,
        '--state-dir',
        target.stateDir ?? '',
      ],
      { ...process.env, ...target.env },
    );
    t.equal(migrated.code, 0, 'image-catalog migrate succeeds', { output: migrated.stdout + migrated.stderr });
    t.match(migrated.stdout, /2 resources moved to the provider plugin/, 'it moved the image and the member');

    const previewed = await pulumi(target, 'preview', program({ Image, ImageMember }));
    t.ok(previewed.ok, 'the plugin previews the migrated stack', { output: previewed.text });
    t.same(
      Object.keys(previewed.changes).filter((op) => op !== 'same'),
      [],
      'with no change',
    );

    const updated = await pulumi(target, 'up', program({ Image, ImageMember }, true));
    t.ok(updated.ok, 'and updates it in place (deprecated and hidden, as the policy allows)', { output: updated.text });
    t.equal(updated.changes['update'], 1, 'one update');
    t.same(await imagesNamed(`${family}-v1.0`), [id], 'the same image all along');

    const files = readdirSync(target.stateDir ?? '', { recursive: true, encoding: 'utf8' })
      .map((f) => join(target.stateDir ?? '', f))
      .filter((f) => statSync(f).isFile() && f.endsWith('e2e.json'));
    const state = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    t.notMatch(state, /__provider|pulumi-nodejs:dynamic/, 'the current state holds no dynamic provider');
  },
);
