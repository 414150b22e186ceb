import { Writable } from 'node:stream';
import { createLogger } from '../../config';
import { eventually, signIn, startHarness, testDatabases, type Harness } from './harness';

/** Log lines as parsed JSON, as a log shipper would read them. */
class LogSink extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}

describe.each(testDatabases().slice(0, 1))('structured logs ($name)', (database) => {
  const sink = new LogSink();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true, logger: createLogger('alur-test', 'info', sink) });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('when a decision is made, then its request id appears in the log of the events it caused, and no secret is logged', async () => {
    const kepala = await signIn(h.app, 'kepala.dinkes');
    const mutasi = await signIn(h.app, 'bkpsdm.mutasi');
    const created = await kepala.post('/api/processes/persetujuan-umum/cases').send({ title: 'Lacak log', data: { catatan: 'rahasia pribadi' } }).expect(201);
    await eventually(async () => ((await mutasi.get('/api/tasks')).body.items.some((t: { caseId: string }) => t.caseId === created.body.id) ? true : undefined));

    const requestId = `req-${Date.now()}-keputusan`;
    const res = await mutasi.post(`/api/cases/${created.body.id}/actions/approve`).set('X-Request-Id', requestId)
      .send({ stepId: 'verifikasi', comment: 'Isi komentar tidak untuk log' }).expect(200);
    expect(res.headers['x-request-id']).toBe(requestId);

    const recorded = await eventually(async () => sink.lines.find((l) => l.msg === 'case event recorded' && l.requestId === requestId && l.event === 'step.decided'));
    expect(recorded).toMatchObject({ caseId: created.body.id, stepId: 'verifikasi', actor: 'bkpsdm.mutasi' });
    const access = sink.lines.find((l) => l.msg === 'request' && l.requestId === requestId);
    expect(access).toMatchObject({ method: 'POST', route: '/api/cases/:id/actions/:action', status: 200, user: 'bkpsdm.mutasi' });

    const everything = sink.raw.join('\n');
    expect(everything).not.toContain('alur-demo');
    expect(everything).not.toContain('rahasia pribadi');
    expect(everything).not.toContain('Isi komentar tidak untuk log');
    expect(everything).not.toContain(kepala.csrf);
  });
});
