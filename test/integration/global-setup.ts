import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startDevServer, type DevServer } from '../../tools/dev-server';
import { resolveTemporalCli } from '../../tools/temporal-cli';
import { WORKFLOWS_PATH } from '../../worker/worker';
import { freePort } from './free-port';

declare global {
  var __alurTestRun: { devServer: DevServer; pgAdminUrl?: string; pgDatabase?: string; tmpDir: string } | undefined;
}

/**
 * Once per run: one real Temporal dev server (the pinned CLI, in memory, on a free port), one
 * workflow bundle shared by every test file's worker, and, when TEST_DATABASE_URL is set, a fresh
 * PostgreSQL database. Test files find them through ALUR_TEST_* variables.
 */
export default async function globalSetup(): Promise<void> {
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'alur-test-'));
  const cli = await resolveTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH?.trim() || undefined, log: (l) => console.log(l) });
  const port = await freePort();
  const [devServer, bundle] = await Promise.all([
    startDevServer({ cli, port, logFile: path.join(tmpDir, 'temporal.log') }),
    bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger }),
  ]);
  const bundlePath = path.join(tmpDir, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);
  process.env.ALUR_TEST_TEMPORAL_ADDRESS = devServer.address;
  process.env.ALUR_TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.ALUR_TEST_TMP = tmpDir;
  if (cli.kind === 'binary') process.env.ALUR_TEST_TEMPORAL_CLI = cli.path;

  globalThis.__alurTestRun = { devServer, tmpDir };
  const adminUrl = process.env.TEST_DATABASE_URL?.trim();
  if (adminUrl) {
    const database = `alur_test_${process.pid}_${Date.now()}`;
    const admin = new PgClient({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    process.env.ALUR_TEST_PG_URL = url.toString();
    globalThis.__alurTestRun = { devServer, tmpDir, pgAdminUrl: adminUrl, pgDatabase: database };
  }
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
