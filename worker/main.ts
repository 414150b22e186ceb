// `npm run worker`: runs the Alur worker until SIGINT/SIGTERM (or until the process that
// started it goes away).
import { Client, Connection } from '@temporalio/client';
import { mailDispatcher } from '../workflows/mail-dispatcher';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { loadConfig, ConfigError, createLogger } from '../config';
import path from 'node:path';
import { createMailTransport, createRegistryDirectory, defaultEffects, loadRegistryCalendar } from '../activities';
import { initORM } from '../db';
import { clusterTarget, ensureSearchAttributes, localTarget, type TemporalTarget } from '../temporal';
import { bundleWorkflows, createWorker } from './worker';
import { startPublicationSweeper } from './publication-sweeper';

async function main(): Promise<void> {
  const config = loadConfig();
  Runtime.install({
    logger: new DefaultLogger(config.logLevel.toUpperCase() as LogLevel),
    ...(config.workerMetricsPort
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `0.0.0.0:${config.workerMetricsPort}` } } } }
      : {}),
  });
  const target: TemporalTarget = config.temporal.address
    ? clusterTarget()
    : localTarget(`127.0.0.1:${config.temporal.devServerPort}`, config.temporal.namespace);

  const db = await initORM(config.database);
  const applied = await db.migrate();
  if (applied.length > 0) console.log(`[worker] applied migrations: ${applied.join(', ')}`);

  const connection = await connectWithRetry(target);
  await registerSearchAttributes(target);
  const worker = await createWorker({
    connection,
    namespace: target.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: {
      db,
      directory: createRegistryDirectory(db),
      calendar: () => loadRegistryCalendar(db),
      effects: defaultEffects,
      appUrl: config.appUrl,
      logger: createLogger('alur-worker', config.logLevel),
      mail: createMailTransport({ ...config.mail, outboxDir: path.join(config.dataDir, 'outbox') }),
    },
    workflowBundle: await bundleWorkflows(),
  });
  await startMailDispatcher(target, config.temporal.taskQueue);
  // Publishes the answers the API promised but could not publish (it died in between).
  const sweeperConnection = await Connection.connect(target.connection);
  const sweeper = startPublicationSweeper({
    db,
    client: new Client({ connection: sweeperConnection, namespace: target.namespace }),
    appUrl: config.appUrl,
    logger: createLogger('alur-publication-sweeper', config.logLevel),
  });
  // When started by `npm start`, leave with the parent instead of lingering as an orphan.
  process.on('disconnect', () => worker.shutdown());
  console.log(`[worker] polling task queue "${config.temporal.taskQueue}" on ${target.connection.address} (namespace ${target.namespace})`);
  try {
    await worker.run();
  } finally {
    await sweeper.stop();
    await sweeperConnection.close();
    await connection.close();
    await db.close();
  }
  console.log('[worker] stopped');
  // An open IPC channel to `npm start` would keep the process alive.
  process.exit(0);
}

async function connectWithRetry(target: TemporalTarget): Promise<NativeConnection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect(target.connection);
    } catch (err) {
      if (attempt % 10 === 1) {
        console.warn(`[worker] Temporal at ${target.connection.address} is not reachable yet (${err instanceof Error ? err.message : String(err)}); retrying`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * attempt)));
    }
  }
}

/** One mail dispatcher per task queue; starting it again finds the running one. */
async function startMailDispatcher(target: TemporalTarget, taskQueue: string): Promise<void> {
  const connection = await Connection.connect(target.connection);
  try {
    const client = new Client({ connection, namespace: target.namespace });
    await client.workflow.start(mailDispatcher, {
      workflowId: `alur-mail-dispatcher-${taskQueue}`,
      taskQueue,
      args: [{ idleSeconds: 5 }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  } finally {
    await connection.close();
  }
}

async function registerSearchAttributes(target: TemporalTarget): Promise<void> {
  const connection = await Connection.connect(target.connection);
  try {
    const added = await ensureSearchAttributes(connection, target.namespace);
    if (added.length > 0) console.log(`[worker] registered search attributes: ${added.join(', ')}`);
  } catch (err) {
    // A cluster may not let this identity manage search attributes; an operator can add them.
    console.warn(`[worker] could not check or register search attributes: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
