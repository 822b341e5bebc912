/**
 * The version line's lifecycle, decided from the declaration and the day (provider/resources/versionLine.ts):
 * latest, channels, deprecation and hiding, revocation, end of life, shares and retention, and each bad input
 * refused naming the line, the version and the field.
 */
import t from 'tap';
import { scsMetadata } from '../../provider/resources/scs.js';
import {
  channelTag,
  checkLineConsumers,
  lineImages,
  parseLineRef,
  type LineFamily,
  type LineImage,
} from '../../provider/resources/versionLine.js';

const today = '2026-12-07';
const family = { os: 'ubuntu', osVersion: '24.04', profile: 'base' };
const v = (version: string, more: Partial<LineFamily<string>['versions'][number]> = {}) => ({
  version,
  source: `${version}.qcow2`,
  ...more,
});

function byVersion(images: readonly LineImage<string>[]): Record<string, LineImage<string>> {
  return Object.fromEntries(images.map((image) => [image.version, image]));
}

t.test('the newest version is latest and current; older ones are deprecated and hidden', (t) => {
  const line = lineImages('ubuntu', { ...family, versions: [v('1.1'), v('1.0')] }, today);
  t.equal(line.latest, '1.1');
  t.equal(line.current, 'ubuntu-24.04-base-v1.1');
  t.same(line.channels, { latest: '1.1' });
  const images = byVersion(line.images);
  t.same(images['1.1']?.fields.tags, ['ubuntu-24.04-base', 'ubuntu-24.04-base@latest']);
  t.equal(images['1.1']?.fields.isHidden, false);
  t.notOk('deprecated' in (images['1.1']?.fields.properties ?? {}));
  t.same(images['1.0']?.fields.tags, ['ubuntu-24.04-base']);
  t.equal(images['1.0']?.fields.isHidden, true);
  t.equal(images['1.0']?.fields.properties?.['superseded_by'], 'ubuntu-24.04-base-v1.1');
  t.ok(
    line.images.every((image) => image.state.shared),
    'every version is shared while it is provided',
  );
  t.end();
});

t.test('a named channel keeps its version visible and undeprecated; excludeFromLatest keeps a candidate out of latest', (t) => {
  const line = lineImages(
    'ubuntu',
    { ...family, channels: { stable: '1.1', candidate: '1.2' }, versions: [v('1.0'), v('1.1'), v('1.2', { excludeFromLatest: true })] },
    today,
  );
  t.same(line.channels, { stable: '1.1', candidate: '1.2', latest: '1.1' });
  const images = byVersion(line.images);
  t.same(images['1.1']?.fields.tags, [
    'ubuntu-24.04-base',
    channelTag('ubuntu-24.04-base', 'latest'),
    channelTag('ubuntu-24.04-base', 'stable'),
  ]);
  t.same(images['1.2']?.fields.tags, ['ubuntu-24.04-base', 'ubuntu-24.04-base@candidate']);
  t.equal(images['1.2']?.fields.isHidden, false, 'a channel target is found by a default list');
  t.notOk('deprecated' in (images['1.2']?.fields.properties ?? {}), 'a newer candidate is not deprecated');
  t.equal(images['1.0']?.state.deprecated, true);
  t.end();
});

t.test('a revoked version is deactivated, hidden, deprecated and never latest; revokeAt takes effect on its day', (t) => {
  const line = lineImages(
    'ubuntu',
    { ...family, versions: [v('1.0'), v('1.1', { revokeAt: '2026-12-07' }), v('1.2', { revoked: true })] },
    today,
  );
  t.equal(line.latest, '1.0');
  t.equal(line.current, 'ubuntu-24.04-base-v1.0');
  const images = byVersion(line.images);
  for (const version of ['1.1', '1.2']) {
    t.equal(images[version]?.fields.isDeactivated, true, `${version} deactivated`);
    t.equal(images[version]?.fields.isHidden, true);
    t.equal(images[version]?.fields.properties?.['deprecated'], 'true');
    t.same(images[version]?.fields.tags, ['ubuntu-24.04-base']);
  }
  t.equal(images['1.0']?.fields.isHidden, false);
  t.match(line.notices, [/version 1\.1 is revoked since 2026-12-07 \(revokeAt\): deactivated/]);
  const ahead = lineImages('ubuntu', { ...family, versions: [v('1.0'), v('1.1', { revokeAt: '2026-12-08' })] }, today);
  t.equal(ahead.latest, '1.1', 'a revocation scheduled ahead leaves the version valid until its day');
  t.end();
});

t.test('end of life: provided_until, hidden and unshared after it; retention deletes beyond keep', (t) => {
  const versions = [
    v('1.0', { endOfLife: '2026-12-01' }),
    v('1.1', { endOfLife: '2026-12-06' }),
    v('1.2', { endOfLife: '2027-06-30' }),
    v('1.3', { endOfLife: '2027-12-31' }),
  ];
  const kept = lineImages('ubuntu', { ...family, isProtected: true, versions }, today);
  const images = byVersion(kept.images);
  t.equal(images['1.2']?.fields.properties?.['provided_until'], '2027-06-30');
  t.equal(images['1.0']?.state.shared, false, 'a version past its end of life is no longer shared');
  t.equal(images['1.0']?.fields.isProtected, false, 'nor protected');
  t.equal(images['1.2']?.fields.isProtected, true);
  t.same(kept.retired, [], 'without keep, nothing is deleted');
  const line = lineImages('ubuntu', { ...family, keep: 2, versions }, today);
  t.same(line.retired, ['1.0', '1.1']);
  t.same(
    line.images.map((image) => image.version),
    ['1.2', '1.3'],
  );
  t.match(line.notices, [/1\.0 is past its end of life and beyond keep 2/, /1\.1/]);
  const young = lineImages('ubuntu', { ...family, keep: 1, versions: [v('1.0', { endOfLife: '2027-01-01' }), v('1.1')] }, today);
  t.same(young.retired, [], 'a version before its end of life stays, whatever keep says');
  t.end();
});

t.test('bad input names the line, the version and the field, before any API call', (t) => {
  const bad = (line: Partial<LineFamily<string>>, message: RegExp): void => {
    t.throws(() => lineImages('ubuntu', { ...family, versions: [v('1.0'), v('1.1')], ...line }, today), message);
  };
  bad(
    { channels: { stable: '1.3' } },
    /VersionLine "ubuntu": channels\.stable: version 1\.3 is not a version of this line \(declared: 1\.0, 1\.1\) \(rule: enum\)/,
  );
  bad(
    { channels: { stable: 'ubuntu-22.04-base-v1.0' } },
    /channels\.stable "ubuntu-22\.04-base-v1\.0" must be <major>\.<minor> \(rule: pattern\)/,
  );
  bad(
    { channels: { stable: '1.1' }, versions: [v('1.0'), v('1.1', { revoked: true })] },
    /channels\.stable: version 1\.1 is revoked; move the channel to another version \(rule: channels\)/,
  );
  bad(
    { channels: { stable: '1.0' }, versions: [v('1.0', { endOfLife: '2026-01-01' }), v('1.1')] },
    /channels\.stable: version 1\.0 is past its end of life \(2026-01-01\); move the channel to another version \(rule: channels\)/,
  );
  bad({ channels: { latest: '1.0' } }, /channels\.latest: "latest" is the line's own channel/);
  bad(
    { properties: { os_distro: 'debian' } },
    /properties\.os_distro: "debian" differs from os "ubuntu", which sets it and names the versions \(rule: const\)/,
  );
  bad(
    { versions: [v('1.0', { properties: { os_version: '24.10' } })] },
    /version 1\.0: properties\.os_version: "24\.10" differs from osVersion "24\.04"/,
  );
  bad({ channels: { Stable: '1.0' } }, /channels\.Stable: a channel name is lower case/);
  bad(
    { versions: [v('1.0', { endOfLife: '2026-02-30' })] },
    /version 1\.0: endOfLife "2026-02-30" is no day of the calendar \(rule: format\)/,
  );
  bad({ versions: [v('1.0'), v('1.0')] }, /^VersionLine "ubuntu": versions: 1\.0 is declared twice/);
  bad(
    { versions: [v('1.0', { endOfLife: '2026-01-01', buildDate: '2026-02-01' })] },
    /version 1\.0: endOfLife 2026-01-01 is before its buildDate 2026-02-01/,
  );
  bad({ versions: [v('1.0', { revokeAt: 'soon' })] }, /revokeAt "soon" is not a date/);
  bad({ keep: 0 }, /keep 0 must be a whole number of at least 1 \(rule: minimum\)/);
  bad({ keep: -1 }, /keep -1/);
  bad({ keep: 1.5 }, /keep 1\.5/);
  t.end();
});

t.test('a consumer names a line and a channel as <family>@<channel>, latest by default', (t) => {
  t.same(parseLineRef('ubuntu-24.04-base@stable'), { family: 'ubuntu-24.04-base', channel: 'stable' });
  t.same(parseLineRef('ubuntu-24.04-base'), { family: 'ubuntu-24.04-base', channel: 'latest' });
  t.end();
});

t.test('scs: the SCS-0102 values filled on every version; those the lifecycle moves apart from those fixed at publication', (t) => {
  const scsLine = {
    ...family,
    properties: { description: 'Ubuntu 24.04 base' },
    keep: 3,
    scs: { replaceFrequency: 'quarterly' as const, originalUser: 'ubuntu' },
    versions: [
      v('1.0', { buildDate: '2026-06-01', endOfLife: '2027-01-31' }),
      { ...v('1.1', { buildDate: '2026-11-30' }), source: { url: 'https://images.example.org/ubuntu-1.1.qcow2' } },
    ],
  };
  const line = lineImages('ubuntu', scsLine as never, today);
  const [old, current] = line.images;
  t.match(current?.fields.properties, {
    architecture: 'x86_64',
    os_purpose: 'generic',
    image_build_date: '2026-11-30',
    image_source: 'https://images.example.org/ubuntu-1.1.qcow2',
    image_description: 'Ubuntu 24.04 base',
    image_original_user: 'ubuntu',
    replace_frequency: 'quarterly',
    provided_until: 'none',
    uuid_validity: 'last-3',
  });
  t.match(old?.fields.properties, { os_purpose: 'oldgeneric', image_source: 'private', provided_until: '2027-01-31' });
  t.ok(
    ['architecture', 'image_source', 'image_description', 'image_original_user', 'replace_frequency', 'image_build_date'].every((k) =>
      old?.lineKeys.includes(k),
    ),
    'the values fixed at publication are kept by a published version, like the line’s shared properties',
  );
  t.notOk(old?.lineKeys.includes('os_purpose'), 'os_purpose follows the lifecycle (generic -> oldgeneric)');
  t.throws(
    () => lineImages('ubuntu', { ...scsLine, versions: [v('1.0')] }, today),
    /^VersionLine "ubuntu": version 1\.0: buildDate: SCS-0102 needs the day the image was built/,
  );
  t.throws(
    () =>
      lineImages('ubuntu', { ...(scsLine as LineFamily<unknown>), scs: { replaceFrequency: 'sometimes', originalUser: 'ubuntu' } }, today),
    /scs\.replaceFrequency: "sometimes" is not one of yearly, quarterly/,
  );
  t.equal(
    lineImages('ubuntu', { ...family, versions: [v('1.0')] }, today).images[0]?.fields.properties?.['os_purpose'],
    undefined,
    'nothing without scs',
  );
  t.end();
});

t.test("scsMetadata: the SCS-0102 properties of a plain image, each value checked as the standard's checker does", (t) => {
  const cirros = {
    description: 'https://github.com/cirros-dev/cirros',
    originalUser: 'cirros',
    replaceFrequency: 'never',
    buildDate: '2026-12-01',
  } as const;
  t.same(scsMetadata({ ...cirros, purpose: 'minimal' }), {
    architecture: 'x86_64',
    image_source: 'private',
    image_description: 'https://github.com/cirros-dev/cirros',
    image_original_user: 'cirros',
    replace_frequency: 'never',
    os_purpose: 'minimal',
    image_build_date: '2026-12-01',
    provided_until: 'none',
    uuid_validity: 'none',
  });
  t.match(
    scsMetadata({
      ...cirros,
      source: 'https://download.cirros-cloud.net/0.6.3/cirros-0.6.3-x86_64-disk.img',
      providedUntil: '2027-12-31',
      uuidValidity: 'last-3',
    }),
    {
      image_source: 'https://download.cirros-cloud.net/0.6.3/cirros-0.6.3-x86_64-disk.img',
      provided_until: '2027-12-31',
      uuid_validity: 'last-3',
    },
  );
  const bad: [Partial<Record<string, string>>, RegExp][] = [
    [
      { buildDate: '2026-02-30' },
      /buildDate: "2026-02-30" is not a day of the calendar, YYYY-MM-DD \(rule: format; scs-0102-prop-image_build_date\)/,
    ],
    [{ buildDate: '2099-01-01' }, /buildDate: 2099-01-01 is in the future \(today is \d{4}-\d{2}-\d{2}, UTC\)/],
    [
      { replaceFrequency: 'sometimes' },
      /replaceFrequency: "sometimes" is not one of yearly, quarterly, monthly, weekly, daily, critical_bug, never \(rule: enum; scs-0102-prop-replace_frequency\)/,
    ],
    [{ purpose: 'oldgeneric' }, /purpose: "oldgeneric" is not one of generic, minimal/],
    [{ architecture: 'i386' }, /architecture: "i386" is not one of x86_64, aarch64, risc-v/],
    [{ originalUser: ' ' }, /originalUser: empty/],
    [{ description: '' }, /description: empty/],
    [{ providedUntil: 'soon' }, /providedUntil: "soon" is not YYYY-MM-DD, none or notice/],
    [
      { providedUntil: '2026-01-01' },
      /providedUntil: 2026-01-01 is before its buildDate 2026-12-01 \(rule: lifecycle; scs-0102-prop-provided_until\)/,
    ],
    [{ uuidValidity: 'last-x' }, /uuidValidity: "last-x" is not none, notice, forever, last-N or YYYY-MM-DD/],
    [{ source: 'file:///tmp/x.qcow2' }, /source: "file:\/\/\/tmp\/x\.qcow2" is not an http\(s\) or ftp\(s\) url, or private/],
  ];
  for (const [change, message] of bad) t.throws(() => scsMetadata({ ...cirros, ...change }), message, JSON.stringify(change));
  t.end();
});

t.test('a community or public line: every version published so, and no consumers', (t) => {
  const line: LineFamily<string> = {
    os: 'alpine',
    osVersion: '3.20',
    profile: 'tools',
    visibility: 'community',
    versions: [
      { version: '1.0', source: 'a' },
      { version: '1.1', source: 'b' },
    ],
  };
  const plan = lineImages('alpine', line, '2026-12-07');
  t.same(
    plan.images.map((i) => [i.version, i.fields.visibility, i.fields.isHidden]),
    [
      ['1.0', 'community', true],
      ['1.1', 'community', false],
    ],
    'each version community, the older hidden',
  );
  const shared: LineFamily<string> = { os: line.os, osVersion: line.osVersion, profile: line.profile, versions: line.versions };
  t.same(lineImages('x', shared, '2026-12-07').images[0]?.fields.visibility, 'shared', 'shared by default');
  t.throws(
    () => checkLineConsumers('alpine', 'community', 1),
    /VersionLine "alpine": consumers: a community line is seen by every project; consumers are for a shared line \(rule: visibility\)/,
  );
  t.doesNotThrow(() => checkLineConsumers('alpine', 'shared', 1));
  t.doesNotThrow(() => checkLineConsumers('alpine', 'public', 0));
  t.end();
});
