/** A program's exception and a failed function call as a user reads them (provider/pulumi/cli-failure.ts). */
import t from 'tap';
import { progressPrinter } from '../../provider/pulumi/automation.js';
import { programError } from '../../provider/pulumi/cli-failure.js';

const stacked = [
  'Unhandled exception: Error: invocation of image-catalog:index:getImage returned an error: no line x-1-y: no image you can see carries the tag x-1-y',
  '    at Object.callback (/app/node_modules/@pulumi/runtime/invoke.ts:301:37)',
  '    at Object.onReceiveStatus (/app/node_modules/@grpc/grpc-js/src/client.ts:360:26)',
].join('\n');

t.test('the message alone: no stack frame, no relay prefix, the function named', (t) => {
  t.equal(programError(stacked), 'getImage: no line x-1-y: no image you can see carries the tag x-1-y');
  t.equal(programError('VersionLine "l": versions: 1.0 is declared twice'), 'VersionLine "l": versions: 1.0 is declared twice');
  t.end();
});

t.test('the printer says a program error once although the language host reports it twice, and a notice once per run', (t) => {
  const lines: string[] = [];
  const print = progressPrinter((line) => lines.push(line));
  const event = (severity: string, message: string) => ({
    sequence: 0,
    timestamp: 0,
    diagnosticEvent: { severity, message, color: 'never' },
  });
  print(event('error', stacked) as never);
  print(event('error', programError(stacked)) as never);
  print(event('info', 'VersionLine "l": version 1.0 is revoked since 2026-12-01 (revokeAt): deactivated') as never);
  print(event('info', 'VersionLine "l": version 1.0 is revoked since 2026-12-01 (revokeAt): deactivated') as never);
  t.same(lines, [
    '  error: getImage: no line x-1-y: no image you can see carries the tag x-1-y',
    '  VersionLine "l": version 1.0 is revoked since 2026-12-01 (revokeAt): deactivated',
  ]);
  t.end();
});
