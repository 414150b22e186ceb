import { Router, type Request } from 'express';
import { isRole, type Database } from '../../db';
import {
  ADMIN_ROLE, bodyObject, clearAbsence, createCalendarDay, createFreezePeriod, createUser, deleteCalendarDay, deleteFreezePeriod,
  listCalendarYear, listFreezePeriods, listUsers, readUser, resetPassword, setAbsence, updateCalendarDay, updateFreezePeriod,
  updateUser, type AdminContext,
} from '../admin';
import { currentUser, requireRole } from '../auth/middleware';
import { HttpError } from '../errors';
import { requestLanguage } from '../messages';
import { parseCursor, parseId, parseLimit, parseOptionalFlag, parseSearch } from '../query-params';
import { todayInWib } from '../registry';

export interface AdminRouteDeps {
  db: Database;
}

/** The context of an administration write: the request's language, the signed-in actor, the clock. */
export function adminContext(req: Request): AdminContext {
  const user = currentUser(req);
  const now = new Date();
  return { language: requestLanguage(req), actor: { id: user.id, login: user.login }, now, today: todayInWib(now) };
}

/**
 * /api/admin, for administrators only: users and roles, anyone's absence, the working-day calendar
 * and the election-freeze periods.
 */
export function adminRoutes(deps: AdminRouteDeps): Router {
  const router = Router();
  router.use(requireRole(ADMIN_ROLE));

  router.get('/users', async (req, res) => {
    const role = req.query.role;
    if (role !== undefined && role !== '' && !isRole(role)) throw new HttpError(400, 'INVALID_ROLE');
    res.json(await listUsers(deps.db.em(), {
      search: parseSearch(req.query.search),
      role: isRole(role) ? role : undefined,
      active: parseOptionalFlag(req.query.active, 'INVALID_ACTIVE'),
      cursor: parseCursor(req.query.cursor),
      limit: parseLimit(req.query.limit),
    }));
  });

  router.post('/users', async (req, res) => {
    const created = await createUser(deps.db.em(), bodyObject(req), adminContext(req));
    res.status(201).location(`/api/admin/users/${created.id}`).json(created);
  });

  router.get('/users/:id', async (req, res) => {
    res.json(await readUser(deps.db.em(), parseId(req.params.id)));
  });

  router.patch('/users/:id', async (req, res) => {
    res.json(await updateUser(deps.db.em(), parseId(req.params.id), bodyObject(req), adminContext(req)));
  });

  router.post('/users/:id/password', async (req, res) => {
    await resetPassword(deps.db.em(), parseId(req.params.id), bodyObject(req), { ...adminContext(req), sessionId: req.auth!.sessionId });
    res.status(204).end();
  });

  router.put('/users/:id/absence', async (req, res) => {
    res.json(await setAbsence(deps.db.em(), parseId(req.params.id), bodyObject(req), adminContext(req)));
  });

  router.delete('/users/:id/absence', async (req, res) => {
    res.json(await clearAbsence(deps.db.em(), parseId(req.params.id), adminContext(req)));
  });

  router.get('/calendar-days', async (req, res) => {
    res.json(await listCalendarYear(deps.db.em(), parseYear(req.query.year)));
  });

  router.post('/calendar-days', async (req, res) => {
    const created = await createCalendarDay(deps.db.em(), bodyObject(req), adminContext(req));
    res.status(201).location(`/api/admin/calendar-days/${created.id}`).json(created);
  });

  router.patch('/calendar-days/:id', async (req, res) => {
    res.json(await updateCalendarDay(deps.db.em(), parseId(req.params.id), bodyObject(req), adminContext(req)));
  });

  router.delete('/calendar-days/:id', async (req, res) => {
    await deleteCalendarDay(deps.db.em(), parseId(req.params.id));
    res.status(204).end();
  });

  router.get('/election-freeze', async (_req, res) => {
    res.json(await listFreezePeriods(deps.db.em()));
  });

  router.post('/election-freeze', async (req, res) => {
    const created = await createFreezePeriod(deps.db.em(), bodyObject(req), adminContext(req));
    res.status(201).location(`/api/admin/election-freeze/${created.id}`).json(created);
  });

  router.patch('/election-freeze/:id', async (req, res) => {
    res.json(await updateFreezePeriod(deps.db.em(), parseId(req.params.id), bodyObject(req), adminContext(req)));
  });

  router.delete('/election-freeze/:id', async (req, res) => {
    await deleteFreezePeriod(deps.db.em(), parseId(req.params.id));
    res.status(204).end();
  });

  return router;
}

/** `year`: 2000–2100; this year (WIB) when absent. */
function parseYear(raw: unknown): number {
  if (raw === undefined || raw === '') return Number(todayInWib().slice(0, 4));
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!(year >= 2000 && year <= 2100)) throw new HttpError(400, 'INVALID_YEAR');
  return year;
}
