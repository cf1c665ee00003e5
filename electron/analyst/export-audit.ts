// The ODK audit logs of an export (docs/exports.md, "Audit log"), for interviews whose form has an
// `audit` question: each counted interview's `audit.csv` where its attachments go
// (`media/<interview id>/audit.csv`, as ODK Central keeps it per submission), and one merged
// `<form id> - audit.csv` with an `instance ID` column first (as Central's and Briefcase's exports
// do), streamed one interview at a time. Fields quoted as RFC 4180 (the export's csvField), UTF-8
// without a BOM, lines ended by LF as ODK's client audit log specification writes them.
import fs from 'node:fs';
import path from 'node:path';
import { auditSettingsOf, type AuditSettings } from '../../shared/forms/audit';
import type { FormModel } from '../../shared/forms/model';
import { auditColumns, auditLogRows, mergeAuditSettings, type AuditCell } from '../../shared/exports/audit-log';
import { MEDIA_FOLDER } from '../../shared/exports/media';
import { csvField } from '../exports/csv';
import { FileSink } from '../exports/sink';
import type { StoredExportInterview } from './export';
import { revisionParadata } from './paradata';
import type { AnalystDb } from './store';

export const AUDIT_FILE = 'audit.csv';

/** `media/<interview id>/audit.csv` (the interview's attachment folder). */
export function auditExportPath(interviewId: string): string {
  return `${MEDIA_FOLDER}/${interviewId.replace(/[^A-Za-z0-9_-]/g, '_')}/${AUDIT_FILE}`;
}

/** `<form id> - audit.csv`, the name ODK Central gives the merged log (made safe as a file name). */
export function mergedAuditFileName(formId: string): string {
  return `${formId.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')} - ${AUDIT_FILE}`;
}

const line = (cells: readonly AuditCell[]): string => cells.map((c) => csvField(c)).join(',') + '\n';

export class AuditLogExport {
  private readonly settings = new Map<string, AuditSettings | null>();
  private readonly merged: AuditSettings | null;
  private sink: FileSink | null = null;
  private readonly root: string;
  readonly files: string[] = [];

  /** `versions`: the form of each version the exported interviews use; `formId` names the merged file. */
  constructor(
    private readonly db: AnalystDb,
    outDir: string,
    versions: ReadonlyMap<string, FormModel>,
    private readonly formId: string,
  ) {
    this.root = path.resolve(outDir);
    for (const [v, form] of versions) this.settings.set(v, auditSettingsOf(form));
    const audited = [...this.settings.values()].filter((s): s is AuditSettings => s !== null);
    this.merged = audited.length > 0 ? mergeAuditSettings(audited) : null;
  }

  /** True when some exported version has an audit question (else the export writes no audit file). */
  get active(): boolean {
    return this.merged !== null;
  }

  /**
   * Writes the interview's audit.csv and its rows of the merged file; returns the file's relative
   * path (the data's `audit` column holds it, as ODK's holds the attachment's name), or null when
   * its form has no audit question.
   */
  async add(iv: StoredExportInterview, form: FormModel): Promise<string | null> {
    const settings = this.settings.get(iv.formVersion) ?? null;
    if (!settings || !this.merged) return null;
    const events = await revisionParadata(this.db, { interviewId: iv.interviewId, revision: iv.revision, contentHash: iv.contentHash });
    const rows = auditLogRows({ form, settings, events, answers: iv.answers, user: iv.surveyor });
    const file = auditExportPath(iv.interviewId);
    const target = path.resolve(this.root, ...file.split('/'));
    if (!target.startsWith(this.root + path.sep)) throw new Error(`audit log path outside the export folder: ${file}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, line(auditColumns(settings)) + rows.map(line).join(''));
    this.files.push(file);
    // The merged file covers every version's columns: a row fills the ones its version has.
    const sink = this.mergedSink();
    const own = auditColumns(settings);
    const all = auditColumns(this.merged);
    for (const r of rows) sink.text(line([iv.interviewId, ...all.map((c) => (own.includes(c) ? r[own.indexOf(c)]! : null))]));
    return file;
  }

  private mergedSink(): FileSink {
    if (!this.sink) {
      this.sink = new FileSink(path.join(this.root, mergedAuditFileName(this.formId)));
      this.sink.text(line(['instance ID', ...auditColumns(this.merged!)]));
    }
    return this.sink;
  }

  /** Closes the merged file (renamed into place); returns every audit file written. */
  finish(): string[] {
    if (this.sink) {
      this.sink.close();
      this.sink = null;
      this.files.push(mergedAuditFileName(this.formId));
    }
    return this.files;
  }

  /** After a failure: the merged file's temporary is removed, never left under the real name. */
  abort(): void {
    this.sink?.abort();
    this.sink = null;
  }
}
