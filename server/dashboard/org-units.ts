import type { EntityManager } from '@mikro-orm/knex';
import { OrgUnit, opdIdOf } from '../../db';

/** A unit as the dashboard names it. */
export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

/** The organisation tree, read once per request: a few hundred rows. */
export interface OrgUnits {
  ref(unitId: number): UnitRef | null;
  /** The OPD a unit belongs to (the child of the root on its path); null for the root itself or an unknown unit. */
  opdOf(unitId: number | null): UnitRef | null;
}

export async function loadOrgUnits(em: EntityManager): Promise<OrgUnits> {
  const units = await em.find(OrgUnit, {}, { fields: ['id', 'code', 'name', 'parentId'], disableIdentityMap: true });
  const byId = new Map(units.map((u) => [u.id, u]));
  const refs = new Map(units.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]));
  const opds = new Map<number, UnitRef | null>();
  const opdOf = (unitId: number | null): UnitRef | null => {
    if (unitId === null) return null;
    const known = opds.get(unitId);
    if (known !== undefined) return known;
    const opdId = opdIdOf(byId, unitId);
    const opd = opdId === null ? null : (refs.get(opdId) ?? null);
    opds.set(unitId, opd);
    return opd;
  };
  return { ref: (unitId) => refs.get(unitId) ?? null, opdOf };
}
