import { sql, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { User } from '../../db';
import { FEEDBACK_PUBLIC_USER } from '../../processes/defaults/pengaduan';
import { HttpError } from '../errors';
import { addFieldError, bothLanguages, throwIfInvalid, type FieldErrors } from '../registry/field-errors';
import { rowLock, type AdminContext } from './admin-context';
import { parseFields, requireFields } from './body-fields';
import { refuseSystemUser, userRef } from './users';
import type { AbsenceState, SubstituteCandidate } from './views';

/** An absence as written: both days included; while it lasts, new tasks go to the substitute. */
export interface AbsenceInput {
  absenceStart: string;
  absenceEnd: string;
  substituteUserId: number;
}

/** The user's absence (if it has not ended) and the absent people they stand in for. */
export async function readAbsence(em: EntityManager, userId: number, today: string): Promise<AbsenceState> {
  const user = await em.findOne(User, { id: userId });
  if (!user) throw new HttpError(404, 'USER_NOT_FOUND', { id: userId });
  const current = user.absenceStart && user.absenceEnd && user.absenceEnd >= today;
  const substitute = current && user.substituteUserId !== null ? await em.findOne(User, { id: user.substituteUserId }) : null;
  const covered = await em.find(User, { substituteUserId: userId, absenceEnd: { $gte: today }, active: true }, { orderBy: { absenceStart: 'asc', login: 'asc' } });
  return {
    user: userRef(user),
    absence: current ? { start: user.absenceStart!, end: user.absenceEnd!, substitute: substitute ? userRef(substitute) : null } : null,
    coveringFor: covered.flatMap((u) => (u.absenceStart && u.absenceEnd ? [{ ...userRef(u), start: u.absenceStart, end: u.absenceEnd }] : [])),
  };
}

/**
 * Records an absence with its substitute. The substitute must be another active user who is not
 * absent on any of the same days; when they are absent and name this user as their own
 * substitute, the answer says so (A → B → A would send tasks round in a circle). Both rows are
 * locked while checked and written, so two such changes at once cannot both pass.
 */
export async function setAbsence(em: EntityManager, userId: number, body: Record<string, unknown>, context: AdminContext): Promise<AbsenceState> {
  const parsed = parseFields<AbsenceInput>(body, {
    absenceStart: { kind: 'date' }, absenceEnd: { kind: 'date' }, substituteUserId: { kind: 'id' },
  });
  requireFields(parsed, ['absenceStart', 'absenceEnd', 'substituteUserId']);
  const { values, errors } = parsed;
  if (values.absenceStart !== undefined && values.absenceEnd !== undefined && values.absenceEnd < values.absenceStart) {
    addFieldError(errors, 'absenceEnd', bothLanguages('FIELD_END_BEFORE_START', { start: values.absenceStart }));
  } else if (values.absenceEnd !== undefined && values.absenceEnd < context.today) {
    addFieldError(errors, 'absenceEnd', bothLanguages('FIELD_ABSENCE_OVER', { today: context.today }));
  }

  await em.transactional(async (tx) => {
    // Locked in id order, so two people naming each other wait for one another instead of deadlocking.
    const ids = [userId, ...(values.substituteUserId !== undefined ? [values.substituteUserId] : [])].sort((a, b) => a - b);
    const rows = await tx.find(User, { id: { $in: ids } }, { ...rowLock(tx), orderBy: { id: 'asc' } });
    const user = rows.find((u) => u.id === userId);
    if (!user) throw new HttpError(404, 'USER_NOT_FOUND', { id: userId });
    refuseSystemUser(user);
    if (values.substituteUserId !== undefined) {
      checkSubstitute(user, rows.find((u) => u.id === values.substituteUserId), values, errors);
    }
    throwIfInvalid(errors, context.language);
    tx.assign(user, {
      absenceStart: values.absenceStart!, absenceEnd: values.absenceEnd!, substituteUserId: values.substituteUserId!,
      updatedAt: context.now, updatedBy: context.actor.login,
    });
  });
  return readAbsence(em.fork(), userId, context.today);
}

/** Ends the absence: new tasks reach the user again. */
export async function clearAbsence(em: EntityManager, userId: number, context: AdminContext): Promise<AbsenceState> {
  const user = await em.findOne(User, { id: userId });
  if (!user) throw new HttpError(404, 'USER_NOT_FOUND', { id: userId });
  refuseSystemUser(user);
  await em.nativeUpdate(User, { id: userId }, {
    absenceStart: null, absenceEnd: null, substituteUserId: null, updatedAt: context.now, updatedBy: context.actor.login,
  });
  return readAbsence(em.fork(), userId, context.today);
}

function checkSubstitute(user: User, substitute: User | undefined, values: Partial<AbsenceInput>, errors: FieldErrors): void {
  if (errors.substituteUserId) return;
  if (values.substituteUserId === user.id) {
    addFieldError(errors, 'substituteUserId', bothLanguages('FIELD_SUBSTITUTE_SELF'));
    return;
  }
  if (!substitute || substitute.login === FEEDBACK_PUBLIC_USER) {
    addFieldError(errors, 'substituteUserId', bothLanguages('FIELD_SUBSTITUTE_UNKNOWN'));
    return;
  }
  if (!substitute.active) {
    addFieldError(errors, 'substituteUserId', bothLanguages('FIELD_SUBSTITUTE_INACTIVE', { name: substitute.displayName }));
    return;
  }
  const { absenceStart: start, absenceEnd: end } = values;
  if (!start || !end || errors.absenceStart || errors.absenceEnd || !substitute.absenceStart || !substitute.absenceEnd) return;
  const overlaps = substitute.absenceStart <= end && start <= substitute.absenceEnd;
  if (!overlaps) return;
  const params = { name: substitute.displayName, start: substitute.absenceStart, end: substitute.absenceEnd };
  addFieldError(errors, 'substituteUserId', bothLanguages(
    substitute.substituteUserId === user.id ? 'FIELD_SUBSTITUTE_CHAIN' : 'FIELD_SUBSTITUTE_ABSENT', params,
  ));
}

/** Active people who could stand in, by name or login; each with their own absence, so the picker can show who is away. */
export async function substituteCandidates(
  em: EntityManager, query: { search?: string; limit: number; today: string },
): Promise<{ items: SubstituteCandidate[] }> {
  const conditions: Array<FilterQuery<User>> = [{ active: true }, { login: { $ne: FEEDBACK_PUBLIC_USER } }];
  const search = query.search?.replace(/[%_\\]/g, '').trim().toLowerCase();
  if (search) {
    conditions.push({ $or: [{ [sql.lower('login')]: { $like: `%${search}%` } }, { [sql.lower('display_name')]: { $like: `%${search}%` } }] });
  }
  const users = await em.find(User, { $and: conditions }, { orderBy: { displayName: 'asc', id: 'asc' }, limit: query.limit });
  return {
    items: users.map((u) => ({
      ...userRef(u),
      absence: u.absenceStart && u.absenceEnd && u.absenceEnd >= query.today ? { start: u.absenceStart, end: u.absenceEnd } : null,
    })),
  };
}
