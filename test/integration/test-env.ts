import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { DatabaseConfig } from '../../db';

/** The databases of a run; this file imports no server or worker code, so database-only tests stay light. */
export interface TestDatabase {
  name: 'sqlite' | 'postgresql';
  config(): DatabaseConfig;
}

/** SQLite always; PostgreSQL too when the run was given TEST_DATABASE_URL. */
export function testDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [
    { name: 'sqlite', config: () => ({ kind: 'sqlite', file: path.join(requireEnv('ALUR_TEST_TMP'), `alur-${randomUUID()}.sqlite`) }) },
  ];
  const pgUrl = process.env.ALUR_TEST_PG_URL;
  if (pgUrl) databases.push({ name: 'postgresql', config: () => ({ kind: 'postgresql', url: pgUrl }) });
  return databases;
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest (its global setup sets it)`);
  return value;
}

