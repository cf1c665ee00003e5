// The sql tagged template: values become parameters, never SQL text.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { all, joinSql, sql } from '../../../electron/db/sql';

describe('sql tagged template', () => {
  it('turns every interpolation into a ? parameter', () => {
    const code = "x'); DROP TABLE users; --";
    const q = sql`SELECT * FROM users WHERE code = ${code} AND active = ${true}`;
    expect(q.text).toBe('SELECT * FROM users WHERE code = ? AND active = ?');
    expect(q.values).toEqual([code, 1]);
  });

  it('a hostile value is stored verbatim and cannot change the statement', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE t (v TEXT)');
    const hostile = "'); DROP TABLE t; --";
    db.prepare(sql`INSERT INTO t (v) VALUES (${hostile})`.text).run(hostile);
    expect(all(db, sql`SELECT v FROM t WHERE v = ${hostile}`)).toEqual([{ v: hostile }]);
    db.close();
  });

  it('joinSql keeps fragment parameters in order', () => {
    const q = joinSql([sql`a = ${1}`, sql`b = ${'two'}`, sql`c = ${null}`], ' AND ');
    expect(q.text).toBe('a = ? AND b = ? AND c = ?');
    expect(q.values).toEqual([1, 'two', null]);
  });
});
