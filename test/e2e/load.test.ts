/**
 * Load: 100 images created in one `pulumi up --parallel 50`, then destroyed, against the real lab. Every image is
 * active, no name is held twice, and the stack's state equals what the reference client (python-openstackclient)
 * lists; the destroy leaves none. The provider's peak memory (VmHWM) is reported, not asserted (bench/ measures).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { openStack } from '../../provider/pulumi/automation.js';
import { Image } from '../../provider/pulumi/resources.js';
import { peakSampler } from '../../scripts/processes.js';
import { repoRoot } from '../../scripts/tools.js';
import { suffix } from '../helpers/lab.js';
import { e2eStack, openstack, pulumi } from '../helpers/pulumi.js';

const count = 100;
const prefix = `debian-12-l${suffix().slice(0, 6)}`;
/** The description marks this run's images: the reference client lists them by it (a Glance property filter). */
const metadata = { os_distro: 'debian', os_version: '12', hw_disk_bus: 'virtio', hw_vif_model: 'virtio', description: prefix };

/** Image i: a family of its own (`debian-12-l<run>n<i>`), v1.0, private, from one small file. */
function program(file: string) {
  return () => {
    for (let i = 0; i < count; i += 1)
      new Image(`n${i}`, { name: `${prefix}n${i}-v1.0`, diskFormat: 'raw', visibility: 'private', source: { file }, properties: metadata });
    return Promise.resolve({});
  };
}

/** The images of this run's prefix as python-openstackclient lists them (admin, every project). */
async function listed(): Promise<{ ID: string; Name: string; Status: string }[]> {
  return (await openstack('admin', ['image', 'list', '--property', `description=${prefix}`])) as {
    ID: string;
    Name: string;
    Status: string;
  }[];
}

t.test(
  `${count} images in one up with --parallel 50: all active, none twice, the state equals the service; destroy leaves none`,
  async (t) => {
    const dir = join(repoRoot, 'test-results', 'e2e');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${prefix}.raw`);
    writeFileSync(file, Buffer.alloc(64 * 1024, 3));
    const target = await e2eStack(prefix);
    const memory = peakSampler('pulumi-resource-image-catalog');
    const timer = setInterval(memory.sample, 250);
    t.teardown(() => clearInterval(timer));
    const onEvent = (): void => memory.sample();

    const up = await pulumi(target, 'up', program(file), { parallel: 50, onEvent });
    t.ok(up.ok, 'the up succeeds', { output: up.text });
    t.equal(up.changes.create, count + 1, `${count} creates (and the stack's own resource)`);
    const images = await listed();
    t.equal(images.length, count, `the reference client lists ${count} images`);
    t.equal(new Set(images.map((i) => i.Name)).size, count, 'no name twice');
    t.same([...new Set(images.map((i) => i.Status))], ['active'], 'all active');

    const state = (await (await openStack(target)).exportStack()).deployment as {
      resources: { type: string; id?: string }[];
      pending_operations?: unknown[];
    };
    const ids = state.resources.filter((r) => r.type === 'image-catalog:index:Image').map((r) => r.id ?? '');
    t.same(ids.sort(), images.map((i) => i.ID).sort(), 'the state holds exactly the images the service has');
    t.same(state.pending_operations ?? [], [], 'nothing pending');
    t.comment(`provider peak RSS (VmHWM): ${Math.round(memory.peak() / 1048576)} MiB for ${count} images at --parallel 50`);

    const down = await pulumi(target, 'destroy', program(file), { parallel: 50, onEvent });
    t.ok(down.ok, 'the destroy succeeds', { output: down.text });
    t.same(await listed(), [], 'no image of the run is left');
  },
);
