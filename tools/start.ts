// `npm start`: everything a laptop needs, in one terminal. A Temporal dev server (unless
// TEMPORAL_ADDRESS names a cluster), migrations, the web build, then the worker and the API
// server as supervised child processes. Ctrl-C stops all of it; starting again resumes every case.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from '../config';
import { initORM, seedIfEmpty } from '../db';
import { defaultDefinitions } from '../processes/defaults';
import { ensureDefaultDefinitions, ensureDefaultForms } from '../db';
import { electionFreezeFromEnv } from '../activities/election-freeze';
import { startDevServer, type DevServer } from './dev-server';
import { resolveTemporalCli } from './temporal-cli';
import { buildWebIfStale } from './web-build';

const ROOT = path.resolve(__dirname, '..');
const say = (line: string) => console.log(`[alur] ${line}`);

interface Supervised {
  name: 'worker' | 'server';
  script: string;
  child?: ChildProcess;
  exited?: Promise<void>;
  crashes: number[];
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  await fs.mkdir(config.dataDir, { recursive: true });
  await assertPortFree(config.port, 'PORT', 'the API server');

  let devServer: DevServer | undefined;
  let shuttingDown = false;
  const children: Supervised[] = [
    { name: 'worker', script: 'worker/main.ts', crashes: [] },
    { name: 'server', script: 'server/main.ts', crashes: [] },
  ];

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say('stopping...');
    await Promise.all(children.map((c) => stopChild(c)));
    if (devServer) {
      await devServer.stop();
      await fs.rm(pidFile(config), { force: true });
    }
    say('stopped');
    process.exit(code);
  };
  let signals = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      signals += 1;
      if (signals > 1) {
        say('second signal: killing everything now');
        for (const c of children) c.child?.kill('SIGKILL');
        process.exit(130);
      }
      void shutdown(0);
    });
  }

  try {
    if (!config.temporal.address) {
      devServer = await startLocalTemporal(config);
      void watchDevServer();
    } else {
      say(`using the Temporal cluster at ${config.temporal.address} (namespace ${config.temporal.namespace})`);
    }

    // Checked here too, so a bad election-freeze window stops the start instead of every rotation check.
    electionFreezeFromEnv();
    const db = await initORM(config.database);
    try {
      const applied = await db.migrate();
      say(applied.length > 0 ? `database migrated: ${applied.join(', ')}` : `database up to date (${config.database.kind})`);
      // First start: a demo registry (Pemerintah Kota Surakarta) so there is someone to sign in as.
      if (await seedIfEmpty(db)) say('demo registry seeded: Pemerintah Kota Surakarta (every demo password is "alur-demo")');
      // Definitions may reference only published forms: the default forms go first.
      const forms = await ensureDefaultForms(db.em());
      if (forms.length > 0) say(`default forms published: ${forms.join(', ')}`);
      const published = await ensureDefaultDefinitions(db.em(), defaultDefinitions);
      if (published.length > 0) say(`default processes published: ${published.join(', ')}`);
    } finally {
      await db.close();
    }

    await buildWebIfStale(ROOT, say);
  } catch (err) {
    say(err instanceof Error ? err.message : String(err));
    await shutdown(1);
    return;
  }

  for (const child of children) launch(child);
  await waitForHealth(config.port, () => shuttingDown);
  if (shuttingDown) return;
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${config.port}`);
  if (!config.temporal.address) say(`Temporal UI: http://localhost:${config.temporal.devServerUiPort} · press Ctrl-C to stop`);

  function launch(entry: Supervised): void {
    const child = spawn(process.execPath, ['--import', 'tsx', entry.script], {
      cwd: ROOT,
      env: { ...process.env, ...(devServer ? { TEMPORAL_DEV_SERVER_PORT: String(config.temporal.devServerPort) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    entry.child = child;
    entry.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    prefixLines(child.stdout, process.stdout, entry.name);
    prefixLines(child.stderr, process.stderr, entry.name);
    child.once('exit', (code, signal) => {
      if (shuttingDown) return;
      const now = Date.now();
      entry.crashes = [...entry.crashes.filter((t) => now - t < 60_000), now];
      if (entry.crashes.length >= 5) {
        say(`${entry.name} keeps failing (${signal ?? `exit code ${code}`}, 5 times within a minute); giving up`);
        void shutdown(1);
        return;
      }
      const delay = 500 * 2 ** (entry.crashes.length - 1);
      say(`${entry.name} ended unexpectedly (${signal ?? `exit code ${code}`}); restarting in ${delay} ms`);
      setTimeout(() => { if (!shuttingDown) launch(entry); }, delay);
    });
  }

  async function watchDevServer(): Promise<void> {
    // The dev server keeps its state on disk, so restarting it after a crash loses nothing.
    while (devServer && !shuttingDown) {
      await devServer.exited;
      if (shuttingDown) return;
      say('the Temporal dev server ended unexpectedly; restarting it');
      try {
        devServer = await startLocalTemporal(config);
      } catch (err) {
        say(err instanceof Error ? err.message : String(err));
        void shutdown(1);
        return;
      }
    }
  }
}

async function startLocalTemporal(config: AppConfig): Promise<DevServer> {
  await stopStaleDevServer(config);
  await assertPortFree(config.temporal.devServerPort, 'TEMPORAL_DEV_SERVER_PORT', 'the Temporal dev server');
  await assertPortFree(config.temporal.devServerUiPort, 'TEMPORAL_DEV_SERVER_UI_PORT', 'the Temporal UI');
  const cli = await resolveTemporalCli({ cliPath: config.temporal.cliPath, log: say });
  const dbFile = path.join(config.dataDir, 'temporal.db');
  say(`starting the Temporal dev server on 127.0.0.1:${config.temporal.devServerPort} (state in ${path.relative(ROOT, dbFile) || dbFile})`);
  const server = await startDevServer({
    cli,
    port: config.temporal.devServerPort,
    uiPort: config.temporal.devServerUiPort,
    dbFile,
    logFile: path.join(config.dataDir, 'temporal.log'),
    namespace: config.temporal.namespace,
  });
  if (server.pid !== undefined) await fs.writeFile(pidFile(config), String(server.pid));
  return server;
}

function pidFile(config: AppConfig): string {
  return path.join(config.dataDir, 'temporal.pid');
}

/** A dev server left behind by a launcher that was killed outright still holds the database. */
async function stopStaleDevServer(config: AppConfig): Promise<void> {
  const file = pidFile(config);
  const pid = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (cmdline.includes('start-dev') && cmdline.includes(config.dataDir)) {
    say(`stopping a Temporal dev server left over from an earlier run (pid ${pid})`);
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && existsSync(`/proc/${pid}`); i++) await sleep(100);
    if (existsSync(`/proc/${pid}`)) process.kill(pid, 'SIGKILL');
  }
  await fs.rm(file, { force: true });
}

function assertPortFree(port: number, variable: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new Error(
      `Port ${port} (${variable}), needed for ${what}, is already in use. Stop whatever uses it, or set ${variable} to another port.`,
    )));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
}

async function waitForHealth(port: number, cancelled: () => boolean): Promise<void> {
  for (;;) {
    if (cancelled()) return;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
}

async function stopChild(entry: Supervised): Promise<void> {
  const child = entry.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await entry.exited;
  clearTimeout(timer);
}

function prefixLines(from: NodeJS.ReadableStream | null, to: NodeJS.WritableStream, name: string): void {
  if (!from) return;
  let buffered = '';
  from.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) to.write(line.startsWith(`[${name}]`) ? `${line}\n` : `[${name}] ${line}\n`);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? `[alur] ${err.message}` : err);
  process.exit(1);
});

