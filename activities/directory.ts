import type { Database } from '../db';
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
  return {
    async usersWithRole(role, unitId) {
      // Filtered by the database: the registry may hold every civil servant of the city.
      const hasRole = db.kind === 'sqlite'
        ? 'exists (select 1 from json_each(u.roles) where json_each.value = ?)'
        : 'jsonb_exists(u.roles::jsonb, ?)';
      const holders = await db.em().createQueryBuilder(User, 'u')
        .select(['login', 'unitScopeId'])
        .where({ active: true })
        .andWhere(hasRole, [role])
        .orderBy({ login: 'asc' })
        .execute<Array<Pick<User, 'login' | 'unitScopeId'>>>('all', true);
      if (unitId === null) return holders.map((u) => u.login);
      // The nearest unit up the tree that has a scoped holder wins: a kepala OPD covers the OPD's
      // sub-units. Holders without a unit scope serve every unit when no scoped one does.
      const ancestry = await unitAncestry(db, Number(unitId));
      for (const id of ancestry) {
        const scoped = holders.filter((u) => u.unitScopeId === id);
        if (scoped.length > 0) return scoped.map((u) => u.login);
      }
      return holders.filter((u) => u.unitScopeId === null).map((u) => u.login);
    },

    async unitHeads(unitId) {
      const em = db.em();
      const unit = await em.findOne(OrgUnit, { id: Number(unitId) });
      if (!unit?.headPositionId) return [];
      const position = await em.findOne(Position, { id: unit.headPositionId });
      if (!position?.holderEmployeeId) return [];
      const users = await em.find(User, { employeeId: position.holderEmployeeId, active: true }, { orderBy: { login: 'asc' } });
      return users.map((u) => u.login);
    },

    async committeeMembers(code) {
      const em = db.em();
      const committee = await em.findOne(Committee, { code });
      if (!committee) return [];
      const members = await em.find(CommitteeMember, { committeeId: committee.id });
      const users = await em.find(User, { id: { $in: members.map((m) => m.userId) }, active: true }, { orderBy: { login: 'asc' } });
      return users.map((u) => u.login);
    },

    async activeUsers(logins) {
      const users = await db.em().find(User, { login: { $in: logins }, active: true });
      const active = new Set(users.map((u) => u.login));
      return logins.filter((login) => active.has(login));
    },

    async substituteFor(login, at) {
      const em = db.em();
      const user = await em.findOne(User, { login });
      if (!user?.absenceStart || !user.absenceEnd || !user.substituteUserId) return null;
      const day = localDay(at);
      if (day < user.absenceStart || day > user.absenceEnd) return null;
      const substitute = await em.findOne(User, { id: user.substituteUserId, active: true });
      return substitute?.login ?? null;
    },
  };
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

async function unitAncestry(db: Database, unitId: number): Promise<number[]> {
  const em = db.em();
  const chain: number[] = [];
  let current: number | null = unitId;
  // Bounded: a corrupted tree with a cycle must not hang an activity.
  while (current !== null && chain.length < 50 && !chain.includes(current)) {
    chain.push(current);
    const unit: OrgUnit | null = await em.findOne(OrgUnit, { id: current });
    current = unit?.parentId ?? null;
  }
  return chain;
}

function localDay(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
