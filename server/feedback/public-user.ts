import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { User } from '../../db';
import { FEEDBACK_PUBLIC_USER } from '../../processes/defaults/pengaduan';

/**
 * Not an argon2 hash: verifyPassword is false for every password, so nobody can sign in as the
 * public's system user.
 */
const NO_PASSWORD = '!no-login';

/**
 * The system user that starts feedback cases on the public's behalf and holds the citizen's
 * rating step (see FEEDBACK_PUBLIC_USER). Created on the first submission rather than by the
 * demo seed, so a real registry gets it too; no roles, no e-mail, no sign-in.
 */
export async function ensurePublicUser(em: EntityManager): Promise<void> {
  if (await em.count(User, { login: FEEDBACK_PUBLIC_USER })) return;
  try {
    await em.insert(User, {
      login: FEEDBACK_PUBLIC_USER,
      displayName: 'Masyarakat (pelapor publik)',
      passwordHash: NO_PASSWORD,
      roles: [],
      unitScopeId: null,
      employeeId: null,
      language: 'id',
      email: null,
      emailOptOut: [],
      absenceStart: null,
      absenceEnd: null,
      substituteUserId: null,
      active: true,
    });
  } catch (err) {
    // Two first submissions at once: the other one created it.
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
  }
}
