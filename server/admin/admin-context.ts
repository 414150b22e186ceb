import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import type { Language } from '../messages';

/** Who writes, in which language errors are answered, and the clock, for the administration use cases. */
export interface AdminContext {
  language: Language;
  actor: { id: number; login: string };
  now: Date;
  /** Today in WIB, YYYY-MM-DD. */
  today: string;
}

/**
 * Row locks for a read-check-write inside a transaction. PostgreSQL needs them (two administrators
 * demoting each other at once must not leave none); SQLite runs one writer at a time anyway and
 * has no SELECT … FOR UPDATE.
 */
export function rowLock(em: EntityManager): { lockMode?: LockMode.PESSIMISTIC_WRITE } {
  return em.getPlatform() instanceof PostgreSqlPlatform ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
}

export function isPostgres(em: EntityManager): boolean {
  return em.getPlatform() instanceof PostgreSqlPlatform;
}
