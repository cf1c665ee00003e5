// `khaosat export` end to end, bounded in memory: the counted interviews stream from the store a
// page at a time (export.ts), each becomes its rows in the dataset builder (one form plan per
// form version), the rows wait in spools on disk, and the writers read them back once the row
// counts and string widths are known (SPSS and Stata need both before the first row).
import { EXPORT_FORMATS, exportDataset, type ExportFormat } from '../exports';
import { writeMediaFiles } from '../exports/media';
import { SpoolFolder } from '../exports/spool';
import { createDatasetBuilder } from '../../shared/exports/fromForm';
import { openExportStream, type FormPlans } from './export';
import { AuditLogExport } from './export-audit';
import { AUDIT_QUESTION } from '../../shared/forms/audit';
import type { AnalystStore } from './store';

export interface SurveyExportOptions {
  survey?: string;
  format: ExportFormat;
  outDir: string;
  bom?: boolean;
  plans?: FormPlans;
  /** Where the row spools go (default: the system's temporary folder). */
  spoolParent?: string;
}

export interface SurveyExportResult {
  survey: string;
  formVersion: string;
  interviews: number;
  files: string[];
  warnings: string[];
}

export async function exportSurvey(store: AnalystStore, options: SurveyExportOptions): Promise<SurveyExportResult> {
  if (!EXPORT_FORMATS.includes(options.format)) throw new Error(`unsupported export format: ${String(options.format)}`);
  const stream = await openExportStream(store, { ...(options.survey ? { survey: options.survey } : {}), ...(options.plans ? { plans: options.plans } : {}) });
  const spools = new SpoolFolder(options.spoolParent);
  // Forms with an audit question: each interview's ODK audit log beside its attachments, and the merged one.
  const audit = new AuditLogExport(store.db, options.outDir, stream.versions, stream.form.formId || stream.survey);
  try {
    const builder = createDatasetBuilder(stream.form, (table) => spools.create(table));
    let interviews = 0;
    // Attached files (image/audio/video/file answers) go beside the data, in media/, one interview
    // at a time so their bytes never pile up in memory.
    const media: string[] = [];
    for await (const iv of stream.interviews()) {
      const auditFile = audit.active ? await audit.add(iv, stream.versions.get(iv.formVersion)!) : null;
      // The `audit` question's column holds the interview's log file, as a media column holds its file.
      builder.add(auditFile ? { ...iv, answers: { ...iv.answers, [AUDIT_QUESTION]: auditFile } } : iv);
      media.push(...writeMediaFiles(options.outDir, stream.form, [iv]));
      interviews++;
    }
    const audits = audit.finish();
    const dataset = builder.finish();
    const result = await exportDataset(dataset, { format: options.format, outDir: options.outDir, ...(options.bom ? { bom: true } : {}) });
    return { survey: stream.survey, formVersion: dataset.formVersion, interviews, files: [...result.files, ...media, ...audits], warnings: [...stream.warnings, ...result.warnings] };
  } catch (error) {
    audit.abort();
    throw error;
  } finally {
    spools.dispose();
  }
}
