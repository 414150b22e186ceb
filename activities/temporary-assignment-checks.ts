import type { EntityManager } from '@mikro-orm/knex';
import { Employee, OrgUnit, Position, TemporaryAssignment, User, columnOf, knexStatements, tableOf, type TemporaryAssignmentKind } from '../db';
import { isCalendarDate, latestPeriodEnd } from '../forms';
import type { Localized } from '../processes/model';
import { WIB_OFFSET_MINUTES, holdsRole } from './directory';
import { domainMessage } from './domain-messages';
import { positionLevel } from './position-level';

/** A Plt lasts at most 3 months and may be extended once by 3 more (SE BKN 1/SE/I/2021). */
export const PLT_MAX_MONTHS = 3;

export interface AssignmentFinding {
  code: string;
  message: Localized;
  detail?: Record<string, unknown>;
}

export interface TemporaryAssignmentRequest {
  kind: string | undefined;
  unitId: number | undefined;
  postPositionId: number | undefined;
  appointeeNips: string[];
  startDate: string | undefined;
  endDate: string | undefined;
  /** The case asking, so its own rows never count as another assignment covering the post. */
  caseId: string;
}

export interface TemporaryAssignmentCheck {
  /** False when a rule is broken; the case then ends rejected with these problems recorded. */
  ok: boolean;
  asOf: string;
  problems: AssignmentFinding[];
  /** Worth knowing, not a refusal. */
  notes: AssignmentFinding[];
  post: { id: number; name: string; level: number; unitId: number; holderEmployeeId: number | null } | null;
  appointees: Array<{ nip: string; employeeId: number; name: string; positionId: number | null; positionName: string | null; level: number | null }>;
  /** A Plt: the last day its 3 months allow, and the last day one 3-month extension allows. */
  latestEndDate: string | null;
  latestExtendedEndDate: string | null;
}

/**
 * Checks a temporary assignment against the registry and the rules JSON Schema cannot express:
 * the appointee at the same level as the post or one level below (Plt / Plh), a Plt of at most 3
 * months (also refused by the start form; checked again here because the form is editable data),
 * no other Plt / Plh in force on the post, real people and posts. Also finds the higher official
 * who signs the order: the head of the unit above the post (the Sekda for an OPD head's post and
 * for an emergency task force).
 */
export async function checkTemporaryAssignment(
  em: EntityManager, request: TemporaryAssignmentRequest, today: string,
): Promise<{ check: TemporaryAssignmentCheck; approverUnitId: string | null; endsAt: string | null }> {
  const problems: AssignmentFinding[] = [];
  const notes: AssignmentFinding[] = [];
  const kind = request.kind as TemporaryAssignmentKind | undefined;
  const { startDate, endDate } = request;
  const datesValid = isCalendarDate(startDate) && isCalendarDate(endDate);

  let latestEndDate: string | null = null;
  let latestExtendedEndDate: string | null = null;
  if (datesValid) {
    if (endDate < startDate) problems.push({ code: 'END_BEFORE_START', message: domainMessage('ASSIGNMENT_END_BEFORE_START') });
    if (endDate < today) problems.push({ code: 'ENDED_ALREADY', message: domainMessage('ASSIGNMENT_ENDED_ALREADY', { end: endDate }) });
    if (kind === 'PLT') {
      latestEndDate = latestPeriodEnd(startDate, PLT_MAX_MONTHS);
      latestExtendedEndDate = latestPeriodEnd(dayAfter(endDate), PLT_MAX_MONTHS);
      if (latestEndDate !== null && endDate > latestEndDate) {
        problems.push({ code: 'PLT_TOO_LONG', message: domainMessage('ASSIGNMENT_PLT_TOO_LONG', { latest: latestEndDate }), detail: { latest: latestEndDate } });
      }
    }
  }

  const unit = request.unitId ? await em.findOne(OrgUnit, { id: request.unitId }) : null;
  if (!unit) problems.push({ code: 'UNIT_NOT_FOUND', message: domainMessage('ASSIGNMENT_UNIT_NOT_FOUND', { id: request.unitId ?? '-' }) });

  let post: Position | null = null;
  if (kind === 'PLT' || kind === 'PLH') {
    post = request.postPositionId ? await em.findOne(Position, { id: request.postPositionId }) : null;
    if (!post) problems.push({ code: 'POST_NOT_FOUND', message: domainMessage('ASSIGNMENT_POST_NOT_FOUND', { id: request.postPositionId ?? '-' }) });
    else if (unit && post.unitId !== unit.id) {
      problems.push({ code: 'POST_OTHER_UNIT', message: domainMessage('ASSIGNMENT_POST_OTHER_UNIT', { id: post.id, unit: unit.name }) });
    }
    if (post) {
      const covering = await em.find(TemporaryAssignment, { positionId: post.id, status: 'ACTIVE', kind: { $in: ['PLT', 'PLH'] }, caseId: { $ne: request.caseId } });
      const overlapping = covering.find((a) => !datesValid || (a.startDate <= endDate && startDate <= a.endDate));
      if (overlapping) problems.push({ code: 'POST_COVERED', message: domainMessage('ASSIGNMENT_POST_COVERED', { caseId: overlapping.caseId }) });
      if (kind === 'PLT' && post.holderEmployeeId !== null) {
        const holder = await em.findOne(Employee, { id: post.holderEmployeeId });
        notes.push({ code: 'PLT_POST_HELD', message: domainMessage('ASSIGNMENT_PLT_POST_HELD', { holder: holder?.name ?? String(post.holderEmployeeId) }) });
      }
    }
  }
  const postLevel = post ? positionLevel(post) : null;

  const appointees: TemporaryAssignmentCheck['appointees'] = [];
  for (const nip of request.appointeeNips) {
    const employee = await em.findOne(Employee, { nip });
    if (!employee) {
      problems.push({ code: 'APPOINTEE_NOT_FOUND', message: domainMessage('ASSIGNMENT_APPOINTEE_NOT_FOUND', { nip }), detail: { nip } });
      continue;
    }
    const own = employee.positionId ? await em.findOne(Position, { id: employee.positionId }) : null;
    const level = own ? positionLevel(own) : null;
    appointees.push({ nip, employeeId: employee.id, name: employee.name, positionId: own?.id ?? null, positionName: own?.name ?? null, level });
    if (post && post.holderEmployeeId === employee.id) {
      problems.push({ code: 'APPOINTEE_HOLDS_POST', message: domainMessage('ASSIGNMENT_APPOINTEE_HOLDS_POST', { name: employee.name }), detail: { nip } });
    } else if (post && postLevel !== null && (level === null || level > postLevel || level < postLevel - 1)) {
      problems.push({
        code: 'LEVEL',
        message: domainMessage('ASSIGNMENT_LEVEL', { name: employee.name, position: own?.name ?? '-', post: post.name }),
        detail: { nip, appointeeLevel: level, postLevel },
      });
    }
  }

  const approverUnitId = await higherOfficialUnit(em, kind, post);
  return {
    check: {
      ok: problems.length === 0,
      asOf: today,
      problems,
      notes,
      post: post && postLevel !== null ? { id: post.id, name: post.name, level: postLevel, unitId: post.unitId, holderEmployeeId: post.holderEmployeeId } : null,
      appointees,
      latestEndDate,
      latestExtendedEndDate,
    },
    approverUnitId: approverUnitId === null ? null : String(approverUnitId),
    endsAt: datesValid ? endOfDayInWib(endDate) : null,
  };
}

/** The instant an assignment whose last day is `day` ends: midnight WIB after it. */
export function endOfDayInWib(day: string): string {
  return new Date(Date.parse(`${dayAfter(day)}T00:00:00Z`) - WIB_OFFSET_MINUTES * 60_000).toISOString();
}

export function dayAfter(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
}

/**
 * The unit whose head signs the order: above the post's own unit when the post heads it,
 * otherwise the post's unit. An OPD head's post and a task force go to the Sekda's unit (the unit
 * headed by the holder of the sekda role). Null when none is found: the process then asks the
 * Sekda by role.
 */
async function higherOfficialUnit(em: EntityManager, kind: TemporaryAssignmentKind | undefined, post: Position | null): Promise<number | null> {
  if ((kind === 'PLT' || kind === 'PLH') && post) {
    const unit = await em.findOne(OrgUnit, { id: post.unitId });
    const above = unit?.headPositionId === post.id ? (unit.parentId === null ? null : await em.findOne(OrgUnit, { id: unit.parentId })) : unit;
    if (above && above.parentId !== null) return above.id;
  }
  // The role is matched by the database: the registry may hold every civil servant of the city.
  const users = tableOf(em, User);
  const column = (property: keyof User & string) => `${users}.${columnOf(em, User, property)}`;
  const [sekda] = await knexStatements(em).all<{ employeeId: number | string }>(em.getKnex()(users)
    .select({ employeeId: column('employeeId') })
    .where(column('active'), true)
    .whereNotNull(column('employeeId'))
    .andWhereRaw(holdsRole(em, column('roles')), ['sekda'])
    .orderBy(column('login'))
    .limit(1));
  if (!sekda) return null;
  const seat = await em.findOne(Position, { holderEmployeeId: Number(sekda.employeeId) });
  if (!seat) return null;
  const headed = await em.findOne(OrgUnit, { headPositionId: seat.id });
  return headed?.id ?? null;
}
