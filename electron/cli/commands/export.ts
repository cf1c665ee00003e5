// `khaosat export --db TARGET --format csv|xlsx|spss|stata --out DIR [--survey ID] [--bom] [--json]`:
// the counted interviews of a survey from the analyst store (electron/analyst/export.ts), built
// into one dataset with the registered form and written by the export writers (docs/exports.md).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExportSourceError, loadExportSource, type ExportSource } from '../../analyst/export';
import { openAnalystStore } from '../../analyst/store';
import { EXPORT_FORMATS, exportDataset, type ExportFormat } from '../../exports';
import { buildDataset } from '../../../shared/exports/fromForm';
import { writeMediaFiles } from '../../exports/media';
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
  const store = await openAnalystStore(analystTarget(values.db, io));
  let source: ExportSource;
  try {
    source = await loadExportSource(store, { survey: values.survey });
  } catch (error) {
    if (error instanceof ExportSourceError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
  const dataset = buildDataset(source.form, source.interviews);
  const exported = await exportDataset(dataset, { format: format as ExportFormat, outDir, bom: values.bom });
  // Attached files (image/audio/video/file answers) go beside the data, in media/.
  const result = { ...exported, files: [...exported.files, ...writeMediaFiles(outDir, source.form, source.interviews)] };
  const warnings = [...source.warnings, ...result.warnings];
  const summary = { survey: source.survey, form_version: dataset.formVersion, format, out: outDir, interviews: source.interviews.length, files: result.files, warnings };
  if (values.json) printJson(io, summary);
  else {
    io.out(`Đã xuất / exported ${summary.interviews} phỏng vấn / interviews of ${summary.survey} (form ${summary.form_version}) as ${format} into ${outDir}:\n`);
    for (const f of result.files) io.out(`  ${f}\n`);
    for (const w of warnings) io.err(`Cảnh báo / warning: ${w}\n`);
  }
  return 0;
}
