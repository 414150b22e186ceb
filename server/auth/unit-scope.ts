import type { EntityManager } from '@mikro-orm/knex';
import { unitSubtreeIds, type Role } from '../../db';
import type { AuthUser } from './sessions';

/** Roles that read the whole registry (and, by the same rule, every unit's data). */
export const REGISTRY_WIDE_ROLES: readonly Role[] = [
  'administrator', 'bkpsdm_mutasi', 'bkpsdm_diklat', 'sekda', 'ppk', 'bagian_hukum', 'bagian_organisasi', 'inspektorat',
];

/** Roles limited to the user's unitScopeId and the units below it. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['kepala_opd', 'feedback_admin'];

/** The units whose people a user may see: every unit, or these. */
export type UnitScope = 'all' | ReadonlySet<number>;

/**
 * Which units a user may see. A registry-wide role wins over a unit-scoped one (the Sekda is also
 * kepala of the Sekretariat Daerah). A unit-scoped role without a unitScopeId, or no role at all,
 * sees no unit: access is granted by role, never by omission.
 */
export async function unitScopeOf(em: EntityManager, user: AuthUser): Promise<UnitScope> {
  if (user.roles.some((role) => (REGISTRY_WIDE_ROLES as readonly string[]).includes(role))) return 'all';
  const scoped = user.roles.some((role) => (UNIT_SCOPED_ROLES as readonly string[]).includes(role));
  if (!scoped || user.unitScopeId === null) return new Set();
  return new Set(await unitSubtreeIds(em, user.unitScopeId));
}

export function scopeIncludes(scope: UnitScope, unitId: number): boolean {
  return scope === 'all' || scope.has(unitId);
}
