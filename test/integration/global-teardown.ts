import { rmSync } from 'node:fs';
import { Client as PgClient } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__alurTestRun;
  if (!run) return;
  await run.devServer.stop();
  if (run.pgAdminUrl && run.pgDatabase) {
    const admin = new PgClient({ connectionString: run.pgAdminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${run.pgDatabase} with (force)`);
    await admin.end();
  }
  rmSync(run.tmpDir, { recursive: true, force: true });
}
