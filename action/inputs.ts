/** The action's inputs (action.yml) as `image-catalog pr-check` flags. */

/** The step's inputs as pr-check's flags (an empty input is no flag). */
export function flagsOf(input: (name: string) => string): string[] {
  const flags: string[] = [];
  const one = (name: string, flag = `--${name}`): void => {
    const value = input(name).trim();
    if (value !== '') flags.push(flag, value);
  };
  one('pulumi');
  one('stack');
  // A boolean input: only its negation is a flag (--no-refresh).
  if (input('refresh').trim() === 'false') flags.push('--no-refresh');
  one('base');
  one('cdktf');
  one('plan');
  one('config-dir');
  one('report');
  one('sarif');
  one('format');
  one('name');
  one('pr');
  one('repo');
  one('sha');
  one('ref');
  const data = input('data')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (data.length > 0) flags.push('--data', ...data);
  return flags;
}
