import type { EntityManager } from '@mikro-orm/knex';
import type { Employee} from '../../db';
import { findEmployeesPage, InvalidCursorError, OrgUnit, Position } from '../../db';
import { scopeIncludes, type UnitScope } from '../auth/unit-scope';
import { HttpError } from '../errors';
import { golonganView } from './golongan-view';
import type { EmployeePageView, EmployeeSummary } from './views';

export interface EmployeeSearch {
  search?: string;
  unitId?: number;
  cursor?: string;
  limit: number;
}

/**
 * A page of employees by name, or by NIP prefix, within a unit's subtree and always within the
 * reader's scope. Asking for a unit outside the scope is refused rather than answered empty, so a
 * kepala OPD is told why the list is empty.
 */
export async function searchEmployees(em: EntityManager, scope: UnitScope, query: EmployeeSearch): Promise<EmployeePageView> {
  if (query.unitId !== undefined) {
    if (!(await em.count(OrgUnit, { id: query.unitId }))) throw new HttpError(404, 'UNIT_NOT_FOUND', { unitId: query.unitId });
    if (!scopeIncludes(scope, query.unitId)) throw new HttpError(403, 'FORBIDDEN', { unitId: query.unitId });
  }
  try {
    const page = await findEmployeesPage(em, {
      search: query.search,
      unitId: query.unitId,
      withinUnits: scope === 'all' ? undefined : [...scope],
      after: query.cursor,
      limit: query.limit,
    });
    return { items: await summariesOf(em, page.items), nextCursor: page.nextCursor };
  } catch (err) {
    if (err instanceof InvalidCursorError) throw new HttpError(400, 'INVALID_CURSOR');
    throw err;
  }
}

export async function summariesOf(em: EntityManager, employees: Employee[]): Promise<EmployeeSummary[]> {
  const positionIds = employees.flatMap((e) => (e.positionId === null ? [] : [e.positionId]));
  const positions = positionIds.length ? await em.find(Position, { id: { $in: positionIds } }) : [];
  const units = employees.length ? await em.find(OrgUnit, { id: { $in: [...new Set(employees.map((e) => e.unitId))] } }) : [];
  const positionById = new Map(positions.map((p) => [p.id, p]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  return employees.map((e) => {
    const position = e.positionId === null ? undefined : positionById.get(e.positionId);
    return {
      id: e.id,
      nip: e.nip,
      name: e.name,
      ...golonganView(e.golongan),
      position: position ? { id: position.id, name: position.name } : null,
      unit: { id: e.unitId, name: unitById.get(e.unitId)?.name ?? '' },
    };
  });
}
