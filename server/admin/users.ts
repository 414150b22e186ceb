import { raw, sql, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Employee, hashPassword, OrgUnit, ROLES, Session, User, isRole, type Language, type Role } from '../../db';
import { FEEDBACK_PUBLIC_USER } from '../../processes/defaults/pengaduan';
import { UNIT_SCOPED_ROLES } from '../auth/unit-scope';
import { HttpError } from '../errors';
import { addFieldError, bothLanguages, throwIfInvalid, type FieldErrors } from '../registry/field-errors';
import { rowLock, type AdminContext } from './admin-context';
import { parseFields, requireFields, type FieldShape } from './body-fields';
import type { UserPageView, UserRef, UserView } from './views';

export const ADMIN_ROLE: Role = 'administrator';
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,99}$/;
// Deliberately loose: one @, no spaces, a dot in the domain. The mail server has the last word.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LANGUAGES: readonly Language[] = ['id', 'en'];

/** The fields an administrator writes; login and password only when creating (a password later through its own route). */
export interface UserInput {
  login: string;
  displayName: string;
  password: string;
  roles: string[];
  unitScopeId: number | null;
  employeeId: number | null;
  language: Language;
  email: string | null;
  active: boolean;
}

const COMMON_SHAPES = {
  displayName: { kind: 'text', max: 200 },
  roles: { kind: 'textList', maxItems: ROLES.length, max: 40 },
  unitScopeId: { kind: 'id', nullable: true },
  employeeId: { kind: 'id', nullable: true },
  language: { kind: 'oneOf', options: LANGUAGES },
  email: { kind: 'text', max: 200, nullable: true },
  active: { kind: 'boolean' },
} satisfies Record<string, FieldShape>;

const CREATE_SHAPES: Record<keyof UserInput, FieldShape> = {
  ...COMMON_SHAPES,
  login: { kind: 'text', max: 100 },
  password: { kind: 'text', max: PASSWORD_MAX_LENGTH, trim: false },
};

export interface UserSearch {
  search?: string;
  role?: Role;
  active?: boolean;
  cursor?: string;
  limit: number;
}

/** Users by login, a page at a time; the cursor is the last login of the page, so pages never shift. */
export async function listUsers(em: EntityManager, query: UserSearch): Promise<UserPageView> {
  const conditions: Array<FilterQuery<User>> = [];
  // LIKE wildcards are dropped rather than escaped: logins and names never need them.
  const search = query.search?.replace(/[%_\\]/g, '').trim().toLowerCase();
  if (search) {
    conditions.push({ $or: [{ [sql.lower('login')]: { $like: `%${search}%` } }, { [sql.lower('display_name')]: { $like: `%${search}%` } }] });
  }
  // roles is a JSON list; its text holds each role in quotes on both databases.
  if (query.role) conditions.push({ [raw('cast(roles as text)')]: { $like: `%"${query.role}"%` } });
  if (query.active !== undefined) conditions.push({ active: query.active });
  if (query.cursor !== undefined) conditions.push({ login: { $gt: decodeLoginCursor(query.cursor) } });
  const rows = await em.find(User, conditions.length > 0 ? { $and: conditions } : {}, { orderBy: { login: 'asc' }, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await userViews(em, page),
    nextCursor: rows.length > query.limit && last ? Buffer.from(last.login, 'utf8').toString('base64url') : null,
  };
}

function decodeLoginCursor(cursor: string): string {
  const login = Buffer.from(cursor, 'base64url').toString('utf8');
  if (login === '' || login.length > 100 || login.includes('\u0000')) throw new HttpError(400, 'INVALID_CURSOR');
  return login;
}

export async function readUser(em: EntityManager, id: number): Promise<UserView> {
  const user = await em.findOne(User, { id });
  if (!user) throw new HttpError(404, 'USER_NOT_FOUND', { id });
  const [view] = await userViews(em, [user]);
  return view!;
}

/** Adds a user with an initial password (argon2id). 422 with every field problem, the login's uniqueness included. */
export async function createUser(em: EntityManager, body: Record<string, unknown>, context: AdminContext): Promise<UserView> {
  const parsed = parseFields<UserInput>(body, CREATE_SHAPES);
  requireFields(parsed, ['login', 'displayName', 'password']);
  const { values, errors } = parsed;
  if (values.login !== undefined && !LOGIN_PATTERN.test(values.login)) addFieldError(errors, 'login', bothLanguages('FIELD_LOGIN_FORMAT'));
  else if (values.login !== undefined && (await em.count(User, { login: values.login }))) {
    addFieldError(errors, 'login', bothLanguages('FIELD_LOGIN_TAKEN', { login: values.login }));
  }
  if (values.password !== undefined) checkPassword(values.password, values.login, errors);
  const record = {
    roles: [] as string[], unitScopeId: null, employeeId: null, language: 'id' as Language, email: null, active: true, ...values,
  };
  await checkAccount(em, record, errors);
  throwIfInvalid(errors, context.language);

  const passwordHash = await hashPassword(values.password!);
  let id: number;
  try {
    id = await em.insert(User, {
      login: values.login!, displayName: values.displayName!, passwordHash, roles: record.roles as Role[],
      unitScopeId: record.unitScopeId, employeeId: record.employeeId, language: record.language, email: record.email,
      emailOptOut: [], absenceStart: null, absenceEnd: null, substituteUserId: null, active: record.active,
      updatedAt: context.now, updatedBy: context.actor.login,
    });
  } catch (err) {
    // Two administrators creating the same login at once: the second meets the unique index.
    if (err instanceof UniqueConstraintViolationException) {
      const taken: FieldErrors = {};
      addFieldError(taken, 'login', bothLanguages('FIELD_LOGIN_TAKEN', { login: values.login! }));
      throwIfInvalid(taken, context.language);
    }
    throw err;
  }
  return readUser(em.fork(), id);
}

/**
 * Changes a user's name, roles, unit scope, employee link, language, e-mail or active flag. Refuses
 * deactivating yourself, and any change that would leave no active administrator; the check and
 * the write share one transaction with the administrators' rows locked.
 */
export async function updateUser(em: EntityManager, id: number, body: Record<string, unknown>, context: AdminContext): Promise<UserView> {
  const { values, errors } = parseFields<Omit<UserInput, 'login' | 'password'>>(body, COMMON_SHAPES);
  await em.transactional(async (tx) => {
    const user = await tx.findOne(User, { id }, rowLock(tx));
    if (!user) throw new HttpError(404, 'USER_NOT_FOUND', { id });
    refuseSystemUser(user);
    const record = {
      roles: [...user.roles] as string[], unitScopeId: user.unitScopeId, employeeId: user.employeeId, language: user.language,
      email: user.email, active: user.active, ...values,
    };
    await checkAccount(tx, record, errors);
    if (values.active === false && user.id === context.actor.id) addFieldError(errors, 'active', bothLanguages('FIELD_DEACTIVATE_SELF'));
    const wasAdmin = user.active && user.roles.includes(ADMIN_ROLE);
    const staysAdmin = record.active && record.roles.includes(ADMIN_ROLE);
    if (wasAdmin && !staysAdmin && !errors.active && !errors.roles) {
      const others = await tx.find(User, { active: true, id: { $ne: id } }, rowLock(tx));
      if (!others.some((u) => u.roles.includes(ADMIN_ROLE))) {
        addFieldError(errors, record.active ? 'roles' : 'active', bothLanguages('FIELD_LAST_ADMINISTRATOR'));
      }
    }
    throwIfInvalid(errors, context.language);
    tx.assign(user, {
      ...values, roles: record.roles as Role[], updatedAt: context.now, updatedBy: context.actor.login,
    });
    // A deactivated user is signed out everywhere at once.
    if (values.active === false) await tx.nativeDelete(Session, { userId: id });
  });
  return readUser(em.fork(), id);
}

/** Sets a new password and ends the user's other sessions; the administrator's own session survives a reset of their own password. */
export async function resetPassword(
  em: EntityManager, id: number, body: Record<string, unknown>, context: AdminContext & { sessionId: string },
): Promise<void> {
  const parsed = parseFields<Pick<UserInput, 'password'>>(body, { password: CREATE_SHAPES.password });
  requireFields(parsed, ['password']);
  const user = await em.findOne(User, { id });
  if (!user) throw new HttpError(404, 'USER_NOT_FOUND', { id });
  refuseSystemUser(user);
  if (parsed.values.password !== undefined) checkPassword(parsed.values.password, user.login, parsed.errors);
  throwIfInvalid(parsed.errors, context.language);
  const passwordHash = await hashPassword(parsed.values.password!);
  await em.transactional(async (tx) => {
    await tx.nativeUpdate(User, { id }, { passwordHash, updatedAt: context.now, updatedBy: context.actor.login });
    await tx.nativeDelete(Session, { userId: id, id: { $ne: context.sessionId } });
  });
}

/** Alur's own account (the public's stand-in) is listed but never changed: feedback cases depend on it. */
export function refuseSystemUser(user: User): void {
  if (user.login === FEEDBACK_PUBLIC_USER) throw new HttpError(409, 'USER_IS_SYSTEM', { login: user.login }, { login: user.login });
}

function checkPassword(password: string, login: string | undefined, errors: FieldErrors): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    addFieldError(errors, 'password', bothLanguages('FIELD_PASSWORD_LENGTH', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }));
  } else if (login !== undefined && password.trim().toLowerCase() === login.toLowerCase()) {
    addFieldError(errors, 'password', bothLanguages('FIELD_PASSWORD_IS_LOGIN'));
  }
}

/** What the merged account must satisfy: known roles, a unit for unit-scoped roles, existing unit and employee, an e-mail address. */
async function checkAccount(
  em: EntityManager,
  record: Pick<UserInput, 'roles' | 'unitScopeId' | 'employeeId' | 'email'>,
  errors: FieldErrors,
): Promise<void> {
  if (!errors.roles) {
    const unknown = record.roles.filter((role) => !isRole(role));
    if (new Set(record.roles).size !== record.roles.length) addFieldError(errors, 'roles', bothLanguages('FIELD_NOT_ROLE_LIST'));
    else if (unknown.length > 0) {
      addFieldError(errors, 'roles', bothLanguages('FIELD_UNKNOWN_ROLES', { roles: unknown.join(', '), options: ROLES.join(', ') }));
    } else {
      const scoped = record.roles.filter((role) => (UNIT_SCOPED_ROLES as readonly string[]).includes(role));
      if (scoped.length > 0 && record.unitScopeId === null && !errors.unitScopeId) {
        addFieldError(errors, 'unitScopeId', bothLanguages('FIELD_UNIT_SCOPE_REQUIRED', { roles: scoped.join(', ') }));
      }
    }
  }
  if (record.unitScopeId !== null && !errors.unitScopeId && !(await em.count(OrgUnit, { id: record.unitScopeId }))) {
    addFieldError(errors, 'unitScopeId', bothLanguages('FIELD_UNKNOWN_UNIT', { id: record.unitScopeId }));
  }
  if (record.employeeId !== null && !errors.employeeId && !(await em.count(Employee, { id: record.employeeId }))) {
    addFieldError(errors, 'employeeId', bothLanguages('FIELD_UNKNOWN_EMPLOYEE', { id: record.employeeId }));
  }
  if (record.email !== null && !errors.email && !EMAIL_PATTERN.test(record.email)) addFieldError(errors, 'email', bothLanguages('FIELD_NOT_EMAIL'));
}

export function userRef(user: User): UserRef {
  return { id: user.id, login: user.login, displayName: user.displayName };
}

/** Users as the API shows them, their units, employees and substitutes read in three queries. */
export async function userViews(em: EntityManager, users: User[]): Promise<UserView[]> {
  const ids = (pick: (u: User) => number | null) => [...new Set(users.flatMap((u) => (pick(u) === null ? [] : [pick(u)!])))];
  const unitIds = ids((u) => u.unitScopeId);
  const employeeIds = ids((u) => u.employeeId);
  const substituteIds = ids((u) => (u.absenceStart ? u.substituteUserId : null));
  const [units, employees, substitutes] = await Promise.all([
    unitIds.length ? em.find(OrgUnit, { id: { $in: unitIds } }) : [],
    employeeIds.length ? em.find(Employee, { id: { $in: employeeIds } }) : [],
    substituteIds.length ? em.find(User, { id: { $in: substituteIds } }) : [],
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const employeeById = new Map(employees.map((e) => [e.id, e]));
  const substituteById = new Map(substitutes.map((s) => [s.id, s]));
  return users.map((user) => {
    const unit = user.unitScopeId === null ? undefined : unitById.get(user.unitScopeId);
    const employee = user.employeeId === null ? undefined : employeeById.get(user.employeeId);
    const substitute = user.substituteUserId === null ? undefined : substituteById.get(user.substituteUserId);
    return {
      ...userRef(user),
      roles: [...user.roles],
      unitScope: user.unitScopeId === null ? null : { id: user.unitScopeId, name: unit?.name ?? '' },
      employee: employee ? { id: employee.id, nip: employee.nip, name: employee.name } : null,
      language: user.language,
      email: user.email,
      active: user.active,
      absence: user.absenceStart && user.absenceEnd
        ? { start: user.absenceStart, end: user.absenceEnd, substitute: substitute ? userRef(substitute) : null }
        : null,
      system: user.login === FEEDBACK_PUBLIC_USER,
      updatedAt: user.updatedAt ? new Date(user.updatedAt).toISOString() : null,
      updatedBy: user.updatedBy ?? null,
    };
  });
}
