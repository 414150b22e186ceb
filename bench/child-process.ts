import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/** One of Alur's own entry points (worker/main.ts, server/main.ts) running as a child process. */
export interface Spawned {
  name: string;
  child: ChildProcess;
  pid: number;
  exited: Promise<void>;
  /** Everything it printed, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it lingers. */
  stop(): Promise<void>;
}

const owned = new Set<number>();
// A bench that throws or is interrupted must not leave servers behind: kill what is still ours.
process.once('exit', () => {
  for (const pid of owned) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** Marks a process (e.g. a dev server) to be killed if the bench exits before stopping it; returns the unmark. */
export function killOnExit(pid: number): () => void {
  owned.add(pid);
  return () => owned.delete(pid);
}

/** Starts `script` with tsx; everything it prints is also appended to `logFile`. */
export function spawnEntry(name: string, script: string, env: NodeJS.ProcessEnv, logFile: string): Spawned {
  // BENCH_CPU_PROF_DIR: the worker and the API write V8 CPU profiles there when they exit.
  // One file per thread (tsx runs a loader thread beside the main one).
  const profile = env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.join(env.BENCH_CPU_PROF_DIR, name)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  const release = killOnExit(child.pid);
  const log = createWriteStream(logFile, { flags: 'a' });
  let output = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    release();
    log.end();
    resolve();
  }));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { name, child, pid: child.pid, exited, output: () => output, stop };
}

/** Waits until the child has printed `marker`; fails if it exits first or takes too long. */
export async function printed(entry: Spawned, marker: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!entry.output().includes(marker)) {
    if (entry.child.exitCode !== null || entry.child.signalCode !== null) {
      throw new Error(`${entry.name} exited before it was ready:\n${entry.output()}`);
    }
    if (Date.now() > deadline) throw new Error(`${entry.name} was not ready within ${timeoutMs} ms:\n${entry.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Resident memory of a process, in MiB (Linux /proc). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kib)) throw new Error(`no VmRSS for process ${pid}`);
  return kib / 1024;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux this runs on. */
const USER_HZ = 100;

/** CPU time a process has used so far, user and system, in milliseconds (Linux /proc). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`no CPU times for process ${pid}`);
  return (ticks * 1000) / USER_HZ;
}

/** CPU milliseconds per unit of work, by process: "devServer 12.3 ms, worker 4.5 ms, …". */
export function cpuPer(cpu: Record<string, number>, units: number): string {
  return Object.entries(cpu).map(([name, ms]) => `${name} ${(ms / units).toFixed(1)} ms`).join(', ');
}

/** CPU milliseconds of all processes together. */
export function cpuTotal(cpu: Record<string, number>): number {
  return Object.values(cpu).reduce((sum, ms) => sum + ms, 0);
}

/** Adds `cpu` (milliseconds by process, as `cpuDuring` gives) into `tally`, and returns `tally`. */
export function addCpu(tally: Record<string, number>, cpu: Record<string, number>): Record<string, number> {
  for (const [name, ms] of Object.entries(cpu)) tally[name] = (tally[name] ?? 0) + ms;
  return tally;
}

/** The CPU each named process spends while `run` runs, in milliseconds; `self` is this process. */
export async function cpuDuring<T>(pids: Record<string, number>, run: () => Promise<T>): Promise<{ result: T; cpu: Record<string, number> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
  const self = process.cpuUsage();
  const result = await run();
  const selfUsed = process.cpuUsage(self);
  const cpu: Record<string, number> = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid) - before[name]!]));
  cpu.self = (selfUsed.user + selfUsed.system) / 1000;
  return { result, cpu };
}
