// `khaosat doctor`: is this laptop's database healthy and durable? Opens (creating if needed)
// the database the app would use and reports its settings and integrity.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ServiceError } from '../../../shared/contract/errors';
import { latestVersion, openDatabase } from '../../db';
import { defaultDbPath } from '../../paths';
import { CliError, type CliIo } from '../io';
import { printJson, printKeyValues } from '../output';

const SYNCHRONOUS_NAMES = ['off', 'normal', 'full', 'extra'];

export interface DoctorReport {
  database: string;
  created: boolean;
  schema_version: number;
  code_schema_version: number;
  sqlite_version: string;
  journal_mode: string;
  synchronous: string;
  foreign_keys: boolean;
  integrity: string;
}

export async function doctorCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const path = resolve(io.cwd, values.db ?? defaultDbPath(io.env));
  const created = !existsSync(path);
  let db;
  try {
    db = openDatabase(path);
  } catch (error) {
    if (error instanceof ServiceError) {
      const reason = `${path}: ${error.code}${error.detail ? ` (${error.detail})` : ''}`;
      if (values.json) printJson(io, { database: path, integrity: 'failed', error: error.code, detail: reason });
      throw new CliError(reason);
    }
    throw error;
  }
  try {
    const report: DoctorReport = {
      database: path,
      created,
      schema_version: db.pragma('user_version', { simple: true }) as number,
      code_schema_version: latestVersion(),
      sqlite_version: (db.prepare('select sqlite_version() as v').get() as { v: string }).v,
      journal_mode: String(db.pragma('journal_mode', { simple: true })),
      synchronous: SYNCHRONOUS_NAMES[db.pragma('synchronous', { simple: true }) as number] ?? 'unknown',
      foreign_keys: db.pragma('foreign_keys', { simple: true }) === 1,
      integrity: (db.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .join('; '),
    };
    if (values.json) printJson(io, report);
    else
      printKeyValues(io, [
        ['Cơ sở dữ liệu / database', report.database + (created ? ' (mới tạo / created)' : '')],
        ['Phiên bản lược đồ / schema version', `${report.schema_version} (code: ${report.code_schema_version})`],
        ['SQLite', report.sqlite_version],
        ['journal_mode', report.journal_mode],
        ['synchronous', report.synchronous],
        ['foreign_keys', report.foreign_keys ? 'on' : 'off'],
        ['integrity_check', report.integrity],
      ]);
    return report.integrity === 'ok' ? 0 : 1;
  } finally {
    db.close();
  }
}
