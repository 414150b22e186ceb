import Database from 'better-sqlite3';
import { cachePreparedStatements } from '../../db/orm';

describe('the SQLite connection keeps its compiled statements', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('create table t (id integer primary key, name text)');
  });
  afterEach(() => db.close());

  test('the same SQL is compiled once and gives the same answers on every run', () => {
    cachePreparedStatements(db);
    const insert = db.prepare('insert into t (name) values (?)');
    expect(db.prepare('insert into t (name) values (?)')).toBe(insert);
    insert.run('a');
    db.prepare('insert into t (name) values (?)').run('b');
    const select = db.prepare('select name from t order by id');
    expect(select.all()).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(db.prepare('select name from t order by id').all()).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  test('a kept statement still reads the table after a migration changes it', () => {
    cachePreparedStatements(db);
    db.prepare('insert into t (name) values (?)').run('a');
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a' }]);
    db.exec("alter table t add column unit text not null default 'x'");
    expect(db.prepare('select * from t').all()).toEqual([{ id: 1, name: 'a', unit: 'x' }]);
  });

  test('only the most recently used statements are kept', () => {
    cachePreparedStatements(db, 2);
    const first = db.prepare('select 1');
    const second = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(first); // now the most recent; "select 2" is the oldest
    db.prepare('select 3'); // drops "select 2"
    expect(db.prepare('select 1')).toBe(first);
    expect(db.prepare('select 2')).not.toBe(second);
  });

  test('SQL that does not compile is refused every time and not kept', () => {
    cachePreparedStatements(db);
    expect(() => db.prepare('select nope from t')).toThrow(/no such column/);
    db.exec('alter table t add column nope text');
    expect(db.prepare('select nope from t').all()).toEqual([]);
  });
});
