import { SMTPServer } from 'smtp-server';
import type { Response } from 'supertest';
import { createMailTransport } from '../../activities';
import { MailMessage, User } from '../../db';
import { openApiDocument } from '../../server/openapi';
import { openApiSchemas } from '../support/openapi-schemas';
import { freePort } from './free-port';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const documented = openApiSchemas(openApiDocument());

/** Asserts that a real answer is the one the OpenAPI document describes for it. */
function expectDocumented(method: string, route: string, res: Response): void {
  expect({ route, status: res.status, problems: documented.problems(method, route, res.status, res.body) })
    .toEqual({ route, status: res.status, problems: [] });
}

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server in this process, that can be stopped and started again on its port. */
class TestSmtp {
  readonly received: Received[] = [];
  private server: SMTPServer | undefined;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  to(address: string): Received[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

/** The decoded text of a mail (nodemailer writes quoted-printable for non-ASCII). */
function body(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

describe.each(testDatabases())('notifications ($name)', (database) => {
  let h: Harness;
  let smtp: TestSmtp;
  let kepala: SignedIn;
  let mutasi: SignedIn;
  let sekda: SignedIn;

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.start();
    h = await startHarness(database.config(), {
      seed: true,
      mail: createMailTransport({ smtp: { host: '127.0.0.1', port: smtp.port, secure: false }, from: 'Alur <alur@surakarta.go.id>', outboxDir: '/nonexistent' }),
      mailDispatcherIdleSeconds: 1,
      mailRetryBaseMs: 1000,
    });
    kepala = await signIn(h.app, 'kepala.dinkes');
    mutasi = await signIn(h.app, 'bkpsdm.mutasi');
    sekda = await signIn(h.app, 'sekda');
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.stop();
  });

  test('when a case moves, then its people are told in the app and by e-mail in their language, except for kinds they turned off', async () => {
    const optedOut = await sekda.agent.put('/api/notifications/preferences').set('X-CSRF-Token', sekda.csrf).send({ emailOptOut: ['task.assigned'] }).expect(200);
    expect(optedOut.body).toMatchObject({ emailOptOut: ['task.assigned'] });
    expectDocumented('put', '/api/notifications/preferences', optedOut);
    await mutasi.agent.put('/api/notifications/preferences').set('X-CSRF-Token', mutasi.csrf).send({ language: 'en' }).expect(200);
    const bad = await mutasi.agent.put('/api/notifications/preferences').set('X-CSRF-Token', mutasi.csrf).send({ emailOptOut: ['everything'] }).expect(422);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(['emailOptOut']);
    expectDocumented('put', '/api/notifications/preferences', bad);
    const notAnObject = await mutasi.agent.put('/api/notifications/preferences').set('X-CSRF-Token', mutasi.csrf).send(['en']).expect(400);
    expect(notAnObject.body.error.code).toBe('BODY_REQUIRED');
    expectDocumented('put', '/api/notifications/preferences', notAnObject);
    const noCsrf = await mutasi.agent.put('/api/notifications/preferences').send({ language: 'id' }).expect(403);
    expectDocumented('put', '/api/notifications/preferences', noCsrf);
    const prefs = await mutasi.get('/api/notifications/preferences').expect(200);
    expect(prefs.body).toMatchObject({ language: 'en', email: 'bkpsdm.mutasi@surakarta.go.id' });
    expectDocumented('get', '/api/notifications/preferences', prefs);

    const created = await kepala.post('/api/processes/persetujuan-umum/cases').send({ title: 'Rotasi pengelola keuangan' }).expect(201);
    const caseId: string = created.body.id;

    // The assignee: a bell entry and an e-mail in English with a link to the case.
    // The bell speaks the language of the page (Accept-Language); e-mail the user's chosen one.
    const bell = await eventually(async () => {
      const res = await mutasi.get('/api/notifications').set('Accept-Language', 'en').expect(200);
      return res.body.items.some((n: { caseId: string }) => n.caseId === caseId) ? res.body : undefined;
    });
    expect(bell.unread).toBeGreaterThanOrEqual(1);
    expect(bell.items[0]).toMatchObject({ kind: 'task.assigned', caseId, subject: 'New task: Rotasi pengelola keuangan' });
    expectDocumented('get', '/api/notifications', await mutasi.get('/api/notifications?limit=1').expect(200));
    expectDocumented('get', '/api/notifications', await mutasi.get('/api/notifications?limit=0').expect(400));
    const toMutasi = await eventually(async () => smtp.to('bkpsdm.mutasi@surakarta.go.id')[0]);
    expect(toMutasi.raw).toContain('Subject: New task: Rotasi pengelola keuangan');
    expect(body(toMutasi.raw)).toContain(`http://alur.test/#/cases/${encodeURIComponent(caseId)}`);

    await mutasi.post(`/api/cases/${caseId}/actions/approve`).send({ stepId: 'verifikasi', comment: 'Lengkap' }).expect(200);
    // The initiator hears of the decision, in Bahasa Indonesia.
    const decided = await eventually(async () => smtp.to('kepala.dinkes@surakarta.go.id').find((m) => m.raw.includes('Keputusan pada usulan Anda')));
    // People are named by their names, not their logins.
    const mutasiName = (await h.db.em().findOneOrFail(User, { login: 'bkpsdm.mutasi' })).displayName;
    expect(mutasiName).not.toBe('bkpsdm.mutasi');
    expect(body(decided.raw)).toContain(`telah disetujui oleh ${mutasiName}.`);
    expect(body(decided.raw)).not.toContain('bkpsdm.mutasi');
    // The Sekda turned task e-mails off: the task shows in the bell, no e-mail comes.
    await eventually(async () => ((await sekda.get('/api/notifications')).body.items.some((n: { kind: string; caseId: string }) => n.caseId === caseId && n.kind === 'task.assigned') ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(smtp.to('sekda@surakarta.go.id')).toEqual([]);

    // Marking read.
    const before = (await mutasi.get('/api/notifications')).body.unread as number;
    const first = (await mutasi.get('/api/notifications')).body.items[0].id as string;
    expectDocumented('post', '/api/notifications/{id}/read', await mutasi.post(`/api/notifications/${encodeURIComponent(first)}/read`).send({}).expect(204));
    expect((await mutasi.get('/api/notifications')).body.unread).toBe(before - 1);
    // Another user's notification is not found for me.
    expectDocumented('post', '/api/notifications/{id}/read', await kepala.post(`/api/notifications/${encodeURIComponent(first)}/read`).send({}).expect(404));
    expectDocumented('post', '/api/notifications/read-all', await mutasi.post('/api/notifications/read-all').send({}).expect(204));
    expect((await mutasi.get('/api/notifications')).body.unread).toBe(0);
  });

  test('when the mail server is down for a while, then mail waits and is delivered once it is back, none lost and none twice', async () => {
    await smtp.stop();
    const created = await kepala.post('/api/processes/persetujuan-umum/cases').send({ title: 'Saat surel mati' }).expect(201);
    const caseId: string = created.body.id;
    const waiting = await eventually(async () => {
      const row = await h.db.em().findOne(MailMessage, { id: { $like: `${caseId}/%` }, toAddress: 'bkpsdm.mutasi@surakarta.go.id' });
      return row && row.attempts > 0 ? row : undefined;
    });
    expect(waiting.status).toBe('pending');
    expect(waiting.lastError).toBeTruthy();
    // The case itself was never held up by the mail.
    await mutasi.post(`/api/cases/${caseId}/actions/approve`).send({ stepId: 'verifikasi' }).expect(200);

    await smtp.start();
    const delivered = await eventually(async () => {
      const rows = await h.db.em().find(MailMessage, { id: { $like: `${caseId}/%` } });
      return rows.length > 0 && rows.every((r) => r.status === 'sent') ? rows : undefined;
    }, 30_000);
    for (const row of delivered) {
      const copies = smtp.received.filter((m) => m.raw.includes(`Subject: ${row.subject}`) && m.to.includes(row.toAddress));
      expect([row.id, copies.length]).toEqual([row.id, 1]);
    }
  });
});
