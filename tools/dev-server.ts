import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { allCaseSearchAttributes } from '../workflows/search-attributes';
import { ensureSearchAttributes } from '../temporal';
import type { TemporalCli } from './temporal-cli';

export interface DevServerOptions {
  cli: TemporalCli;
  ip?: string;
  port: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  /** Omit for an in-memory server (tests); `npm start` keeps it in data/temporal.db. */
  dbFile?: string;
  /** File that receives the server's own log; omit to discard it. */
  logFile?: string;
  namespace?: string;
  startTimeoutMs?: number;
  /** Dynamic configuration, KEY=JSON-VALUE (tests lower limits to exercise continue-as-new). */
  dynamicConfig?: Record<string, unknown>;
}

export interface DevServer {
  address: string;
  /** Process id of the server when it runs as our child process (not for the SDK download). */
  pid: number | undefined;
  /** Resolves when the server process ends, for whatever reason. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * SQLite settings for the dev server's own database. WAL with synchronous=NORMAL survives any
 * crash of the server process itself (what a laptop sees); only an OS crash or power cut could
 * drop the last transactions.
 */
export const DEV_SERVER_PRAGMAS = ['journal_mode=wal', 'synchronous=normal', 'busy_timeout=5000'];

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const ip = options.ip ?? '127.0.0.1';
  const namespace = options.namespace ?? 'default';
  const address = `${ip}:${options.port}`;
  const pragmaArgs = DEV_SERVER_PRAGMAS.flatMap((p) => ['--sqlite-pragma', p]);
  if (options.cli.kind === 'sdk-download') {
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'cached-download' },
        ip,
        port: options.port,
        ui: options.uiPort !== undefined,
        uiPort: options.uiPort,
        dbFilename: options.dbFile,
        namespace,
        searchAttributes: allCaseSearchAttributes,
        extraArgs: options.dbFile ? pragmaArgs : [],
      },
    });
    await registerSearchAttributes(address, namespace);
    let stopped: Promise<void> | undefined;
    const stop = () => (stopped ??= env.teardown());
    return { address, pid: undefined, exited: new Promise(() => undefined), stop };
  }

  const args = [
    'server', 'start-dev',
    '--ip', ip,
    '--port', String(options.port),
    '--namespace', namespace,
    '--log-format', 'json',
    '--log-level', 'warn',
    ...(options.uiPort !== undefined ? ['--ui-port', String(options.uiPort)] : ['--headless']),
    ...(options.dbFile ? ['--db-filename', options.dbFile, ...pragmaArgs] : []),
    ...allCaseSearchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=${searchAttributeTypeName(key.type)}`]),
    ...Object.entries(options.dynamicConfig ?? {}).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]),
  ];
  const logFd = options.logFile ? openSync(options.logFile, 'a') : undefined;
  const child = spawn(options.cli.path, args, {
    stdio: ['ignore', logFd ?? 'ignore', logFd ?? 'ignore'],
  });
  if (logFd !== undefined) closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitInfo: string | undefined;
  child.once('exit', (code, signal) => { exitInfo = signal ?? `exit code ${code}`; });

  try {
    await waitUntilServing(address, options.startTimeoutMs ?? 60_000, () => exitInfo);
    await registerSearchAttributes(address, namespace);
  } catch (err) {
    await stopChild(child, exited);
    const where = options.logFile ? ` (see ${options.logFile})` : '';
    throw new Error(`The Temporal dev server did not start${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let stopped: Promise<void> | undefined;
  return { address, pid: child.pid, exited, stop: () => (stopped ??= stopChild(child, exited)) };
}

function searchAttributeTypeName(type: string): string {
  // The CLI spells types the way the SDK's SearchAttributeType values do, in PascalCase.
  const names: Record<string, string> = {
    TEXT: 'Text', KEYWORD: 'Keyword', INT: 'Int', DOUBLE: 'Double', BOOL: 'Bool', DATETIME: 'Datetime', KEYWORD_LIST: 'KeywordList',
  };
  const name = names[type];
  if (!name) throw new Error(`Unknown search attribute type ${type}`);
  return name;
}

async function waitUntilServing(address: string, timeoutMs: number, exitInfo: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const exit = exitInfo();
    if (exit) throw new Error(`the server process ended (${exit})`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.withDeadline(Date.now() + 2000, () => connection.healthService.check({}));
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`not reachable at ${address} after ${timeoutMs} ms: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

async function registerSearchAttributes(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await ensureSearchAttributes(connection, namespace);
  } finally {
    await connection.close();
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
