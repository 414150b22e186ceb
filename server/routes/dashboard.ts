import { Router } from 'express';
import type { Database } from '../../db';
import { currentUser, requireRole } from '../auth/middleware';
import { REGISTRY_WIDE_ROLES, unitScopeOf } from '../auth/unit-scope';
import { buildDashboard } from '../dashboard/dashboard';
import { parseDashboardPeriod } from '../dashboard/dashboard-period';

/** Who reads the dashboard: the registry-wide roles (every unit) and a kepala OPD (their own unit and the units below it). */
export const DASHBOARD_READERS = [...REGISTRY_WIDE_ROLES, 'kepala_opd'];

/**
 * GET /api/dashboard?from=&to=: open cases, deadline breaches, cycle times per process and step,
 * 20-JP compliance and the satisfaction index, each per process and/or OPD (server/dashboard).
 */
export function dashboardRoutes(deps: { db: Database }): Router {
  const router = Router();
  router.use(requireRole(...DASHBOARD_READERS));

  router.get('/', async (req, res) => {
    const now = new Date();
    const period = parseDashboardPeriod(req.query.from, req.query.to, now);
    const user = currentUser(req);
    const em = deps.db.em();
    const scope = await unitScopeOf(em, user);
    res.json(await buildDashboard(em, deps.db.kind, { period, scope, scopeUnitId: scope === 'all' ? null : user.unitScopeId, now }));
  });

  return router;
}
