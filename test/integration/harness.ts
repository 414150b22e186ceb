import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createMailTransport, createRegistryDirectory, defaultEffects, loadRegistryCalendar, type EffectHandler, type MailTransport } from '../../activities';
import { mailDispatcher } from '../../workflows/mail-dispatcher';
import request from 'supertest';
import { DEMO_PASSWORD, ensureDefaultDefinitions, ensureDefaultForms, initORM, seedIfEmpty, type Database, type DatabaseConfig } from '../../db';
import { defaultDefinitions } from '../../processes/defaults';
import { createApp } from '../../server/app';
import type { Logger } from '../../config';
import { createWorker } from '../../worker/worker';
import { freshDatabase } from './fresh-database';
import { requireEnv } from './test-env';

// Keep test output to what matters: the SDK logs every worker state change at INFO.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by an earlier test file in this Jest worker process.
}

export { requireEnv, testDatabases } from './test-env';
export type { TestDatabase } from './test-env';

export interface Harness {
  app: Express;
  /** The database actually used (a seeded PostgreSQL harness gets a fresh database of its own). */
  database: DatabaseConfig;
  client: Client;
  connection: Connection;
  db: Database;
  taskQueue: string;
  address: string;
  /** Stops the in-process worker (other workers on the same task queue may take over). */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** false: no in-process worker; the test brings its own. */
  worker?: boolean;
  /** Extra effects the test's definitions name, beside the default ones. */
  effects?: Record<string, EffectHandler>;
  /** Seed the demo registry (when empty) and publish the default process definitions. */
  seed?: boolean;
  /** Where mail goes (default: .eml files in a temporary outbox). */
  mail?: MailTransport;
  /** Run the mail dispatcher workflow on the harness's task queue, polling this often. */
  mailDispatcherIdleSeconds?: number;
  mailRetryBaseMs?: number;
  /** Logger for the worker's activities and the API (default: none / silent). */
  logger?: Logger;
  /** Serve this built web UI (e.g. web/dist) beside the API, as `npm start` does; none by default. */
  webDir?: string;
}

/** A migrated database, an in-process worker on a task queue of its own, a client, and the app. */
export async function startHarness(database: DatabaseConfig, options: HarnessOptions = {}): Promise<Harness> {
  const address = requireEnv('ALUR_TEST_TEMPORAL_ADDRESS');
  const taskQueue = `test-${randomUUID()}`;
  // The demo seed needs an empty registry; on the run's shared PostgreSQL database other test
  // files have already added users, so a seeded harness gets a database of its own.
  const fresh = options.seed && database.kind === 'postgresql' ? await freshDatabase('postgresql') : undefined;
  if (fresh) database = fresh.config;
  const db = await initORM(database);
  await db.migrate();
  if (options.seed) {
    await seedIfEmpty(db);
    // Definitions may reference only published forms.
    await ensureDefaultForms(db.em());
    await ensureDefaultDefinitions(db.em(), defaultDefinitions);
  }

  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;
  let nativeConnection: NativeConnection | undefined;
  if (options.worker !== false) {
    nativeConnection = await NativeConnection.connect({ address });
    worker = await createWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      deps: {
        db,
        directory: createRegistryDirectory(db),
        calendar: () => loadRegistryCalendar(db),
        effects: { ...defaultEffects, ...options.effects },
        appUrl: 'http://alur.test',
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.mailRetryBaseMs ? { mailRetryBaseMs: options.mailRetryBaseMs } : {}),
        mail: options.mail ?? createMailTransport({ from: 'Alur <alur@test>', outboxDir: path.join(requireEnv('ALUR_TEST_TMP'), `outbox-${taskQueue}`) }),
      },
      workflowBundle: { codePath: requireEnv('ALUR_TEST_WORKFLOW_BUNDLE') },
    });
    workerRun = worker.run();
  }
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: 'default' });
  if (options.mailDispatcherIdleSeconds !== undefined) {
    await client.workflow.start(mailDispatcher, {
      workflowId: `mail-dispatcher-${taskQueue}`, taskQueue, args: [{ idleSeconds: options.mailDispatcherIdleSeconds }],
    });
  }
  const dataDir = path.join(requireEnv('ALUR_TEST_TMP'), `data-${randomUUID()}`);
  // The same address as the worker's: both publish snapshots, and so both write e-mail links.
  const app = createApp({ client, connection, taskQueue, db, dataDir, appUrl: 'http://alur.test', ...(options.logger ? { logger: options.logger } : {}), webDir: options.webDir ?? path.join(requireEnv('ALUR_TEST_TMP'), 'no-web') });

  const stopWorker = async () => {
    if (worker && worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun;
  };
  return {
    app, database, client, connection, db, taskQueue, address, stopWorker,
    close: async () => {
      if (options.mailDispatcherIdleSeconds !== undefined) {
        await client.workflow.getHandle(`mail-dispatcher-${taskQueue}`).terminate('test over').catch(() => undefined);
      }
      await stopWorker();
      await nativeConnection?.close();
      await connection.close();
      await db.close();
      await fresh?.drop();
    },
  };
}

/** Polls until `check` returns a value (not undefined), for eventually consistent reads. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface SignedIn {
  agent: request.Agent;
  csrf: string;
  /** A request with the session cookie and the CSRF header set. */
  post(url: string): request.Test;
  get(url: string): request.Test;
}

/** Signs a demo user in through the API, as the browser does. */
export async function signIn(app: Express, login: string): Promise<SignedIn> {
  const agent = request.agent(app);
  const res = await agent.post('/api/auth/login').send({ login, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const csrf = res.body.csrfToken as string;
  return {
    agent,
    csrf,
    post: (url) => agent.post(url).set('X-CSRF-Token', csrf),
    get: (url) => agent.get(url),
  };
}
