// `khaosat doctor`: is this laptop's database healthy? Reads the file on a read-only connection
// and never creates or changes a file (the -wal/-shm a read-only open of a WAL file makes are
// removed again); a missing or empty path is "no database here", exit 1. Lists each check it ran.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ERROR_MESSAGES } from '../../../shared/contract/errors';
import { latestVersion } from '../../db';
import { backupTakenAt, listBackups } from '../../db/backup';
import { storageErrorCode } from '../../db/errors';
import { backupsDirFor, findEarlierData } from '../../db/history';
import { checkHealth, hasDatabaseContent, withReadOnlyDatabase } from '../../db/open';
import { PROTECTIVE_TRIGGERS } from '../../db/protection';
import { defaultDbPath } from '../../paths';
import { CliError, type CliIo } from '../io';
import { printJson, printTable } from '../output';

export type CheckResult = 'ok' | 'failed' | 'warning' | 'info';

export interface DoctorCheck {
  name: string;
  result: CheckResult;
  detail: string;
}

export interface DoctorReport {
  database: string;
  ok: boolean;
  schema_version: number | null;
  code_schema_version: number;
  sqlite_version: string | null;
  journal_mode: string | null;
  integrity: string;
  missing_triggers: string[];
  checks: DoctorCheck[];
}

const NO_DATABASE = { vi: 'Không có cơ sở dữ liệu ở đây', en: 'no database here' };

function inspect(path: string): DoctorReport {
  const checks: DoctorCheck[] = [];
  const report: DoctorReport = {
    database: path,
    ok: false,
    schema_version: null,
    code_schema_version: latestVersion(),
    sqlite_version: null,
    journal_mode: null,
    integrity: 'not run',
    missing_triggers: [],
    checks,
  };
  try {
    withReadOnlyDatabase(path, {}, (db) => {
      report.sqlite_version = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
      const health = checkHealth(db);
      report.integrity = health.integrity.join('; ');
      report.schema_version = health.schemaVersion;
      report.missing_triggers = health.missingTriggers;
      const intact = report.integrity === 'ok';
      checks.push({ name: 'integrity_check', result: intact ? 'ok' : 'failed', detail: intact ? 'ok' : `database_damaged: ${report.integrity}` });
      const v = health.schemaVersion;
      const code = latestVersion();
      checks.push({
        name: 'schema_version',
        result: v > code ? 'failed' : v === code ? 'ok' : 'warning',
        detail: v > code ? `database_too_new: ${v} > ${code}` : v === code ? `${v}` : `${v} (the app upgrades it to ${code} on its next open)`,
      });
      if (intact && v <= code) {
        checks.push({
          name: 'triggers',
          result: health.missingTriggers.length === 0 ? 'ok' : 'failed',
          detail:
            health.missingTriggers.length === 0
              ? `${PROTECTIVE_TRIGGERS.filter((t) => t.since <= v).length} protective triggers in place`
              : `database_unprotected: missing or altered ${health.missingTriggers.join(', ')}`,
        });
        const violations = (db.pragma('foreign_key_check') as unknown[]).length;
        checks.push({ name: 'foreign_key_check', result: violations === 0 ? 'ok' : 'failed', detail: violations === 0 ? 'ok' : `${violations} rows point to missing rows` });
      }
      report.journal_mode = String(db.pragma('journal_mode', { simple: true }));
      checks.push({ name: 'journal_mode', result: report.journal_mode === 'wal' ? 'ok' : 'warning', detail: report.journal_mode });
    });
  } catch (err) {
    // A file too damaged to read its header fails before integrity_check can run: same verdict.
    const code = storageErrorCode(err);
    const sqlite = (err as { code?: string }).code ?? 'error';
    checks.push({
      name: code === 'database_damaged' ? 'integrity_check' : 'open',
      result: 'failed',
      detail: `${code ?? sqlite}: ${code ? `${sqlite}: ` : ''}${(err as Error).message}`,
    });
    if (code === 'database_damaged') report.integrity = (err as Error).message;
  }
  const backups = listBackups(backupsDirFor(path));
  const newest = backups.at(-1);
  checks.push({
    name: 'backups',
    result: 'info',
    detail: newest ? `${backups.length} in ${backupsDirFor(path)}, newest ${backupTakenAt(newest)?.toISOString() ?? newest}` : `none in ${backupsDirFor(path)}`,
  });
  report.ok = checks.every((c) => c.result !== 'failed');
  return report;
}

export async function doctorCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const path = resolve(io.cwd, values.db ?? defaultDbPath(io.env));
  if (!hasDatabaseContent(path)) {
    const traces = findEarlierData(path);
    const restore = traces.length > 0 ? ` — ${ERROR_MESSAGES.database_missing.en} (khaosat backup list --db ${path})` : '';
    if (values.json) {
      printJson(io, { database: path, ok: false, error: 'no_database', message: NO_DATABASE.vi, messageEn: NO_DATABASE.en, traces, checks: [] });
      return 1;
    }
    throw new CliError(`${NO_DATABASE.vi} / ${NO_DATABASE.en}: ${path}${restore}`);
  }
  const report = inspect(path);
  if (values.json) printJson(io, report);
  else {
    io.out(`Cơ sở dữ liệu / database: ${report.database}\nSQLite ${report.sqlite_version ?? '?'}, phiên bản lược đồ / schema version ${report.schema_version ?? '?'} (code: ${report.code_schema_version})\n\n`);
    printTable(io, ['kiểm tra / check', 'kết quả / result', 'chi tiết / detail'], report.checks.map((c) => [c.name, c.result, c.detail]));
    io.out('synchronous=FULL, foreign_keys=ON: đặt mỗi lần ứng dụng mở tệp / set by the app on every open (not stored in the file)\n');
  }
  if (!report.ok) {
    const failed = report.checks.filter((c) => c.result === 'failed').map((c) => `${c.name} (${c.detail})`);
    io.err(`khaosat: ${path}: ${failed.join('; ').slice(0, 400)}\n`);
    return 1;
  }
  return 0;
}
