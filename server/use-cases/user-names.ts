import type { EntityManager } from '@mikro-orm/knex';
import { User } from '../../db';
import { FEEDBACK_PUBLIC_USER } from '../../processes/defaults/pengaduan';
import { HttpError } from '../errors';

/** The author Alur records for the definitions and forms it publishes itself (db/process-definitions.ts, db/default-forms.ts). */
export const BUILT_IN_AUTHOR = 'system';

/** `person`: someone who signs in; `public`: the citizens' stand-in; `system`: Alur itself. */
export type UserNameKind = 'person' | 'public' | 'system';

/** What anyone signed in may know of another user: the name that stands for their login, nothing more. */
export interface UserName {
  login: string;
  displayName: string;
  kind: UserNameKind;
}

export const MAX_LOGINS = 100;
const MAX_LOGIN_LENGTH = 100;

/** The `login` query parameter, once or repeated: 1–100 distinct logins of at most 100 characters. */
export function parseLogins(raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const logins = [...new Set(values)];
  const valid = logins.length >= 1 && logins.length <= MAX_LOGINS
    && logins.every((l): l is string => typeof l === 'string' && l.length >= 1 && l.length <= MAX_LOGIN_LENGTH);
  if (!valid) throw new HttpError(400, 'INVALID_LOGINS', { maxLogins: MAX_LOGINS }, { max: MAX_LOGINS });
  return logins as string[];
}

/**
 * The names of the given logins, in the order asked, read in one query. Former (inactive) users
 * keep their names, since cases remember them; logins nobody holds are left out.
 */
export async function userNames(em: EntityManager, logins: readonly string[]): Promise<UserName[]> {
  const users = await em.find(User, { login: { $in: [...logins] } }, { fields: ['login', 'displayName'] });
  const byLogin = new Map(users.map((u) => [u.login, u.displayName]));
  return logins.flatMap((login): UserName[] => {
    if (login === FEEDBACK_PUBLIC_USER) return [{ login, displayName: byLogin.get(login) ?? 'Masyarakat (pelapor publik)', kind: 'public' }];
    const displayName = byLogin.get(login);
    if (displayName !== undefined) return [{ login, displayName, kind: 'person' }];
    return login === BUILT_IN_AUTHOR ? [{ login, displayName: 'Alur (sistem)', kind: 'system' }] : [];
  });
}
