import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { ensureDefaultDefinitions, ensureDefaultForms, initORM, publishDefinition, seedIfEmpty, type Database } from '../db';
import { defaultDefinitions } from '../processes/defaults';
import { startDevServer, type DevServer } from '../tools/dev-server';
import { resolveTemporalCli, type TemporalCli } from '../tools/temporal-cli';
import { killOnExit, printed, spawnEntry, type Spawned } from './child-process';
import { startDevServerWithDefaultPragmas } from './dev-server-defaults';
import { freePort } from './free-port';
import { threeStepApproval } from './three-step-approval';
import { baselineActivities } from './baseline-activities';

export const CASE_TASK_QUEUE = 'alur-bench';
export const BASELINE_TASK_QUEUE = 'alur-bench-baseline';
const BASELINE_WORKFLOWS = path.resolve(__dirname, 'workflows/index.ts');
const LOG_DIR = path.resolve(__dirname, 'results/logs');

/**
 * What the benchmarks run against, all on this machine and on free ports: a Temporal dev server
 * (the pinned CLI, state in a file with Alur's pragmas, as `npm start` runs it), the real worker
 * and API entry points as child processes over a seeded SQLite database, and an in-process
 * worker for the bare-Temporal baselines on a task queue of its own.
 */
export interface BenchStack {
  dir: string;
  cli: TemporalCli;
  address: string;
  baseUrl: string;
  db: Database;
  client: Client;
  worker: Spawned;
  api: Spawned;
  /** The dev server's process, when the pinned CLI runs it (for CPU accounting). */
  devServerPid: number | undefined;
  close(): Promise<void>;
}

/** The stack's processes by name (the worker, the API and, when it runs as our child, the dev server), for CPU accounting. */
export function pidsOf(stack: BenchStack): Record<string, number> {
  return { worker: stack.worker.pid, api: stack.api.pid, ...(stack.devServerPid !== undefined ? { devServer: stack.devServerPid } : {}) };
}

export interface BenchStackOptions {
  /** `alur`: tools/dev-server.ts as `npm start` runs it; `cli-defaults`: the same without Alur's SQLite pragmas. */
  devServerSettings?: 'alur' | 'cli-defaults';
}

export async function startBenchStack(log: (line: string) => void, options: BenchStackOptions = {}): Promise<BenchStack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alur-bench-'));
  const cleanups: Array<() => Promise<void>> = [async () => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => log(`cleanup: ${String(err)}`));
  };
  try {
    const cli = await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH?.trim() || undefined, log });
    const settings = options.devServerSettings ?? 'alur';
    // The processes' own logs outlive the stack's temporary directory, for when a workload fails.
    mkdirSync(LOG_DIR, { recursive: true });
    const stamp = `${new Date().toISOString().replace(/[:.]/g, '-')}-${settings}`;
    const serverOptions = { cli, port: await freePort(), dbFile: path.join(dir, 'temporal.db'), logFile: path.join(LOG_DIR, `${stamp}-temporal.log`) };
    const devServer: DevServer = settings === 'alur' ? await startDevServer(serverOptions) : await startDevServerWithDefaultPragmas(serverOptions);
    const release = devServer.pid === undefined ? () => false : killOnExit(devServer.pid);
    cleanups.push(async () => {
      await devServer.stop();
      release();
    });
    log(`dev server on ${devServer.address} (${cli.kind === 'binary' ? `temporal ${cli.version}` : 'SDK download'}, ${settings} settings), state in ${dir}`);

    const db = await initORM({ kind: 'sqlite', file: path.join(dir, 'alur.sqlite') });
    cleanups.push(() => db.close());
    await db.migrate();
    await seedIfEmpty(db);
    // Definitions may reference only published forms: the default forms go first (as npm start does).
    await ensureDefaultForms(db.em());
    await ensureDefaultDefinitions(db.em(), defaultDefinitions);
    await publishDefinition(db.em(), threeStepApproval, { author: 'bench' });

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TEMPORAL_ADDRESS: devServer.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: CASE_TASK_QUEUE,
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const worker = spawnEntry('worker', 'worker/main.ts', env, path.join(LOG_DIR, `${stamp}-worker.log`));
    cleanups.push(() => worker.stop());
    const api = spawnEntry('api', 'server/main.ts', env, path.join(LOG_DIR, `${stamp}-api.log`));
    cleanups.push(() => api.stop());
    await Promise.all([printed(worker, 'polling task queue'), printed(api, 'listening on')]);
    log(`worker (pid ${worker.pid}) and API (pid ${api.pid}, http://127.0.0.1:${port}) are up`);

    const connection = await Connection.connect({ address: devServer.address });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, namespace: 'default' });
    return { dir, cli, address: devServer.address, baseUrl: `http://127.0.0.1:${port}`, db, client, worker, api, devServerPid: devServer.pid, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The bare-Temporal baseline worker (bench/workflows), in this process, on the same dev server. */
export async function startBaselineWorker(address: string, taskQueue = BASELINE_TASK_QUEUE): Promise<{ taskQueue: string; close(): Promise<void> }> {
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, namespace: 'default', taskQueue, workflowsPath: BASELINE_WORKFLOWS, activities: baselineActivities });
  const running = worker.run();
  return {
    taskQueue,
    close: async () => {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
