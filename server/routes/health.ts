import { Router } from 'express';
import type { Connection } from '@temporalio/client';
import type { Database } from '../../db';

export interface HealthDeps {
  connection: Connection;
  db: Database;
}

const PROBE_TIMEOUT_MS = 2000;

/** GET /api/health: 200 when Temporal and the database both answer, 503 otherwise. */
export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [temporal, database] = await Promise.all([probeTemporal(deps.connection), probeDatabase(deps.db)]);
    const ok = temporal.status === 'up' && database.status === 'up';
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      temporal,
      database: { ...database, driver: deps.db.kind },
    });
  });
  return router;
}

async function probeTemporal(connection: Connection): Promise<{ status: 'up' | 'down'; message?: string }> {
  try {
    await connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () => connection.healthService.check({}));
    return { status: 'up' };
  } catch (err) {
    return { status: 'down', message: err instanceof Error ? err.message : String(err) };
  }
}

async function probeDatabase(db: Database): Promise<{ status: 'up' | 'down'; message?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: false; reason: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${PROBE_TIMEOUT_MS} ms` }), PROBE_TIMEOUT_MS);
  });
  const result = await Promise.race([db.check(), timeout]);
  clearTimeout(timer);
  return result.ok ? { status: 'up' } : { status: 'down', message: result.reason };
}
