import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, EntityManager } from '@mikro-orm/knex';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { CaseEventSchema } from './entities/case-event';
import { CaseRecordSchema } from './entities/case-record';
import { CaseTaskSchema } from './entities/case-task';
import { EffectApplicationSchema } from './entities/effect-application';
import { ProcessDefinitionVersionSchema } from './entities/process-definition-version';
import { migrations } from './migrations';
import { registryEntities } from './registry-entities';
import { SessionSchema } from './entities/session';
import { FormVersionSchema } from './entities/form-version';
import { MailMessageSchema } from './entities/mail-message';
import { NotificationSchema } from './entities/notification';
import { TemporaryAssignmentSchema } from './entities/temporary-assignment';
import { PendingPublicationSchema } from './entities/pending-publication';
import { SAFETY_NET_CHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from './sqlite-checkpointer';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgresql'; url: string };

export interface Database {
  orm: MikroORM<AbstractSqlDriver>;
  /** A fresh, request- or activity-scoped entity manager. */
  em(): EntityManager;
  kind: DatabaseConfig['kind'];
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** Cheap liveness probe for /api/health. */
  check(): Promise<{ ok: true } | { ok: false; reason: string }>;
  close(): Promise<void>;
}

export const entities = [CaseRecordSchema, CaseEventSchema, CaseTaskSchema, EffectApplicationSchema, ProcessDefinitionVersionSchema, ...registryEntities, SessionSchema, FormVersionSchema, NotificationSchema, MailMessageSchema, TemporaryAssignmentSchema, PendingPublicationSchema];

/** The part of a better-sqlite3 connection this file uses. */
interface SqliteConnection {
  pragma(sql: string): unknown;
  prepare(sql: string): unknown;
}

/** How many compiled statements each SQLite connection keeps (least recently used dropped first). */
export const PREPARED_STATEMENT_CACHE_SIZE = 500;

/**
 * Keeps the connection's compiled statements for reuse. knex compiles (prepares) every statement
 * it runs on better-sqlite3 anew, and compiling cost as much CPU as running the statements: about
 * a third of the API's SQL time per request in the engine benchmark. A compiled statement is
 * reusable as long as the connection lives: knex runs each to completion (`all` or `run`) before
 * the next, and SQLite recompiles it by itself after a schema change (a migration).
 */
export function cachePreparedStatements(conn: SqliteConnection, size = PREPARED_STATEMENT_CACHE_SIZE): void {
  const prepare = conn.prepare.bind(conn);
  const cache = new Map<string, unknown>();
  conn.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (statement !== undefined) {
      cache.delete(sql); // most recently used last
    } else {
      statement = prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return statement;
  };
}

/** An arbitrary, fixed key so that concurrent processes migrating one PostgreSQL database take turns. */
const MIGRATION_LOCK_KEY = 4_207_311;

export async function initORM(config: DatabaseConfig, overrides: Partial<Options> = {}): Promise<Database> {
  const common: Partial<Options> = {
    entities,
    extensions: [Migrator],
    migrations: { migrationsList: migrations, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    ...overrides,
  };
  let orm: MikroORM<AbstractSqlDriver>;
  let checkpointer: Checkpointer | undefined;
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(path.dirname(config.file), { recursive: true });
    orm = await MikroORM.init<BetterSqliteDriver>({
      ...common,
      driver: BetterSqliteDriver,
      dbName: config.file,
      pool: {
        // The worker writes and the API reads the same file from separate processes.
        afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) => {
          conn.pragma('journal_mode = WAL');
          conn.pragma('synchronous = NORMAL');
          conn.pragma('busy_timeout = 5000');
          conn.pragma('foreign_keys = ON');
          // Checkpoints run on a thread of their own (below), not inside a request's COMMIT.
          if (config.file !== ':memory:') conn.pragma(`wal_autocheckpoint = ${SAFETY_NET_CHECKPOINT_PAGES}`);
          cachePreparedStatements(conn);
          done(null, conn);
        },
      },
    } as Options<BetterSqliteDriver>);
    if (config.file !== ':memory:') checkpointer = startCheckpointer(config.file);
  } else {
    orm = await MikroORM.init<PostgreSqlDriver>({
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: config.url,
      // A request waits at most 10 s for a connection; then it is answered 503 DATABASE_UNAVAILABLE.
      pool: { min: 0, max: 10, acquireTimeoutMillis: 10_000 },
    } as Options<PostgreSqlDriver>);
  }

  return {
    orm,
    kind: config.kind,
    em: () => orm.em.fork(),
    migrate: async () => {
      const migrator = orm.getMigrator();
      if (config.kind === 'postgresql') {
        const knex = orm.em.getConnection().getKnex();
        const conn = await knex.client.acquireConnection();
        try {
          await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
          try {
            return (await migrator.up()).map((m) => m.name);
          } finally {
            await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
          }
        } finally {
          await knex.client.releaseConnection(conn);
        }
      }
      return (await migrator.up()).map((m) => m.name);
    },
    check: async () => {
      try {
        await orm.em.getConnection().execute('select 1');
        return { ok: true };
      } catch (err) {
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
    close: async () => {
      await checkpointer?.stop();
      await orm.close(true);
    },
  };
}
