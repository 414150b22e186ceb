import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { dateFromRow, jsonFromRow, knexStatements, Session, tableOf, User } from '../../db';

/** A session lives this long after its last sign-in; signing in again starts a new one. */
export const SESSION_TTL_MS = 10 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'alur_session';

export interface AuthUser {
  id: number;
  login: string;
  displayName: string;
  roles: string[];
  unitScopeId: number | null;
  employeeId: number | null;
  language: 'id' | 'en';
}

export interface AuthContext {
  user: AuthUser;
  sessionId: string;
  csrfToken: string;
}

export function toAuthUser(user: User): AuthUser {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    roles: [...user.roles],
    unitScopeId: user.unitScopeId,
    employeeId: user.employeeId,
    language: user.language,
  };
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(em: EntityManager, user: User): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  em.create(Session, { id: digest(token), userId: user.id, csrfToken, createdAt: now, expiresAt });
  // Expired sessions of this user go when a new one is made, so the table does not grow unbounded.
  await em.nativeDelete(Session, { userId: user.id, expiresAt: { $lt: now } });
  await em.flush();
  return { token, csrfToken, expiresAt };
}

/**
 * The signed-in user behind a session token, or undefined when the token is unknown, expired, or
 * its user is deactivated. One statement (session joined to its user): every authenticated request
 * runs it, so it is built with the ORM's knex and read as plain values rather than two entity loads.
 */
export async function findSession(em: EntityManager, token: string): Promise<AuthContext | undefined> {
  if (!/^[\w-]{20,100}$/.test(token)) return undefined;
  const query = em.getKnex()
    .from({ s: tableOf(em, Session) })
    .join({ u: tableOf(em, User) }, 'u.id', 's.user_id')
    .select({
      sessionId: 's.id', csrfToken: 's.csrf_token', expiresAt: 's.expires_at',
      id: 'u.id', login: 'u.login', displayName: 'u.display_name', roles: 'u.roles',
      unitScopeId: 'u.unit_scope_id', employeeId: 'u.employee_id', language: 'u.language',
    })
    .where('s.id', digest(token)).andWhere('u.active', true);
  type Row = Omit<AuthUser, 'roles'> & { sessionId: string; csrfToken: string; expiresAt: Date | number | string; roles: string[] | string };
  const [row] = await knexStatements(em).all<Row>(query);
  if (!row || dateFromRow(row.expiresAt).getTime() <= Date.now()) return undefined;
  const { sessionId, csrfToken, expiresAt: _expiresAt, roles, ...user } = row;
  return { user: { ...user, roles: [...jsonFromRow<string[]>(roles)] }, sessionId, csrfToken };
}

export async function deleteSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeDelete(Session, { id: sessionId });
}
