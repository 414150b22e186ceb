import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { ensureSearchAttributes } from '../temporal';
import type { DevServer } from '../tools/dev-server';
import type { TemporalCli } from '../tools/temporal-cli';

/**
 * The dev server on a database file with the CLI's own SQLite settings: what tools/dev-server.ts
 * starts, minus Alur's --sqlite-pragma flags. Only for comparing the two.
 */
export async function startDevServerWithDefaultPragmas(options: { cli: TemporalCli; port: number; dbFile: string; logFile: string }): Promise<DevServer> {
  if (options.cli.kind !== 'binary') throw new Error('comparing dev-server settings needs the built Temporal CLI');
  const address = `127.0.0.1:${options.port}`;
  const logFd = openSync(options.logFile, 'a');
  const child = spawn(options.cli.path, [
    'server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--namespace', 'default',
    '--headless', '--log-format', 'json', '--log-level', 'warn', '--db-filename', options.dbFile,
  ], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.withDeadline(Date.now() + 2000, () => connection.healthService.check({}));
        await ensureSearchAttributes(connection, 'default');
      } finally {
        await connection.close();
      }
      break;
    } catch (err) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`the dev server with default pragmas did not start: ${err instanceof Error ? err.message : String(err)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { address, pid: child.pid, exited, stop };
}
