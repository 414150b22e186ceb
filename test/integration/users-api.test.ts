import request, { type Response } from 'supertest';
import { User } from '../../db';
import { ensurePublicUser } from '../../server/feedback/public-user';
import { openApiDocument } from '../../server/openapi';
import { openApiSchemas } from '../support/openapi-schemas';
import { signIn, startHarness, testDatabases, type Harness, type SignedIn } from './harness';

const documented = openApiSchemas(openApiDocument());

/** Asserts that a real answer is the one the OpenAPI document describes for it. */
function expectDocumented(res: Response): void {
  const problems = documented.problems('get', '/api/users/names', res.status, res.body);
  expect({ status: res.status, problems }).toEqual({ status: res.status, problems: [] });
}

const names = (...logins: string[]) => `/api/users/names?${logins.map((l) => `login=${encodeURIComponent(l)}`).join('&')}`;

describe.each(testDatabases())('user names API ($name)', (database) => {
  let h: Harness;
  let kepala: SignedIn;

  beforeAll(async () => {
    // The demo registry's users; no worker, as no case runs here.
    h = await startHarness(database.config(), { seed: true, worker: false });
    await ensurePublicUser(h.db.em().fork());
    kepala = await signIn(h.app, 'kepala.dinkes');
  });

  afterAll(async () => {
    await h?.close();
  });

  test('when a signed-in officer asks for several logins, then each known one comes back with its name only, in the order asked', async () => {
    const em = h.db.em().fork();
    const [mutasi, sekda] = await Promise.all([em.findOneOrFail(User, { login: 'bkpsdm.mutasi' }), em.findOneOrFail(User, { login: 'sekda' })]);
    // A former officer keeps their name on the cases they worked on.
    await em.nativeUpdate(User, { login: 'hukum' }, { active: false });
    const hukum = await em.fork().findOneOrFail(User, { login: 'hukum' });

    const res = await kepala.get(names('sekda', 'bkpsdm.mutasi', 'nobody.here', 'publik', 'system', 'hukum', 'sekda')).expect(200);
    expectDocumented(res);
    expect(res.body).toEqual({
      items: [
        { login: 'sekda', displayName: sekda.displayName, kind: 'person' },
        { login: 'bkpsdm.mutasi', displayName: mutasi.displayName, kind: 'person' },
        { login: 'publik', displayName: 'Masyarakat (pelapor publik)', kind: 'public' },
        { login: 'system', displayName: 'Alur (sistem)', kind: 'system' },
        { login: 'hukum', displayName: hukum.displayName, kind: 'person' },
      ],
    });
    // toEqual refuses extra keys: nothing beyond the name (no e-mail address, NIP, roles or units).
    expect(mutasi.displayName).not.toBe('bkpsdm.mutasi');
    expect(JSON.stringify(res.body)).not.toContain('@');
  });

  test('when one login is asked, then the answer is a list of one', async () => {
    const res = await kepala.get(names('kepala.dinkes')).expect(200);
    expectDocumented(res);
    expect(res.body.items).toEqual([{ login: 'kepala.dinkes', displayName: expect.any(String), kind: 'person' }]);
  });

  test('when nobody is signed in, then it is 401', async () => {
    const res = await request(h.app).get(names('sekda')).expect(401);
    expectDocumented(res);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  test('when no login, more than 100 or an over-long one is asked, then it is 400 INVALID_LOGINS in the reader\'s language', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `pengguna.${i}`);
    for (const url of ['/api/users/names', '/api/users/names?login=', names(...many), names('x'.repeat(101))]) {
      const res = await kepala.get(url).set('Accept-Language', 'en');
      expectDocumented(res);
      expect([url.slice(0, 40), res.status, res.body.error?.code]).toEqual([url.slice(0, 40), 400, 'INVALID_LOGINS']);
      expect(res.body.error.message).toContain('1–100 logins');
    }
    // A hundred distinct logins are fine, and duplicates count once.
    const hundred = await kepala.get(names(...many.slice(0, 100), 'pengguna.0')).expect(200);
    expect(hundred.body.items).toEqual([]);
  });
});
