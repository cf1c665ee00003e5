// `khaosat backup list` and `khaosat backup restore`: the backups beside a database (newest
// first, each verified), and putting a verified one in place of a missing, empty or damaged
// database. The replaced files go to `kept/<time>/`; nothing is deleted.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupsDirFor } from '../../db/history';
import { databaseState, describeBackups, restoreBackup } from '../../db/restore';
import { defaultDbPath } from '../../paths';
import type { CliIo } from '../io';
import { printJson, printKeyValues, printTable } from '../output';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}

export async function backupListCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const dbPath = resolve(io.cwd, values.db ?? defaultDbPath(io.env));
  const backups = describeBackups(dbPath);
  const state = databaseState(dbPath);
  if (values.json) {
    printJson(io, { database: dbPath, database_state: state, backups_dir: backupsDirFor(dbPath), backups });
    return 0;
  }
  io.out(`Cơ sở dữ liệu / database: ${dbPath} (${state})\nSao lưu / backups: ${backupsDirFor(dbPath)}\n\n`);
  if (backups.length === 0) {
    io.out('Không có bản sao lưu / no backups\n');
    return 0;
  }
  printTable(
    io,
    ['tên / name', 'thời điểm / taken at', 'cỡ / size', 'dùng được / usable'],
    backups.map((b) => [b.name, b.takenAt ?? '?', megabytes(b.sizeBytes), b.usable ? 'có / yes' : `không / no: ${b.problem ?? ''}`.slice(0, 120)]),
  );
  return 0;
}

export async function backupRestoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const dbPath = resolve(io.cwd, values.db ?? defaultDbPath(io.env));
  // A name is looked up in the backups folder; anything with a folder in it is a path.
  const from = values.from === undefined ? undefined : values.from.includes('/') || values.from.includes('\\') ? resolve(io.cwd, values.from) : values.from;
  const result = restoreBackup(dbPath, from);
  if (values.json) printJson(io, { database: dbPath, ...result });
  else
    printKeyValues(io, [
      ['Đã khôi phục / restored', result.restored],
      ['Thời điểm sao lưu / taken at', result.takenAt ?? '?'],
      ['Cơ sở dữ liệu / database', dbPath],
      ['Tệp cũ được giữ ở / replaced files kept in', result.keptIn ?? '(không có / none)'],
    ]);
  return 0;
}
