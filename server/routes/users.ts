import { Router } from 'express';
import type { Database } from '../../db';
import { requireAuth } from '../auth/middleware';
import { parseLogins, userNames } from '../use-cases/user-names';

/** /api/users: what every signed-in user may read about others, so pages show people rather than logins. */
export function userRoutes(deps: { db: Database }): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/names', async (req, res) => {
    res.json({ items: await userNames(deps.db.em(), parseLogins(req.query.login)) });
  });

  return router;
}
