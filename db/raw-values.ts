import { JsonType, type EntityClass } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/knex';

/**
 * Values of rows read past the entity mapper (knex queries on hot read paths), as each driver
 * returns them: better-sqlite3 gives epoch milliseconds, 0/1 and JSON text where pg gives a Date,
 * a boolean and parsed JSON.
 */
export function dateFromRow(value: Date | number | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function jsonFromRow<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** A boolean column or expression: 0/1 from better-sqlite3, a boolean (or a count as text) from pg. */
export function booleanFromRow(value: unknown): boolean {
  return value === true || Number(value) === 1;
}

/**
 * A row for a write built with the ORM's knex (hot write paths): entity property names become
 * column names, and values are stored as MikroORM stores them (dates as the platform keeps them,
 * epoch milliseconds on SQLite; JSON properties as JSON text), so the entity mapper reads them back
 * exactly as if it had written them.
 */
export function columnsOf<T extends object>(em: EntityManager, entity: EntityClass<T>, values: Partial<T>): Record<string, unknown> {
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const row: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(values)) {
    const prop = meta.properties[property as keyof T & string];
    if (!prop) throw new Error(`${entity.name} has no property "${property}"`);
    const column = prop.fieldNames[0] as string;
    if (value === null || value === undefined) row[column] = null;
    else if (value instanceof Date) row[column] = platform.processDateProperty(value);
    else if (prop.customType instanceof JsonType) row[column] = JSON.stringify(value);
    else row[column] = value;
  }
  return row;
}

/** The table of an entity, for queries built with the ORM's knex. */
export function tableOf(em: EntityManager, entity: EntityClass<object>): string {
  return em.getMetadata().get(entity.name).tableName;
}

/** The column of an entity's property. */
export function columnOf<T extends object>(em: EntityManager, entity: EntityClass<T>, property: keyof T & string): string {
  const prop = em.getMetadata().get(entity.name).properties[property];
  if (!prop) throw new Error(`${entity.name} has no property "${property}"`);
  return prop.fieldNames[0] as string;
}

/**
 * Statements built with the ORM's knex, run with bound parameters on the ORM's knex (in the
 * transaction `em` is in, if any): for hot paths where MikroORM's entity query builder (criteria and
 * data processing per statement) costs more than the statement itself. Write values with `columnsOf`.
 *
 * Not through the ORM connection's `execute`: it writes every parameter into the SQL text, so no two
 * statements are alike and the database compiles each anew (on SQLite that compiling cost as much
 * as running them, and no compiled statement could be kept: see cachePreparedStatements).
 */
export interface KnexStatements {
  table(entity: EntityClass<object>): Knex.QueryBuilder;
  /** Runs a write; the number of rows it changed. */
  run(qb: Knex.QueryBuilder): Promise<number>;
  /** Runs a read. */
  all<R>(qb: Knex.QueryBuilder): Promise<R[]>;
}

/** A raw result as the two drivers give it: rows (better-sqlite3 reads), run info (its writes), or a pg result. */
type RawResult = unknown[] | { changes?: number; rowCount?: number | null; rows?: unknown[] };

export function knexStatements(em: EntityManager): KnexStatements {
  const knex = em.getKnex();
  const ctx = em.getTransactionContext<Knex.Transaction>();
  const raw = async (qb: Knex.QueryBuilder): Promise<RawResult> => {
    const { sql, bindings } = qb.toSQL();
    const statement = knex.raw(sql, bindings as Knex.RawBinding[]);
    return (await (ctx ? statement.transacting(ctx) : statement)) as RawResult;
  };
  return {
    table: (entity) => knex(tableOf(em, entity)),
    run: async (qb) => {
      const result = await raw(qb);
      return Array.isArray(result) ? 0 : Number(result.changes ?? result.rowCount ?? 0);
    },
    all: async <R>(qb: Knex.QueryBuilder) => {
      const result = await raw(qb);
      return (Array.isArray(result) ? result : result.rows ?? []) as R[];
    },
  };
}
