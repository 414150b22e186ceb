import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initORM, type Database } from '../../db';
import { SAFETY_NET_CHECKPOINT_PAGES } from '../../db/sqlite-checkpointer';
import { eventually } from './harness';

describe('SQLite write-ahead log checkpoints', () => {
  let dir: string;
  let db: Database;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'alur-checkpoint-'));
    file = path.join(dir, 'alur.sqlite');
    db = await initORM({ kind: 'sqlite', file });
    await db.migrate();
  });

  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('when the app writes more log than SQLite would checkpoint in a COMMIT, then a background thread moves it into the database file', async () => {
    const knex = db.em().getKnex();
    // The app's connection leaves checkpoints to the thread (up to the safety net).
    const [setting] = await knex.raw('pragma wal_autocheckpoint') as Array<{ wal_autocheckpoint: number }>;
    expect(setting?.wal_autocheckpoint).toBe(SAFETY_NET_CHECKPOINT_PAGES);

    await knex.raw('create table checkpoint_probe (id integer primary key, body text not null)');
    const sizeBefore = statSync(file).size;
    // About 1,500 pages of 4 KB: past SQLite's default automatic checkpoint (1,000 pages), far below the safety net.
    for (let i = 0; i < 1500; i++) await knex.raw('insert into checkpoint_probe (body) values (?)', ['x'.repeat(3500)]);

    // Only a checkpoint writes pages into the database file itself; the writes above went to the log.
    const grown = await eventually(async () => {
      const size = statSync(file).size;
      return size >= sizeBefore + 1500 * 3500 ? size : undefined;
    });
    expect(grown).toBeGreaterThanOrEqual(sizeBefore + 1500 * 3500);
    // Every row is there, as the app's own connection reads it.
    const [count] = await knex.raw('select count(*) as n from checkpoint_probe') as Array<{ n: number }>;
    expect(count?.n).toBe(1500);
  });
});
