import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { initORM } from '../../db';
import { createApp } from '../../server/app';
import { freePort } from './free-port';
import { DEMO_PASSWORD, seedIfEmpty } from '../../db';
import { freshDatabase } from './fresh-database';
import { requireEnv, testDatabases } from './test-env';

describe.each(testDatabases())('GET /api/health ($name)', (database) => {
  test('when Temporal and the database answer, then 200 with both up', async () => {
    const db = await initORM(database.config());
    const connection = await Connection.connect({ address: requireEnv('ALUR_TEST_TEMPORAL_ADDRESS') });
    try {
      const app = createApp({ client: new Client({ connection }), connection, taskQueue: 'unused', db });
      const res = await request(app).get('/api/health').expect(200);
      expect(res.body).toEqual({ status: 'ok', temporal: { status: 'up' }, database: { status: 'up', driver: database.name } });
    } finally {
      await connection.close();
      await db.close();
    }
  });

  test('when Temporal cannot be reached, then 503 names Temporal as down, and case reads say why', async () => {
    const fresh = await freshDatabase(database.name);
    const db = await initORM(fresh.config);
    await db.migrate();
    await seedIfEmpty(db);
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    try {
      const app = createApp({ client: new Client({ connection }), connection, taskQueue: 'unused', db });
      const res = await request(app).get('/api/health').expect(503);
      expect(res.body).toMatchObject({ status: 'unavailable', temporal: { status: 'down' }, database: { status: 'up' } });

      // Signing in needs only the database; reading a case needs Temporal, and says so.
      const agent = request.agent(app);
      await agent.post('/api/auth/login').send({ login: 'sekda', password: DEMO_PASSWORD }).expect(200);
      const read = await agent.get('/api/cases/case-anything').set('Accept-Language', 'en').expect(503);
      expect(read.headers['retry-after']).toBe('5');
      expect(read.body.error.code).toBe('TEMPORAL_UNAVAILABLE');
      expect(read.body.error.message).toContain('Temporal');
    } finally {
      await connection.close();
      await db.close();
      await fresh.drop();
    }
  });

  test('when the database is down, then 503 names the database as down', async () => {
    const db = await initORM(database.config());
    const connection = await Connection.connect({ address: requireEnv('ALUR_TEST_TEMPORAL_ADDRESS') });
    try {
      const app = createApp({ client: new Client({ connection }), connection, taskQueue: 'unused', db });
      await db.close();
      const res = await request(app).get('/api/health').expect(503);
      expect(res.body).toMatchObject({ status: 'unavailable', temporal: { status: 'up' }, database: { status: 'down', driver: database.name } });
    } finally {
      await connection.close();
    }
  });
});
