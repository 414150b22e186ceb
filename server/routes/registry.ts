import { Router, type Request } from 'express';
import type { Database } from '../../db';
import { currentUser, requireAuth, requireRole } from '../auth/middleware';
import { unitScopeOf } from '../auth/unit-scope';
import { HttpError } from '../errors';
import { requestLanguage } from '../messages';
import { parseCursor, parseId, parseLimit, parseOptionalFlag, parseOptionalId, parseSearch } from '../query-params';
import {
  createEmployee, readEmployee, searchEmployees, searchPositions, todayInWib, unitDetail, unitTree, updateEmployee, type SaveContext,
} from '../registry';

export interface RegistryRouteDeps {
  db: Database;
}

/** Roles that may add and change employees. */
export const REGISTRY_WRITERS = ['administrator', 'bkpsdm_mutasi'];

/** /api/registry: employees, units and positions. Every route needs a signed-in user. */
export function registryRoutes(deps: RegistryRouteDeps): Router {
  const router = Router();
  const saveContext = (req: Request): SaveContext => ({ language: requestLanguage(req), today: todayInWib() });
  router.use(requireAuth);

  router.get('/employees', async (req, res) => {
    const query = {
      search: parseSearch(req.query.search),
      unitId: parseOptionalId(req.query.unitId, 'INVALID_UNIT_ID'),
      cursor: parseCursor(req.query.cursor),
      limit: parseLimit(req.query.limit),
    };
    const em = deps.db.em();
    res.json(await searchEmployees(em, await unitScopeOf(em, currentUser(req)), query));
  });

  router.get('/employees/:id', async (req, res) => {
    const id = parseId(req.params.id);
    const em = deps.db.em();
    const user = currentUser(req);
    res.json(await readEmployee(em, { scope: await unitScopeOf(em, user), employeeId: user.employeeId }, id, todayInWib()));
  });

  router.post('/employees', requireRole(...REGISTRY_WRITERS), async (req, res) => {
    const created = await createEmployee(deps.db.em(), bodyObject(req), saveContext(req));
    res.status(201).location(`/api/registry/employees/${created.id}`).json(created);
  });

  router.patch('/employees/:id', requireRole(...REGISTRY_WRITERS), async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await updateEmployee(deps.db.em(), id, bodyObject(req), saveContext(req)));
  });

  router.get('/units', async (_req, res) => {
    res.json({ items: await unitTree(deps.db.em()) });
  });

  router.get('/units/:id', async (req, res) => {
    res.json(await unitDetail(deps.db.em(), parseId(req.params.id)));
  });

  router.get('/positions', async (req, res) => {
    const query = {
      unitId: parseOptionalId(req.query.unitId, 'INVALID_UNIT_ID'),
      vacant: parseOptionalFlag(req.query.vacant, 'INVALID_VACANT'),
      cursor: parseCursor(req.query.cursor),
      limit: parseLimit(req.query.limit),
    };
    res.json(await searchPositions(deps.db.em(), query));
  });

  return router;
}

function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'BODY_REQUIRED');
  return body as Record<string, unknown>;
}
