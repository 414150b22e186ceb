// `npm run server`: the API server, which also serves the built web UI.
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { ConfigError, createLogger, loadConfig } from '../config';
import { initORM } from '../db';
import { clusterTarget, localTarget } from '../temporal';
import { createApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const target = config.temporal.address
    ? clusterTarget()
    : localTarget(`127.0.0.1:${config.temporal.devServerPort}`, config.temporal.namespace);
  const db = await initORM(config.database);
  const applied = await db.migrate();
  if (applied.length > 0) console.log(`[server] applied migrations: ${applied.join(', ')}`);
  // Lazy: the API comes up (and /api/health reports 503) even while Temporal is still starting.
  const connection = Connection.lazy(target.connection);
  const client = new Client({ connection, namespace: target.namespace });
  const app = createApp({ client, connection, taskQueue: config.temporal.taskQueue, db, dataDir: config.dataDir, appUrl: config.appUrl, metricsToken: config.metricsToken, logger: createLogger('alur-server', config.logLevel) });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  console.log(`[server] listening on http://localhost:${config.port} (Temporal ${target.connection.address}, ${db.kind} database)`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    await connection.close();
    await db.close();
    console.log('[server] stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
