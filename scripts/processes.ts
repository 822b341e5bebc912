/**
 * Processes of this machine as Linux shows them in /proc: which run (a zombie waiting to be reaped does not),
 * which are the children of a process, how much memory one has used at most. The lab, the tests that kill a
 * deployment and the reliability bench read them here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name (its state first, then its parent's pid). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Whether a process runs: it exists and is not a zombie. */
export function processRuns(pid: number): boolean {
  if (!existsSync(`/proc/${pid}`)) return false;
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z';
}

/** The running processes whose parent is `ppid`, with their command lines (arguments joined by spaces). */
export function childProcesses(ppid: number): { readonly pid: number; readonly cmdline: string }[] {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (Number(statFields(pid)?.[1]) !== ppid || !processRuns(pid)) continue;
    try {
      found.push({ pid, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim() });
    } catch {
      // It ended while we looked.
    }
  }
  return found;
}

/** The running processes whose command line contains `text`. */
export function processesWith(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text) && processRuns(pid);
      } catch {
        return false;
      }
    });
}

/** The most resident memory a process has used so far (VmHWM, in bytes), or 0 when it is gone. */
export function peakMemory(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * SIGKILLs the `pulumi up` started by `ppid` (as a crashed CI runner would end it), and first the image-catalog
 * providers it started when `providersToo`. Returns those providers' pids (killed or not), empty when no
 * `pulumi up` runs there.
 */
export function killDeployment(ppid: number, providersToo: boolean): number[] {
  const engine = childProcesses(ppid).find((p) => /(^|\/)pulumi\s+up\s/.test(p.cmdline));
  if (engine === undefined) return [];
  const providers = childProcesses(engine.pid)
    .filter((p) => p.cmdline.includes('pulumi-resource-image-catalog'))
    .map((p) => p.pid);
  if (providersToo) for (const pid of providers) process.kill(pid, 'SIGKILL');
  process.kill(engine.pid, 'SIGKILL');
  return providers;
}

/** The highest peak memory (bytes) seen among the processes whose command line holds `text`, sampled on demand. */
export function peakSampler(text: string): { readonly sample: () => void; readonly peak: () => number } {
  let peak = 0;
  return {
    sample: () => {
      for (const pid of processesWith(text)) peak = Math.max(peak, peakMemory(pid));
    },
    peak: () => peak,
  };
}
