import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import type { DatabaseConfig } from '../../db';
import { requireEnv } from './test-env';

export interface FreshDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/**
 * An empty database of its own, for tests that must start from nothing (migrations, the seed)
 * while other test files share the run's database. PostgreSQL: created next to the run's database.
 */
export async function freshDatabase(kind: 'sqlite' | 'postgresql'): Promise<FreshDatabase> {
  if (kind === 'sqlite') {
    return { config: { kind, file: path.join(requireEnv('ALUR_TEST_TMP'), `alur-${randomUUID()}.sqlite`) }, drop: async () => undefined };
  }
  const runUrl = new URL(requireEnv('ALUR_TEST_PG_URL'));
  const name = `${runUrl.pathname.slice(1)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(runUrl, `create database ${name}`);
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind, url: url.toString() },
    drop: () => adminQuery(runUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(url: URL, sql: string): Promise<void> {
  const client = new PgClient({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
