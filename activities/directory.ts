import type { EntityManager, Knex } from '@mikro-orm/knex';
import { columnOf, knexStatements, tableOf, type Database } from '../db';
import { CalendarDay } from '../db/entities/calendar-day';
import { Committee } from '../db/entities/committee';
import { CommitteeMember } from '../db/entities/committee-member';
import { OrgUnit } from '../db/entities/org-unit';
import { Position } from '../db/entities/position';
import { User } from '../db/entities/user';
import type { WorkingCalendar } from '../workflows/working-days';
import type { Directory } from './case-engine';

/** WIB, the local time of Surakarta (and of every region in the demo data). */
export const WIB_OFFSET_MINUTES = 7 * 60;

/**
 * The engine's view of the registry. Users are named by login in cases and tasks: stable,
 * readable in the audit log and in Temporal's history.
 */
export function createRegistryDirectory(db: Database): Directory {
  // Plain statements built with the ORM's knex: these lookups run inside a decision's workflow
  // task (a local activity), where entity loads cost several times the queries themselves.
  const statements = () => {
    const em = db.em();
    const knex = em.getKnex();
    const users = tableOf(em, User);
    const user = (property: keyof User & string) => columnOf(em, User, property);
    const all = knexStatements(em).all;
    /** The logins of the active users (joined as `u`) a query finds, in login order. */
    const activeLogins = async (qb: Knex.QueryBuilder): Promise<string[]> => (await all<{ login: string }>(qb
      .select({ login: `u.${user('login')}` })
      .andWhere(`u.${user('active')}`, true)
      .orderBy(`u.${user('login')}`))).map((r) => r.login);
    return { em, knex, users, user, all, activeLogins };
  };
  return {
    async usersWithRole(role, unitId) {
      const { em, knex, users, user, all } = statements();
      // Filtered by the database: the registry may hold every civil servant of the city.
      const hasRole = holdsRole(em, `${users}.${user('roles')}`);
      const holders = await all<{ login: string; unit_scope_id: number | null }>(knex(users)
        .select({ login: user('login'), unit_scope_id: user('unitScopeId') })
        .where(user('active'), true)
        .andWhereRaw(hasRole, [role])
        .orderBy(user('login')));
      if (unitId === null) return holders.map((u) => u.login);
      // The nearest unit up the tree that has a scoped holder wins: a kepala OPD covers the OPD's
      // sub-units. Holders without a unit scope serve every unit when no scoped one does.
      for (const id of await unitAncestry(em, Number(unitId))) {
        const scoped = holders.filter((u) => u.unit_scope_id !== null && Number(u.unit_scope_id) === id);
        if (scoped.length > 0) return scoped.map((u) => u.login);
      }
      return holders.filter((u) => u.unit_scope_id === null).map((u) => u.login);
    },

    async unitHeads(unitId) {
      const { em, knex, users, user, activeLogins } = statements();
      const unit = Number(unitId);
      if (!Number.isSafeInteger(unit)) return [];
      return activeLogins(knex({ o: tableOf(em, OrgUnit) })
        .join({ p: tableOf(em, Position) }, `p.${columnOf(em, Position, 'id')}`, `o.${columnOf(em, OrgUnit, 'headPositionId')}`)
        .join({ u: users }, `u.${user('employeeId')}`, `p.${columnOf(em, Position, 'holderEmployeeId')}`)
        .where(`o.${columnOf(em, OrgUnit, 'id')}`, unit));
    },

    async committeeMembers(code) {
      const { em, knex, users, user, activeLogins } = statements();
      return activeLogins(knex({ c: tableOf(em, Committee) })
        .join({ m: tableOf(em, CommitteeMember) }, `m.${columnOf(em, CommitteeMember, 'committeeId')}`, `c.${columnOf(em, Committee, 'id')}`)
        .join({ u: users }, `u.${user('id')}`, `m.${columnOf(em, CommitteeMember, 'userId')}`)
        .where(`c.${columnOf(em, Committee, 'code')}`, code));
    },

    async activeUsers(logins) {
      if (logins.length === 0) return [];
      const { knex, users, user, all } = statements();
      const rows = await all<{ login: string }>(knex(users)
        .select({ login: user('login') })
        .whereIn(user('login'), logins)
        .andWhere(user('active'), true));
      const active = new Set(rows.map((u) => u.login));
      return logins.filter((login) => active.has(login));
    },

    async substituteFor(login, at) {
      const { knex, users, user, all } = statements();
      const day = localDay(at);
      // Absence dates are kept as YYYY-MM-DD and compared as such, on both databases.
      const [row] = await all<{ login: string }>(knex({ a: users })
        .join({ s: users }, `s.${user('id')}`, `a.${user('substituteUserId')}`)
        .select({ login: `s.${user('login')}` })
        .where(`a.${user('login')}`, login)
        .andWhere(`a.${user('absenceStart')}`, '<=', day)
        .andWhere(`a.${user('absenceEnd')}`, '>=', day)
        .andWhere(`s.${user('active')}`, true));
      return row?.login ?? null;
    },
  };
}

/**
 * A condition on a row of users: its roles (the JSON array in `rolesColumn`) hold the role bound
 * as `?`. Evaluated by the database, on SQLite and on PostgreSQL.
 */
export function holdsRole(em: EntityManager, rolesColumn: string): string {
  return (em.getKnex().client as { dialect?: string }).dialect === 'postgresql'
    ? `jsonb_exists(${rolesColumn}::jsonb, ?)`
    : `exists (select 1 from json_each(${rolesColumn}) where json_each.value = ?)`;
}

/**
 * The working-day calendar as stored now: weekends plus every national holiday and cuti bersama,
 * less the weekend days worked. Read at each deadline, so an administrator's edit applies to the
 * next deadline set.
 */
export async function loadRegistryCalendar(db: Database): Promise<WorkingCalendar> {
  const days = await db.em().find(CalendarDay, {}, { orderBy: { date: 'asc' } });
  const extraWorkingDays = days.filter((d) => d.kind === 'EXTRA_WORKING_DAY').map((d) => d.date);
  return {
    utcOffsetMinutes: WIB_OFFSET_MINUTES,
    weekend: [6, 7],
    holidays: days.filter((d) => d.kind !== 'EXTRA_WORKING_DAY').map((d) => d.date),
    // Left out when empty, so a calendar without them is recorded exactly as before.
    ...(extraWorkingDays.length > 0 ? { extraWorkingDays } : {}),
  };
}

/** The unit and its ancestors, nearest first: one recursive query. */
async function unitAncestry(em: EntityManager, unitId: number): Promise<number[]> {
  if (!Number.isSafeInteger(unitId)) return [];
  const knex = em.getKnex();
  const units = tableOf(em, OrgUnit);
  const id = columnOf(em, OrgUnit, 'id');
  const parent = columnOf(em, OrgUnit, 'parentId');
  const rows = await knexStatements(em).all<{ id: number | string }>(knex
    .withRecursive('chain', ['id', 'parent', 'depth'], (qb) => qb
      .select(id, parent, knex.raw('0')).from(units).where(id, unitId)
      // Bounded: a corrupted tree with a cycle must not hang an activity.
      .unionAll((up) => up.select(`u.${id}`, `u.${parent}`, knex.raw('chain.depth + 1'))
        .from({ u: units }).join('chain', `u.${id}`, 'chain.parent').where('chain.depth', '<', 49)))
    .select('id').from('chain').orderBy('depth'));
  const chain: number[] = [];
  for (const row of rows) {
    const unit = Number(row.id);
    if (chain.includes(unit)) break;
    chain.push(unit);
  }
  return chain;
}

function localDay(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
