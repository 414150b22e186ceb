import request from 'supertest';
import { createApp } from '../../server/app';
import { eventually, signIn, startHarness, testDatabases, type Harness } from './harness';

function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(name) && !l.startsWith('#') && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe.each(testDatabases().slice(0, 1))('GET /metrics ($name)', (database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('when a case moves, then the named series move with it', async () => {
    const before = (await request(h.app).get('/metrics').expect(200)).text;
    expect(before).toContain('# TYPE alur_http_request_duration_seconds histogram');
    const openBefore = sample(before, 'alur_open_tasks', { process: 'persetujuan-umum' });

    const kepala = await signIn(h.app, 'kepala.dinkes');
    const mutasi = await signIn(h.app, 'bkpsdm.mutasi');
    const created = await kepala.post('/api/processes/persetujuan-umum/cases').send({ title: 'Untuk metrik' }).expect(201);
    const during = await eventually(async () => {
      const text = (await request(h.app).get('/metrics')).text;
      return sample(text, 'alur_open_tasks', { process: 'persetujuan-umum' }) === openBefore + 1 ? text : undefined;
    });
    expect(sample(during, 'alur_http_request_duration_seconds_count', { route: '/api/processes/:key/cases', status: '201' })).toBe(1);

    await mutasi.post(`/api/cases/${created.body.id}/actions/approve`).send({ stepId: 'keputusan' }).expect(409);
    await mutasi.post(`/api/cases/${created.body.id}/actions/approve`).send({ stepId: 'verifikasi' }).expect(200);
    const after = (await request(h.app).get('/metrics')).text;
    expect(sample(after, 'alur_case_actions_total', { action: 'approve', result: 'accepted' })).toBe(1);
    expect(sample(after, 'alur_case_actions_total', { action: 'approve', result: 'STEP_NOT_CURRENT' })).toBe(1);
    expect(after).toContain('alur_deadline_breaches 0');
  });

  test('when METRICS_TOKEN is set, then /metrics answers only a scraper that sends it', async () => {
    const token = 'rahasia-prometheus-0123456789';
    const app = createApp({ client: h.client, connection: h.connection, taskQueue: h.taskQueue, db: h.db, metricsToken: token });
    const refused = await request(app).get('/metrics').set('Accept-Language', 'en').expect(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(refused.body.error).toMatchObject({ code: 'METRICS_TOKEN_REQUIRED', message: expect.stringContaining('METRICS_TOKEN') });
    await request(app).get('/metrics').set('Authorization', `Bearer ${token}x`).expect(401);
    const scraped = await request(app).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    expect(scraped.text).toContain('# TYPE alur_open_tasks gauge');
  });
});

describe.each(testDatabases().slice(0, 1))('GET /api/docs ($name)', (database) => {
  test('when someone opens the API docs, then every documented route is listed on one page without outside assets', async () => {
    const h = await startHarness(database.config(), { worker: false });
    try {
      const page = await request(h.app).get('/api/docs').expect(200).expect('Content-Type', /html/);
      const document = (await request(h.app).get('/api/openapi.json').expect(200)).body as { paths: Record<string, object> };
      for (const path of Object.keys(document.paths)) expect(page.text).toContain(`<code>${path}</code>`);
      expect(page.text).not.toMatch(/<script|https?:\/\/(?!localhost)/);
    } finally {
      await h.close();
    }
  });
});
