import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { Employee, User, initORM } from '../../db';
import { freePort } from './free-port';
import { eventually, requireEnv } from './harness';

const ROOT = path.resolve(__dirname, '../..');

/** Runs `npm start` (against the run's Temporal server) until healthy, then stops it with Ctrl-C; returns its output. */
async function startAndStop(env: NodeJS.ProcessEnv, port: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/start.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error('npm start exited early');
      try {
        return (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200 ? true : undefined;
      } catch {
        return undefined;
      }
    }, 90_000);
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    return output;
  } catch (err) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- npm start output ---\n${output}`);
  }
}

test('when npm start meets an empty database, then it seeds the demo registry once, and a restart leaves it alone', async () => {
  const dataDir = mkdtempSync(path.join(requireEnv('ALUR_TEST_TMP'), 'start-seed-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    // The run's Temporal server, so no dev server of its own; a task queue nobody else uses.
    TEMPORAL_ADDRESS: requireEnv('ALUR_TEST_TEMPORAL_ADDRESS'),
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
  };
  delete env.DATABASE_URL;

  const firstOutput = await startAndStop(env, port);
  expect(firstOutput).toContain('demo registry seeded: Pemerintah Kota Surakarta');

  const count = async () => {
    const db = await initORM({ kind: 'sqlite', file: path.join(dataDir, 'alur.sqlite') });
    try {
      return { users: await db.em().count(User, {}), employees: await db.em().count(Employee, {}), admin: (await db.em().findOne(User, { login: 'admin' }))?.roles };
    } finally {
      await db.close();
    }
  };
  const afterFirst = await count();
  expect(afterFirst.admin).toEqual(['administrator']);
  expect(afterFirst.employees).toBeGreaterThan(500);

  const secondOutput = await startAndStop(env, port);
  expect(secondOutput).not.toContain('demo registry seeded');
  expect(await count()).toEqual(afterFirst);
});
