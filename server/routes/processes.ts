import { Router } from 'express';
import type { ProcessDefinition } from '../../processes';
import { currentUser, requireAuth, requireRole } from '../auth/middleware';
import { HttpError } from '../errors';
import {
  checkDefinition,
  DefinitionInvalidError,
  DefinitionNotFoundError,
  findDefinition,
  listDefinitions,
  publishDefinition,
} from '../../db';
import { startCaseFor, type CaseRouteDeps } from './cases';

export function processRoutes(deps: CaseRouteDeps): Router {
  const router = Router();
  router.use(requireAuth);

  /** Every process with its newest version, and whether the user may start it. */
  router.get('/', async (req, res) => {
    const user = currentUser(req);
    const definitions = await listDefinitions(deps.db.em());
    res.json({
      items: definitions.map((d) => ({
        key: d.key,
        version: d.version,
        name: d.name,
        ...(d.description ? { description: d.description } : {}),
        canStart: d.starters.some((role) => user.roles.includes(role)),
      })),
    });
  });

  router.get('/:key', async (req, res) => {
    const version = req.query.version === undefined ? undefined : Number(req.query.version);
    if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new HttpError(400, 'INVALID_VERSION');
    res.json(await findOrNotFound(deps, req.params.key, version));
  });

  /**
   * Publishes a new version (administrators). Running cases keep the version they started with.
   * With ?dryRun=true it only validates: 200 {ok:true} or the same 422, and nothing is published.
   */
  router.post('/', requireRole('administrator'), async (req, res) => {
    const user = currentUser(req);
    const body = req.body as { definition?: unknown; changeNote?: unknown } | undefined;
    const definition = body && typeof body === 'object' && 'definition' in body ? body.definition : body;
    const dryRun = req.query.dryRun;
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') throw new HttpError(400, 'INVALID_DRY_RUN');
    try {
      if (dryRun === 'true') {
        await checkDefinition(deps.db.em(), definition);
        res.json({ ok: true });
        return;
      }
      const published = await publishDefinition(deps.db.em(), definition, {
        author: user.login,
        ...(typeof body?.changeNote === 'string' ? { changeNote: body.changeNote } : {}),
      });
      res.status(201).location(`/api/processes/${published.key}?version=${published.version}`).json(published);
    } catch (err) {
      if (err instanceof DefinitionInvalidError) throw new HttpError(422, 'DEFINITION_INVALID', { problems: err.problems });
      throw err;
    }
  });

  router.post('/:key/cases', async (req, res) => {
    const started = await startCaseFor(deps, req, req.params.key);
    const location = `/api/cases/${started.id}`;
    if (!started.view) {
      res.status(202).location(location).json({ id: started.id, status: 'starting' });
      return;
    }
    res.status(201).location(location).json(started.view);
  });

  return router;
}

async function findOrNotFound(deps: CaseRouteDeps, key: string, version?: number): Promise<ProcessDefinition> {
  try {
    return await findDefinition(deps.db.em(), key, version);
  } catch (err) {
    if (err instanceof DefinitionNotFoundError) throw new HttpError(404, 'PROCESS_NOT_FOUND');
    throw err;
  }
}
