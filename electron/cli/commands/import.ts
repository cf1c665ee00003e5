// `khaosat import <files|folders…> --db TARGET --keys DIR [--package P.kspkg] [--json]`: batch
// files into the analyst store (a SQLite file, or a postgres:// URL). Exit 1 when any file was
// rejected. On a terminal, one progress line on standard error.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importBatchFiles, listBatchFiles, type ImportReport } from '../../analyst/import';
import { registerSurveyPackage, type RegisteredForm } from '../../analyst/forms';
import { isPostgresTarget, openAnalystStore } from '../../analyst/store';
import { ANALYST_KEY_FILES, loadAnalystIdentity } from '../../sync/analyst-keys';
import { readFileBounded } from '../../sync/bounded-read';
import { readSigningPublicKeyFile } from '../../sync/key-files';
import { SURVEY_PACKAGE_LIMITS } from '../../../shared/formats/survey-package';
import { dbTarget, prepareDbTarget } from '../db-target';
import { CliError, usageError, type CliIo } from '../io';
import { printJson, printTable } from '../output';

/**
 * The store a --db names: a postgres:// URL as is, else a SQLite file checked like the laptop's.
 * Only `import` makes a new store; the commands that read one (`existing`) refuse a file that is
 * not there, so a mistyped --db neither leaves an empty store behind nor reads as "no interviews".
 */
export function analystTarget(db: string | undefined, io: CliIo, opts: { existing?: boolean } = {}): string {
  if (!db) throw usageError('missing --db FILE|postgres://user@host:port/db');
  if (isPostgresTarget(db)) return db;
  const path = prepareDbTarget(dbTarget(db, io), { createDefaultFolder: false });
  if (opts.existing && !existsSync(path)) {
    throw new CliError(
      `không có kho dữ liệu phân tích ${path}; hãy nhập lô trước: khaosat import <tệp lô|thư mục> --db ${path} --keys <thư mục khoá> / ` +
        `there is no analyst store ${path}; import batches first: khaosat import <batch files|folders> --db ${path} --keys <keys folder>`,
    );
  }
  return path;
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      keys: { type: 'string' },
      package: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (!values.keys) throw usageError('missing --keys DIR (the analyst keys folder, from khaosat keys generate)');
  if (positionals.length === 0 && !values.package?.length) throw usageError('missing batch files or folders');
  const target = analystTarget(values.db, io);
  const keysDir = resolve(io.cwd, values.keys);
  const identity = await loadAnalystIdentity(keysDir);
  const store = await openAnalystStore(target);
  try {
    const forms: RegisteredForm[] = [];
    if (values.package?.length) {
      const signer = await readSigningPublicKeyFile(join(keysDir, ANALYST_KEY_FILES.signingPublicKey));
      for (const p of values.package) {
        const bytes = await readFileBounded(resolve(io.cwd, p), SURVEY_PACKAGE_LIMITS.fileBytes, 'package_damaged');
        forms.push(await registerSurveyPackage(store, bytes, signer.publicKey));
      }
    }
    const files = listBatchFiles(positionals.map((p) => resolve(io.cwd, p)));
    const tty = !values.json && process.stderr.isTTY === true;
    const report = await importBatchFiles(store, files, {
      identity,
      onProgress: tty
        ? (done, total, file) => process.stderr.write(`\r\x1b[K[${done}/${total}] ${done < total ? file.slice(-60) : 'xong / done'}${done < total ? '' : '\n'}`)
        : undefined,
    });
    if (values.json) {
      // Standard output keeps exactly the documented shape; notes go to standard error.
      printJson(io, { batches: report.batches, gaps: report.gaps });
      for (const f of report.formsUnknown) io.err(formNote(f));
    } else printHuman(io, report, forms);
    return report.batches.some((b) => b.status === 'rejected') ? 1 : 0;
  } finally {
    await store.close();
  }
}

function printHuman(io: CliIo, report: ImportReport, forms: RegisteredForm[]): void {
  for (const f of forms) {
    io.out(`${f.added ? 'Đã đăng ký / registered' : 'Đã có / already registered'}: form ${f.survey} ${f.formVersion}; tên / names: ${f.units} đơn vị / units, ${f.agencies} cơ quan / agencies; ${f.quotas} chỉ tiêu / quotas\n`);
  }
  printTable(
    io,
    ['file', 'status', 'device', 'seq', 'new', 'replaced', 'unchanged', 'stale', 'conflicts'],
    report.batches.map((b) => [
      b.file,
      b.status,
      b.device?.slice(0, 8) ?? '-',
      b.sequence ?? '-',
      b.interviews.new,
      b.interviews.replaced,
      b.interviews.unchanged,
      b.interviews.stale,
      b.interviews.conflicts,
    ]),
  );
  for (const b of report.batches) if (b.reason) io.out(`${b.file}: ${b.reason}\n`);
  for (const g of report.gaps) io.out(`Thiếu lô / missing batches from device ${g.device}: ${g.missing.join(', ')}\n`);
  for (const f of report.formsUnknown) io.out(formNote(f));
}

function formNote(f: { survey: string; formVersion: string }): string {
  return (
    `Chưa có bảng hỏi ${f.survey} ${f.formVersion}: chỉ kiểm tra theo lược đồ (đăng ký bằng --package P.kspkg) / ` +
    `form ${f.survey} ${f.formVersion} not registered: checked against the schema only (register it with --package P.kspkg)\n`
  );
}
