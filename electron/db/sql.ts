// A tagged template that turns every interpolation into a `?` parameter, so values can never be
// spliced into SQL text. Identifiers (table/column names) cannot be interpolated on purpose.
import type { Database } from './types';

export type SqlValue = string | number | bigint | boolean | Buffer | null;

export interface SqlQuery {
  readonly text: string;
  readonly values: readonly SqlValue[];
}

export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): SqlQuery {
  let text = strings[0] ?? '';
  for (let i = 1; i < strings.length; i++) text += `?${strings[i] ?? ''}`;
  // SQLite has no boolean type; store 1/0 like the schema's CHECK (x IN (0,1)) columns expect.
  return { text, values: values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)) };
}

/** Joins fragments (e.g. optional WHERE clauses) keeping their parameters in order. */
export function joinSql(parts: readonly SqlQuery[], separator: string): SqlQuery {
  return {
    text: parts.map((p) => p.text).join(separator),
    values: parts.flatMap((p) => p.values),
  };
}

export function all<T>(db: Database, query: SqlQuery): T[] {
  return db.prepare(query.text).all(...query.values) as T[];
}

export function get<T>(db: Database, query: SqlQuery): T | undefined {
  return db.prepare(query.text).get(...query.values) as T | undefined;
}

export function run(db: Database, query: SqlQuery): void {
  db.prepare(query.text).run(...query.values);
}
