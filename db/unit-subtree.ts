import type { EntityManager } from '@mikro-orm/knex';
import { OrgUnit } from './entities/org-unit';
import { subtreeIdsOf } from './org-tree';

/** The unit and every unit below it, the unit first (one read of the tree, no recursive CTE). */
export async function unitSubtreeIds(em: EntityManager, unitId: number): Promise<number[]> {
  const units = await em.find(OrgUnit, {}, { fields: ['id', 'parentId'], disableIdentityMap: true });
  return subtreeIdsOf(units, unitId);
}
