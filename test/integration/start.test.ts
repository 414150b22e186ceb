import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';
import { eventually, requireEnv } from './harness';

const ROOT = path.resolve(__dirname, '../..');

interface Launch {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start`'s entry point in a process group of its own, on free ports and a fresh data dir. */
function launch(env: NodeJS.ProcessEnv): Launch {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/start.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

interface ApiBody {
  id: string;
  items: Array<{ id: string }>;
  case: { status: string };
  current?: { stepId: string; assignees: unknown[] } | null;
  csrfToken: string;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function api(port: number, method: string, url: string, body?: object, session?: Session): Promise<{ status: number; body: ApiBody; source: string | null; cookie: string | null }> {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as ApiBody, source: res.headers.get('x-alur-source'), cookie: res.headers.get('set-cookie') };
}

/** Signs a demo user in (the demo registry is seeded on first start). */
async function signIn(port: number, login: string): Promise<Session> {
  const res = await api(port, 'POST', '/api/auth/login', { login, password: 'alur-demo' });
  if (res.status !== 200 || !res.cookie) throw new Error(`sign-in as ${login} failed: ${res.status}`);
  return { cookie: res.cookie.split(';')[0]!, csrf: res.body.csrfToken };
}

async function healthy(port: number, run: Launch): Promise<void> {
  await eventually(async () => {
    if (run.child.exitCode !== null) throw new Error(`npm start exited early:\n${run.output()}`);
    try {
      return (await api(port, 'GET', '/api/health')).status === 200 ? true : undefined;
    } catch {
      return undefined;
    }
  }, 90_000);
}

function killGroup(run: Launch): void {
  try {
    process.kill(-run.child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Processes that still carry this run's DATA_DIR in their environment: the launcher's children. */
function processesOf(dataDir: string): number[] {
  const marker = `DATA_DIR=${dataDir}\0`;
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker);
    } catch {
      return false;
    }
  }).map(Number);
}

test('when npm start is killed outright and started again, then the open case survives and completes; Ctrl-C leaves nothing behind', async () => {
  const dataDir = mkdtempSync(path.join(requireEnv('ALUR_TEST_TMP'), 'start-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    TEMPORAL_DEV_SERVER_PORT: String(await freePort()),
    TEMPORAL_DEV_SERVER_UI_PORT: String(await freePort()),
    DATA_DIR: dataDir,
  };
  delete env.TEMPORAL_ADDRESS;
  delete env.DATABASE_URL;
  if (process.env.ALUR_TEST_TEMPORAL_CLI) env.TEMPORAL_CLI_PATH = process.env.ALUR_TEST_TEMPORAL_CLI;

  const first = launch(env);
  let kepala: Session;
  try {
    await healthy(port, first);
    kepala = await signIn(port, 'kepala.dinkes');
    const created = await api(port, 'POST', '/api/processes/persetujuan-umum/cases', { title: 'Rotasi yang bertahan' }, kepala);
    // 202 when the freshly started worker has not yet answered for the case: it is started all the same.
    expect([201, 202]).toContain(created.status);
    const id = created.body.id;
    expect(id).toEqual(expect.any(String));
    const mutasi = await signIn(port, 'bkpsdm.mutasi');
    await eventually(async () => {
      const view = await api(port, 'GET', `/api/cases/${id}`, undefined, mutasi);
      return view.status === 200 && view.body.current?.stepId === 'verifikasi' && view.body.current.assignees.length > 0 ? true : undefined;
    });
    expect((await api(port, 'POST', `/api/cases/${id}/actions/approve`, { stepId: 'verifikasi' }, mutasi)).status).toBe(200);

    // What a power cut or `kill -9` of the whole tree does.
    process.kill(-first.child.pid!, 'SIGKILL');
    await first.exited;
    await eventually(async () => (processesOf(dataDir).length === 0 ? true : undefined));
  } catch (err) {
    killGroup(first);
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- npm start output ---\n${first.output()}`);
  }

  const second = launch(env);
  try {
    await healthy(port, second);
    // Sessions live in the database: the initiator's sign-in from before the crash still works.
    const id = (await api(port, 'GET', '/api/cases?scope=mine', undefined, kepala)).body.items[0]!.id;
    const sekda = await signIn(port, 'sekda');
    // Right after a restart the worker may not answer yet, and reads fall back to the projection;
    // wait for the workflow's own answer.
    const reread = await eventually(async () => {
      const res = await api(port, 'GET', `/api/cases/${id}`, undefined, sekda);
      return res.source === 'workflow' ? res : undefined;
    }, 60_000);
    expect(reread.body).toMatchObject({ title: 'Rotasi yang bertahan', status: 'open', current: { stepId: 'keputusan' } });
    const final = await api(port, 'POST', `/api/cases/${id}/actions/approve`, { stepId: 'keputusan' }, sekda);
    expect(final.status).toBe(200);
    expect(final.body.case.status).toBe('approved');

    // Ctrl-C: the terminal signals the whole group; everything stops cleanly.
    process.kill(-second.child.pid!, 'SIGINT');
    expect(await second.exited).toBe(0);
    await eventually(async () => (processesOf(dataDir).length === 0 ? true : undefined));
    expect(second.output()).toContain('[alur] stopped');
  } catch (err) {
    killGroup(second);
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- npm start output ---\n${second.output()}`);
  }
});
