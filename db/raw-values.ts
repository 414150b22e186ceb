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
