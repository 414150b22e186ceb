import { Router } from 'express';
import type { Database } from '../../db';
import { bodyObject, clearAbsence, readAbsence, setAbsence, substituteCandidates } from '../admin';
import { currentUser, requireAuth } from '../auth/middleware';
import { parseLimit, parseSearch } from '../query-params';
import { todayInWib } from '../registry';
import { adminContext } from './admin';

/** /api/me: what every signed-in user sets for themselves, their absence and substitute. */
export function meRoutes(deps: { db: Database }): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/absence', async (req, res) => {
    res.json(await readAbsence(deps.db.em(), currentUser(req).id, todayInWib()));
  });

  router.put('/absence', async (req, res) => {
    res.json(await setAbsence(deps.db.em(), currentUser(req).id, bodyObject(req), adminContext(req)));
  });

  router.delete('/absence', async (req, res) => {
    res.json(await clearAbsence(deps.db.em(), currentUser(req).id, adminContext(req)));
  });

  router.get('/substitute-candidates', async (req, res) => {
    res.json(await substituteCandidates(deps.db.em(), {
      search: parseSearch(req.query.search), limit: parseLimit(req.query.limit), today: todayInWib(),
    }));
  });

  return router;
}
