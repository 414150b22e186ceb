/** The part of a better-sqlite3 connection this module touches (knex hands it over untyped). */
export interface PreparingConnection {
  prepare(sql: string): PreparedStatement;
}

interface PreparedStatement {
  safeIntegers(on: boolean): PreparedStatement;
}

/**
 * Makes a better-sqlite3 connection reuse its prepared statements. knex prepares every query anew
 * (`connection.prepare(sql)` on each call), and with MikroORM's parameterised SQL the same few
 * dozen statements repeat: preparing them again was a sixth of the API's CPU per decision. The
 * cache is per connection and bounded (least recently used first out). Reuse is safe because knex
 * runs a statement to completion synchronously (`all`/`run`) before the next one is prepared, and
 * SQLite re-prepares a cached statement by itself after a schema change (a migration).
 */
export function reusePreparedStatements(connection: PreparingConnection, capacity = 256): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, PreparedStatement>();
  connection.prepare = (sql: string) => {
    const cached = cache.get(sql);
    if (cached) {
      // Most recently used last, so the first key is the one to evict.
      cache.delete(sql);
      cache.set(sql, cached);
      // knex sets safe integers on a statement only when a query asks for it: a reused statement
      // starts from the default again.
      return cached.safeIntegers(false);
    }
    const statement = prepare(sql);
    cache.set(sql, statement);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}
