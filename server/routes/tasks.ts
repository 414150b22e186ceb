import { Router } from 'express';
import type { FilterQuery } from '@mikro-orm/core';
import { CaseRecord, CaseTask, type Database } from '../../db';
import { currentUser, requireAuth } from '../auth/middleware';
import { parseLimit } from '../query-params';
import { afterTimeCursor, decodeTimeCursor, encodeTimeCursor } from '../time-cursor';

/** GET /api/tasks: the signed-in user's inbox, newest first, by cursor; GET /api/tasks/counts. */
export function taskRoutes(deps: { db: Database }): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/', async (req, res) => {
    const user = currentUser(req);
    const limit = parseLimit(req.query.limit);
    const cursor = decodeTimeCursor(req.query.cursor);
    const em = deps.db.em();
    const where: FilterQuery<CaseTask> = {
      $and: [
        { userId: user.login, status: 'open' },
        typeof req.query.process === 'string' ? { processKey: req.query.process } : {},
        afterTimeCursor(cursor),
      ],
    };
    const rows = await em.find(CaseTask, where, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: limit + 1 });
    const page = rows.slice(0, limit);
    // Only the titles: a case row's state (the whole case with its events) is not read for a list.
    const cases = new Map((await em.find(CaseRecord, { id: { $in: page.map((t) => t.caseId) } }, { fields: ['id', 'title'] })).map((c) => [c.id, c]));
    const last = page[page.length - 1];
    res.json({
      items: page.map((task) => {
        const row = cases.get(task.caseId);
        return {
          id: task.id,
          caseId: task.caseId,
          process: task.processKey,
          title: row?.title ?? null,
          stepId: task.stepId,
          substituteFor: task.substituteFor,
          createdAt: task.createdAt.toISOString(),
          dueAt: task.dueAt?.toISOString() ?? null,
        };
      }),
      nextCursor: rows.length > limit && last ? encodeTimeCursor(last) : null,
    });
  });

  router.get('/counts', async (req, res) => {
    const user = currentUser(req);
    const rows = await deps.db.em().find(CaseTask, { userId: user.login, status: 'open' }, { fields: ['processKey'] });
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.processKey] = (counts[row.processKey] ?? 0) + 1;
    res.json({ total: rows.length, byProcess: counts });
  });

  return router;
}
