import { Router } from 'express';
import type { Database } from '../../db';
import { currentUser, requireAuth } from '../auth/middleware';
import { parseLimit } from '../query-params';
import { decodeTimeCursor } from '../time-cursor';
import { inboxCounts, inboxPage } from '../use-cases/inbox';

/** GET /api/tasks: the signed-in user's inbox, newest first, by cursor; GET /api/tasks/counts. */
export function taskRoutes(deps: { db: Database }): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/', async (req, res) => {
    const user = currentUser(req);
    const limit = parseLimit(req.query.limit);
    const cursor = decodeTimeCursor(req.query.cursor);
    const processKey = typeof req.query.process === 'string' ? req.query.process : undefined;
    res.json(await inboxPage(deps.db.em(), { userId: user.login, processKey, cursor, limit }));
  });

  router.get('/counts', async (req, res) => {
    res.json(await inboxCounts(deps.db.em(), currentUser(req).login));
  });

  return router;
}
