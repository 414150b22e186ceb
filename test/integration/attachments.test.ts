import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { openApiDocument } from '../../server/openapi';
import { openApiSchemas } from '../support/openapi-schemas';
import { eventually, signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')]);

const documented = openApiSchemas(openApiDocument());

/** Asserts that a real answer is the one the OpenAPI document describes for it. */
function expectDocumented(method: string, route: string, res: Response): void {
  expect({ route, status: res.status, problems: documented.problems(method, route, res.status, res.body) })
    .toEqual({ route, status: res.status, problems: [] });
}

describe.each(testDatabases())('attachments ($name)', (database) => {
  let h: Harness;
  let kepala: SignedIn;
  let mutasi: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    h = await startHarness(database.config(), { seed: true });
    kepala = await signIn(h.app, 'kepala.dinkes');
    mutasi = await signIn(h.app, 'bkpsdm.mutasi');
    other = await signIn(h.app, 'kepala.diskominfo');
  });
  afterAll(async () => {
    await h?.close();
  });

  const upload = (who: SignedIn, body: Buffer, type: string, name = 'sk-pelantikan.pdf') =>
    who.post('/api/attachments').set('Content-Type', type).set('X-File-Name', encodeURIComponent(name)).send(body);

  test('when a PDF is uploaded, then it is stored with its hash and only its uploader (and the people of a case that cites it) may read it', async () => {
    const stored = await upload(kepala, PDF, 'application/pdf').expect(201);
    expect(stored.body).toMatchObject({ name: 'sk-pelantikan.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
    expect(stored.headers.location).toBe(`/api/attachments/${stored.body.id}`);
    expectDocumented('post', '/api/attachments', stored);
    const own = await kepala.get(`/api/attachments/${stored.body.id}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(Buffer.compare(own.body as Buffer, PDF)).toBe(0);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers.etag).toBe(`"${stored.body.sha256 as string}"`);
    const unchanged = await kepala.get(`/api/attachments/${stored.body.id}`).set('If-None-Match', own.headers.etag as string).expect(304);
    expectDocumented('get', '/api/attachments/{id}', unchanged);
    expectDocumented('get', '/api/attachments/{id}', await other.get(`/api/attachments/${stored.body.id}`).expect(403));
    await mutasi.get(`/api/attachments/${stored.body.id}`).expect(403);

    // Once a case's data refers to it, the case's assignee may read it too.
    const started = await kepala.post('/api/processes/persetujuan-umum/cases').send({ title: 'Dengan lampiran', data: { lampiran: stored.body.id } }).expect(201);
    await eventually(async () => ((await mutasi.get('/api/tasks')).body.items.some((t: { caseId: string }) => t.caseId === started.body.id) ? true : undefined));
    expectDocumented('get', '/api/attachments/{id}/meta', await mutasi.get(`/api/attachments/${stored.body.id}/meta`).expect(200));
    expectDocumented('get', '/api/attachments/{id}/meta', await other.get(`/api/attachments/${stored.body.id}/meta`).expect(403));
  });

  test('when an upload is of the wrong type, lies about its type, is empty or too large, then it is refused with a clear status', async () => {
    const exe = await upload(kepala, Buffer.from('MZ\x90\x00'), 'application/x-msdownload').expect(415);
    expect(exe.body.error.code).toBe('ATTACHMENT_TYPE');
    expectDocumented('post', '/api/attachments', exe);
    const fake = await upload(kepala, Buffer.from('<html>not a pdf</html>'), 'application/pdf').expect(415);
    expect(fake.body.error.code).toBe('ATTACHMENT_CONTENT_MISMATCH');
    expectDocumented('post', '/api/attachments', await upload(kepala, Buffer.alloc(0), 'image/png').expect(400));
    const big = await upload(kepala, Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(11 * 1024 * 1024)]), 'application/pdf').expect(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expectDocumented('post', '/api/attachments', big);
    expectDocumented('get', '/api/attachments/{id}', await kepala.get('/api/attachments/00000000-0000-4000-8000-000000000000').expect(404));
    expectDocumented('get', '/api/attachments/{id}/meta', await kepala.get('/api/attachments/00000000-0000-4000-8000-000000000000/meta').expect(404));
  });
});
