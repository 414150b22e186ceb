import type { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/**
 * Adds a knex schema builder's statements one by one: a builder may produce several (a table and
 * its indexes), and SQLite runs only one statement per call.
 */
export function addSchemaSql(migration: Migration, builder: Knex.SchemaBuilder): void {
  const statements = builder.toSQL() as unknown as Array<{ sql: string }>;
  for (const statement of statements) migration.addSql(statement.sql);
}
