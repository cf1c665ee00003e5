// `khaosat export --db TARGET --format csv|xlsx|spss|stata --out DIR [--survey ID] [--bom] [--json]`:
// the counted interviews of a survey from the analyst store (electron/analyst/export.ts), built
// into one dataset with the registered form and written by the export writers (docs/exports.md),
// streamed from the store with the rows spooled on disk (electron/analyst/export-survey.ts).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExportSourceError } from '../../analyst/export';
import { exportSurvey, type SurveyExportResult } from '../../analyst/export-survey';
import { openAnalystStore } from '../../analyst/store';
import { EXPORT_FORMATS, type ExportFormat } from '../../exports';
import { CliError, usageError, type CliIo } from '../io';
import { printJson } from '../output';
import { analystTarget } from './import';

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      survey: { type: 'string' },
      bom: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'`);
  const format = values.format;
  if (!format) throw usageError(`missing --format ${EXPORT_FORMATS.join('|')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw usageError(`--format ${format}: expected ${EXPORT_FORMATS.join(', ')}`);
  if (!values.out) throw usageError('missing --out DIR (the folder the files are written into)');
  const outDir = resolve(io.cwd, values.out);
  const store = await openAnalystStore(analystTarget(values.db, io, { existing: true }));
  let result: SurveyExportResult;
  try {
    result = await exportSurvey(store, { ...(values.survey ? { survey: values.survey } : {}), format: format as ExportFormat, outDir, bom: values.bom });
  } catch (error) {
    if (error instanceof ExportSourceError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
  const warnings = result.warnings;
  const summary = { survey: result.survey, form_version: result.formVersion, format, out: outDir, interviews: result.interviews, files: result.files, warnings };
  if (values.json) printJson(io, summary);
  else {
    io.out(`Đã xuất / exported ${summary.interviews} phỏng vấn / interviews of ${summary.survey} (form ${summary.form_version}) as ${format} into ${outDir}:\n`);
    // Per-interview files (attachments, audit logs) are one line for their folder: a wave has 200,000 interviews.
    const perInterview = result.files.filter((f) => f.startsWith('media/'));
    for (const f of result.files) if (!f.startsWith('media/')) io.out(`  ${f}\n`);
    if (perInterview.length > 0) io.out(`  media/ (${perInterview.length} tệp đính kèm và nhật ký audit / attachment and audit log files)\n`);
    for (const w of warnings) io.err(`Cảnh báo / warning: ${w}\n`);
  }
  return 0;
}
