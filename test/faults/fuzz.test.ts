import { CaseRecord } from '../../db';
import { startHarness, testDatabases, type Harness } from '../integration/harness';
import { appWithErrorLog, call, listen, signIn, type Listening, type Session } from './api-client';
import { inconsistentCases } from './case-consistency';
import { fuzzRequests, type FuzzRequest } from './fuzz-requests';

const SEED = Number(process.env.FAULTS_SEED ?? 20261122);
const REQUESTS = Number(process.env.FAULTS_FUZZ_REQUESTS ?? 1500);
const LOGINS = ['kepala.dinkes', 'bkpsdm.mutasi', 'sekda', 'admin', 'walikota'];

describe.each(testDatabases())('fuzzed API requests ($name)', (database) => {
  let h: Harness;
  let api: Listening;
  let serverErrors: string[] = [];
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
    const logged = appWithErrorLog(h);
    serverErrors = logged.errors;
    api = await listen(logged.app);
    for (const login of LOGINS) sessions.set(login, await signIn(api.baseUrl, login));
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await h?.close();
  });

  test(`when ${REQUESTS} random and malformed requests (seed ${SEED}) reach every route, then none is answered 500 and every case stays consistent`, async () => {
    const kepala = sessions.get('kepala.dinkes') as Session;
    const caseIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call(api.baseUrl, kepala, 'POST', '/api/processes/persetujuan-umum/cases', { json: { title: `Sasaran fuzz ${i}` } });
      expect(res.status).toBe(201);
      caseIds.push((res.body as { id: string }).id);
    }
    const document = (await call(api.baseUrl, undefined, 'GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      // Signing out would end the sessions the rest of the run uses; it is fuzzed anonymously below.
      .filter(() => path !== '/api/auth/logout')
      .map((method): [string, string] => [method.toUpperCase(), path]));
    expect(routes.length).toBeGreaterThan(10);
    routes.push(['POST', '/api/auth/logout']);

    const requests = fuzzRequests(SEED, REQUESTS, { routes, caseIds, logins: LOGINS });
    const failures: Array<{ request: FuzzRequest; status: number; body: string }> = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const lane = async () => {
      while (next < requests.length) {
        const request = requests[next++] as FuzzRequest;
        const session = request.path.startsWith('/api/auth/logout') ? undefined : request.as ? sessions.get(request.as) : undefined;
        const headers = { ...request.headers, ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': request.wrongCsrf ? 'x'.repeat(32) : session.csrf } : {}) };
        let status: number;
        let text: string;
        try {
          const res = await fetch(`${api.baseUrl}${request.path}`, { method: request.method, headers, body: request.body });
          status = res.status;
          text = await res.text();
        } catch (err) {
          status = -1;
          text = err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : String(err);
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500 || status < 0) failures.push({ request: { ...request, body: request.body?.slice(0, 300) }, status, body: text.slice(0, 300) });
      }
    };
    await Promise.all(Array.from({ length: 4 }, lane));
    console.log(`[faults] fuzz seed ${SEED}: ${requests.length} requests over ${routes.length} routes; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);

    // The API still works for a real user afterwards, and every case (also those the fuzzer started) agrees with Temporal.
    const inbox = await call(api.baseUrl, sessions.get('bkpsdm.mutasi'), 'GET', '/api/tasks');
    expect(inbox.status).toBe(200);
    const started = new Set([...caseIds, ...(await h.db.em().find(CaseRecord, {})).map((r) => r.id)]);
    const inconsistent = await inconsistentCases(h, [...started], 60_000);
    const answers5xx = failures.map((f) => `${f.status} ${f.request.method} ${f.request.path.slice(0, 120)} ${f.request.body?.slice(0, 80) ?? ''}`);
    expect({ answers5xx, serverErrors, inconsistent }).toEqual({ answers5xx: [], serverErrors: [], inconsistent: {} });
  }, 400_000);

  test('when text with NUL characters reaches a case (title, form data, comment), then the API refuses it with a 4xx or the case stays consistent', async () => {
    const kepala = sessions.get('kepala.dinkes') as Session;
    const mutasi = sessions.get('bkpsdm.mutasi') as Session;
    serverErrors.length = 0; // only this test's
    const started = await call(api.baseUrl, kepala, 'POST', '/api/processes/persetujuan-umum/cases', {
      json: { title: 'Usulan\u0000rotasi', data: { alasan: 'Penyegaran\u0000organisasi' } },
    });
    expect(started.status).toBeLessThan(500);
    const ids: string[] = [];
    if (started.status === 201 || started.status === 202) {
      const id = (started.body as { id: string }).id;
      ids.push(id);
      const decided = await call(api.baseUrl, mutasi, 'POST', `/api/cases/${id}/actions/approve`, { json: { stepId: 'verifikasi', comment: 'Lengkap\u0000' } });
      expect(decided.status).toBeLessThan(500);
    }
    expect({ serverErrors, inconsistent: await inconsistentCases(h, ids, 20_000) }).toEqual({ serverErrors: [], inconsistent: {} });
  }, 120_000);
});
