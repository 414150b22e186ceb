import { Router } from 'express';
import { FeedbackRating, OrgUnit, type Database } from '../../db';
import { SKM_ELEMENTS } from '../../forms/defaults/feedback-forms';
import { requireAuth } from '../auth/middleware';
import { ValidationError } from '../errors';
import { satisfactionIndex, type SatisfactionIndex, type SkmScores } from '../feedback/satisfaction-index';
import { message, requestLanguage } from '../messages';
import { todayInWib } from '../registry';

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Public feedback for signed-in staff: the satisfaction index per OPD. */
export function feedbackRoutes(deps: { db: Database }): Router {
  const router = Router();
  router.use(requireAuth);

  /**
   * The community satisfaction index (IKM, PermenPANRB 14/2017) of each OPD from the ratings
   * citizens gave in a calendar year (WIB; this year by default), and of all OPDs together.
   */
  router.get('/satisfaction', async (req, res) => {
    const year = parseYear(req.query.year, requestLanguage(req));
    const em = deps.db.em();
    const ratings = await em.find(FeedbackRating, {
      ratedAt: { $gte: new Date(Date.UTC(year, 0, 1) - WIB_OFFSET_MS), $lt: new Date(Date.UTC(year + 1, 0, 1) - WIB_OFFSET_MS) },
    });
    const byUnit = new Map<number | null, SkmScores[]>();
    for (const rating of ratings) {
      const scores = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, rating[e]])) as SkmScores;
      byUnit.set(rating.unitId, [...(byUnit.get(rating.unitId) ?? []), scores]);
    }
    const unitIds = [...byUnit.keys()].filter((id): id is number => id !== null);
    const units = new Map((await em.find(OrgUnit, { id: { $in: unitIds } })).map((u) => [u.id, u]));
    const rows = [...byUnit].map(([unitId, scores]) => {
      const unit = unitId === null ? undefined : units.get(unitId);
      return { unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null, ...(satisfactionIndex(scores) as SatisfactionIndex) };
    });
    rows.sort((a, b) => (a.unit?.name ?? '').localeCompare(b.unit?.name ?? '', 'id'));
    res.json({ year, units: rows, overall: satisfactionIndex([...byUnit.values()].flat()) });
  });

  return router;
}

function parseYear(raw: unknown, language: 'id' | 'en'): number {
  if (raw === undefined || raw === '') return Number(todayInWib().slice(0, 4));
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(year >= 2000 && year <= 2100)) throw new ValidationError({ year: [message('FEEDBACK_INVALID_YEAR', language)] });
  return year;
}
