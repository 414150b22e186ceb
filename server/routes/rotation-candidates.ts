import { Router } from 'express';
import { findRotationCandidates } from '../../activities/rotation-candidates';
import { wibDay } from '../../activities/wib-day';
import type { Database } from '../../db';
import { currentUser, requireRole } from '../auth/middleware';
import { unitScopeOf } from '../auth/unit-scope';
import { HttpError } from '../errors';
import { parseId, parseLimit } from '../query-params';

/** Who may ask for candidates: the proposers of a rotation, and administrators. */
export const CANDIDATE_READERS = ['kepala_opd', 'bkpsdm_mutasi', 'administrator'];

/**
 * /api/rotation: `GET /candidates?positionId=&limit=` ranks eligible employees for a position
 * (top `limit`, 20 by default, at most 100), each with the components of their score. A kepala
 * OPD sees candidates from their own unit only; BKPSDM and administrators see everyone.
 */
export function rotationCandidateRoutes(deps: { db: Database }): Router {
  const router = Router();
  router.use(requireRole(...CANDIDATE_READERS));

  router.get('/candidates', async (req, res) => {
    const positionId = parseId(req.query.positionId, 'INVALID_POSITION_ID');
    const limit = parseLimit(req.query.limit);
    const em = deps.db.em();
    const result = await findRotationCandidates(em, {
      positionId, limit, scope: await unitScopeOf(em, currentUser(req)), today: wibDay(new Date()),
    });
    if (!result) throw new HttpError(404, 'POSITION_NOT_FOUND', { positionId });
    res.json({ ...result, limit });
  });

  return router;
}
