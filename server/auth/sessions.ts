import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { Session, User } from '../../db';

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

export async function findSession(em: EntityManager, token: string): Promise<AuthContext | undefined> {
  if (!/^[\w-]{20,100}$/.test(token)) return undefined;
  const session = await em.findOne(Session, { id: digest(token) });
  if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
  const user = await em.findOne(User, { id: session.userId, active: true });
  if (!user) return undefined;
  return { user: toAuthUser(user), sessionId: session.id, csrfToken: session.csrfToken };
}

export async function deleteSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeDelete(Session, { id: sessionId });
}
