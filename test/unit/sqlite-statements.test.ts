import Database from 'better-sqlite3';
import { reusePreparedStatements, type PreparingConnection } from '../../db/sqlite-statements';

describe('reused prepared statements (SQLite)', () => {
  function open(capacity?: number) {
    const db = new Database(':memory:');
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    // Counts the statements SQLite really prepares, under the cache.
    (db as unknown as PreparingConnection).prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as unknown as PreparingConnection['prepare'];
    reusePreparedStatements(db as unknown as PreparingConnection, capacity);
    return { db, prepared };
  }

  test('when the same SQL runs again, then its statement is reused and gives the current rows', () => {
    const { db, prepared } = open();
    db.exec('create table t (id integer primary key, name text)');
    const insert = 'insert into t (name) values (?)';
    db.prepare(insert).run('a');
    db.prepare(insert).run('b');
    expect(db.prepare('select name from t order by id').all()).toEqual([{ name: 'a' }, { name: 'b' }]);
    db.prepare(insert).run('c');
    expect(db.prepare('select name from t order by id').all()).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect(prepared.filter((sql) => sql === insert)).toHaveLength(1);
  });

  test('when the schema changes under a cached statement, then the statement still reads the new schema', () => {
    const { db } = open();
    db.exec('create table t (id integer primary key, name text)');
    db.prepare('insert into t (name) values (?)').run('a');
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a' }]);
    db.exec('alter table t add column unit text');
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a', unit: null }]);
  });

  test('when more distinct statements run than the cache holds, then the least recently used are prepared again', () => {
    const { db, prepared } = open(2);
    const sql = (n: number) => `select ${n} as n`;
    db.prepare(sql(1)).get();
    db.prepare(sql(2)).get();
    db.prepare(sql(1)).get(); // 1 is now the most recent
    db.prepare(sql(3)).get(); // evicts 2
    db.prepare(sql(1)).get();
    db.prepare(sql(2)).get();
    expect(prepared).toEqual([sql(1), sql(2), sql(3), sql(2)]);
  });
});
