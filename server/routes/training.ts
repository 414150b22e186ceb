import { Router } from 'express';
import { YEARLY_JP_RIGHT } from '../../activities/training-checks';
import { wibDay } from '../../activities/wib-day';
import { OrgUnit, type Database } from '../../db';
import { currentUser, requireRole } from '../auth/middleware';
import { REGISTRY_WIDE_ROLES, scopeIncludes, unitScopeOf } from '../auth/unit-scope';
import { HttpError } from '../errors';
import { parseLimit, parseOptionalId } from '../query-params';
import { jpReport } from '../training/jp-report';

/** Who reads the 20-JP report: the registry-wide roles, and a kepala OPD for their own unit. */
export const JP_REPORT_READERS = [...REGISTRY_WIDE_ROLES, 'kepala_opd'];

/**
 * /api/training: `GET /jp-report?year=&unitId=&threshold=&limit=&offset=` lists the employees
 * below the yearly JP right (20 JP by default) and the compliance of each OPD. The year defaults
 * to the current one (WIB); a kepala OPD sees their own unit only.
 */
export function trainingRoutes(deps: { db: Database }): Router {
  const router = Router();
  router.use(requireRole(...JP_REPORT_READERS));

  router.get('/jp-report', async (req, res) => {
    const year = parseWhole(req.query.year, 2000, 2100, 'INVALID_YEAR') ?? Number(wibDay(new Date()).slice(0, 4));
    const threshold = parseWhole(req.query.threshold, 1, 1000, 'INVALID_THRESHOLD') ?? YEARLY_JP_RIGHT;
    const limit = parseLimit(req.query.limit);
    const offset = parseWhole(req.query.offset, 0, Number.MAX_SAFE_INTEGER, 'INVALID_OFFSET') ?? 0;
    const unitId = parseOptionalId(req.query.unitId, 'INVALID_UNIT_ID');
    const em = deps.db.em();
    const scope = await unitScopeOf(em, currentUser(req));
    if (unitId !== undefined) {
      if (!(await em.count(OrgUnit, { id: unitId }))) throw new HttpError(404, 'UNIT_NOT_FOUND', { unitId });
      if (!scopeIncludes(scope, unitId)) throw new HttpError(403, 'UNIT_OUT_OF_SCOPE', { unitId });
    }
    res.json(await jpReport(em, { year, threshold, limit, offset, scope, ...(unitId === undefined ? {} : { unitId }) }));
  });

  return router;
}

function parseWhole(raw: unknown, min: number, max: number, code: 'INVALID_YEAR' | 'INVALID_THRESHOLD' | 'INVALID_OFFSET'): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = typeof raw === 'string' && /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new HttpError(400, code, { value: typeof raw === 'string' ? raw : null });
  return value;
}
