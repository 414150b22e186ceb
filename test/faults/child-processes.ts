import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { DatabaseConfig } from '../../db';

const ROOT = path.resolve(__dirname, '../..');

/** The test effect fault-worker.ts registers: enrols the case's subject in a training. */
export const TRAINING_EFFECT = 'catatPelatihanUji';

/** A child process of a fault test, with what it printed (for failure messages). */
export interface TestProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when it has printed `marker`; rejects if it exits first or after `timeoutMs`. */
  ready(marker: string, timeoutMs?: number): Promise<void>;
  /** SIGKILL: what a crash, the OOM killer or a power cut does. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers: the test's own cleanup. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

function track(child: ChildProcess): TestProcess {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    child,
    output: () => output,
    ready: async (marker, timeoutMs = 90_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(marker)) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the process ended before it was ready:\n${output}`);
        if (Date.now() > deadline) throw new Error(`the process was not ready within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/** The real worker entry point (`npm run worker`), configured as in production, on a task queue of the test's. */
export function spawnWorkerMain(options: { address: string; taskQueue: string; database: DatabaseConfig; dataDir: string }): TestProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEMPORAL_ADDRESS: options.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
  };
  if (options.database.kind === 'postgresql') env.DATABASE_URL = options.database.url;
  else {
    delete env.DATABASE_URL;
    if (options.database.file !== path.join(options.dataDir, 'alur.sqlite')) throw new Error('worker/main.ts reads DATA_DIR/alur.sqlite');
  }
  return track(spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}
export const WORKER_MAIN_READY = 'polling task queue';

/** test/faults/fault-worker.ts: the real worker plus a test effect that holds for `holdMs` before it commits. */
export function spawnFaultWorker(options: {
  address: string; taskQueue: string; database: DatabaseConfig; bundle: string; effectLog: string; holdMs: number;
}): TestProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ALUR_FAULT_TEMPORAL_ADDRESS: options.address,
    ALUR_FAULT_TASK_QUEUE: options.taskQueue,
    ALUR_FAULT_DATABASE: JSON.stringify(options.database),
    ALUR_FAULT_WORKFLOW_BUNDLE: options.bundle,
    ALUR_FAULT_EFFECT_LOG: options.effectLog,
    ALUR_FAULT_EFFECT_HOLD_MS: String(options.holdMs),
  };
  return track(spawn(process.execPath, ['--import', 'tsx', 'test/faults/fault-worker.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}
export const FAULT_WORKER_READY = '[fault-worker] polling';
