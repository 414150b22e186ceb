import type { EntityManager } from '@mikro-orm/knex';
import { OrgUnit } from './entities/org-unit';

/**
 * The unit and every unit below it, the unit first. The whole tree is a few hundred rows; walking
 * it here keeps one query shape for both databases (no recursive CTE).
 */
export async function unitSubtreeIds(em: EntityManager, unitId: number): Promise<number[]> {
  const units = await em.find(OrgUnit, {}, { fields: ['id', 'parentId'], disableIdentityMap: true });
  const children = new Map<number, number[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const ids = [unitId];
  // Bounded by the number of units, so a corrupted tree with a cycle cannot loop forever.
  for (let i = 0; i < ids.length && ids.length <= units.length + 1; i++) ids.push(...(children.get(ids[i] as number) ?? []));
  return [...new Set(ids)];
}
