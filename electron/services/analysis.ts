// The analyst's use cases in the app (docs/analyst.md): the analyst store opened lazily on the
// first analyst call (embedded SQLite beside the laptop database, or a postgres:// server), the
// analyst's decryption key chosen from a `khaosat keys generate` folder and kept protected on this
// computer, imports run as jobs the screen polls, conflicts and their resolution, the fieldwork
// dashboard, the index report, its printable PDF and the data export. Faces fill the ports
// (dialogs, protector, PDF printer).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ServiceError } from '../../shared/contract/errors';
import type { User } from '../../shared/contract/schemas';
import {
  IMPORT_UPLOAD_MAX_BYTES,
  type AnalystKeys,
  type DataExportResult,
  type ImportFileResult,
  type ImportStatus,
  type ReportPdfResult,
} from '../../shared/contract/analysis';
import { ReportFilterError, type ReportFilters } from '../../shared/indices/index-report';
import { chooseConflictVersion, listConflicts } from '../analyst/conflicts';
import { ExportSourceError, openExportStream } from '../analyst/export';
import { exportSurvey } from '../analyst/export-survey';
import { buildFieldworkDashboard } from '../analyst/fieldwork';
import { registerSurveyPackage } from '../analyst/forms';
import { importBatchFiles, listBatchFiles } from '../analyst/import';
import { reasonText } from '../analyst/reasons';
import { buildReport, ReportError } from '../analyst/report';
import { openAnalystStore, type AnalystStore } from '../analyst/store';
import { PdfPrintError, printHtmlToPdf, type PdfPrinter } from '../reports/pdf';
import { renderReportHtml } from '../../renderer/report/html';
import type { ExportFormat } from '../exports';
import { recipientFingerprint, recipientOf } from '../sync/age';
import { ANALYST_KEY_FILES } from '../sync/analyst-keys';
import { writeFileAtomic } from '../sync/atomic-write';
import { readAgeIdentityFile, readSigningPublicKeyFile } from '../sync/key-files';
import type { KeyProtector } from '../sync/key-protector';
import { SURVEY_PACKAGE_EXTENSION as PACKAGE_EXTENSION } from '../sync/survey-package';

export const ANALYST_STORE_FILE = 'analyst.sqlite';
export const ANALYST_KEYS_FILE = 'analyst-keys.json';
/** The analyst store for a shared office: a postgres:// URL (the configuration's or this variable). */
export const ANALYST_DB_ENV = 'KHAOSAT_ANALYST_DB';

export interface AnalystPorts {
  /** `analyst.sqlite` beside the laptop database by default, or a postgres:// URL. */
  target: string;
  /** Where the chosen keys are kept (the decryption key wrapped by `keyProtector`). */
  keysFile: string;
  /** How the decryption key is kept at rest (main: safeStorage); null when none is available. */
  keyProtector: () => KeyProtector | null;
  /** The `khaosat keys generate` folder (main: folder dialog; preview host: configuration). */
  chooseKeyFolder: () => Promise<string | null>;
  /** Batch files, or a folder, to import (null: cancelled). */
  chooseImport: (kind: 'files' | 'folder') => Promise<string[] | null>;
  /** The folder a data export goes to (null: cancelled). */
  chooseExportFolder: () => Promise<string | null>;
  /** The PDF file the printable report goes to, offering `defaultName` (main: save dialog; null: cancelled). */
  chooseReportFile: (defaultName: string) => Promise<string | null>;
  /** What prints the report's HTML to PDF (main: a hidden window's printToPDF; preview host: Chromium); null when none. */
  pdfPrinter: () => PdfPrinter | null;
}

/** `bao-cao-chi-so-<survey>-<YYYY-MM-DD>.pdf`, the day on this computer's clock. */
export function reportPdfName(survey: string, now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `bao-cao-chi-so-${survey}-${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}.pdf`;
}

const KeysFileSchema = z.strictObject({
  format: z.literal('khaosat-analyst-keys'),
  version: z.literal(1),
  protection: z.enum(['none', 'age-passphrase', 'safe-storage']),
  /** The age identity wrapped by the protector, base64. */
  identity: z.base64(),
  recipient: z.string(),
  signingPublicKey: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  signingFingerprint: z.string().nullable(),
  folder: z.string(),
  chosenAt: z.iso.datetime(),
});
type KeysFile = z.infer<typeof KeysFileSchema>;

const MAX_JOBS_KEPT = 20;

interface Job extends ImportStatus {
  cleanup: () => void;
}

/** A store error message `vi / en` as the contract's issue, so the screen says why. */
function notReady(error: Error, path: string): ServiceError {
  const [vi, en] = error.message.includes(' / ') ? [error.message.split(' / ')[0]!, error.message.split(' / ').slice(1).join(' / ')] : [error.message, error.message];
  return new ServiceError('analysis_not_ready', error.message, [{ path, problem: en, message: vi, messageEn: en }]);
}

export function createAnalysisService(ports: AnalystPorts, clock: () => Date, nativeBinding?: string) {
  let opening: Promise<AnalystStore> | null = null;
  const jobs = new Map<string, Job>();

  function store(): Promise<AnalystStore> {
    opening ??= openAnalystStore(ports.target, nativeBinding ? { nativeBinding } : {}).catch((error: unknown) => {
      // The next call tries again (a PostgreSQL server that was down may be up by then).
      opening = null;
      throw new ServiceError('analysis_not_ready', `the analyst store ${ports.target} cannot be opened: ${(error as Error).message}`);
    });
    return opening;
  }

  function readKeysFile(): KeysFile | null {
    if (!existsSync(ports.keysFile)) return null;
    const parsed = KeysFileSchema.safeParse(JSON.parse(readFileSync(ports.keysFile, 'utf8')));
    if (!parsed.success) throw new ServiceError('key_damaged', `${ports.keysFile}: ${parsed.error.message}`);
    return parsed.data;
  }

  function summary(file: KeysFile): AnalystKeys {
    return {
      recipient: file.recipient,
      recipientFingerprint: recipientFingerprint(file.recipient),
      signingFingerprint: file.signingFingerprint,
      protection: file.protection,
      chosenAt: file.chosenAt,
    };
  }

  async function identity(): Promise<{ identity: string; signer: Buffer | null }> {
    const file = readKeysFile();
    if (!file) throw new ServiceError('analyst_keys_missing');
    const protector = ports.keyProtector();
    if (!protector || protector.kind !== file.protection) {
      throw new ServiceError('key_unavailable', `${ports.keysFile} is protected by ${file.protection}, which this face cannot open; choose the key folder again`);
    }
    const opened = (await protector.unprotect(Buffer.from(file.identity, 'base64'))).toString('ascii');
    return { identity: opened, signer: file.signingPublicKey ? Buffer.from(file.signingPublicKey, 'hex') : null };
  }

  async function audit(user: User, action: string, entityId: string, detail: unknown): Promise<void> {
    await (await store()).db.insertInto('analyst_audit').values({ at: clock().toISOString(), user_code: user.code, action, entity_id: entityId, detail: JSON.stringify(detail) }).execute();
  }

  async function runJob(job: Job, batchFiles: string[], packageFiles: string[], keys: { identity: string; signer: Buffer | null }): Promise<void> {
    const s = await store();
    for (const path of packageFiles) {
      const file = basename(path);
      if (!keys.signer) {
        job.packages.push({ file, survey: null, formVersion: null, added: false, reason: reasonText('package_foreign_signer', `the key folder has no ${ANALYST_KEY_FILES.signingPublicKey}`) });
        continue;
      }
      try {
        const r = await registerSurveyPackage(s, readFileSync(path), keys.signer, clock());
        job.packages.push({ file, survey: r.survey, formVersion: r.formVersion, added: r.added, reason: null });
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        job.packages.push({ file, survey: null, formVersion: null, added: false, reason: reasonText(error.code, error.detail) });
      }
    }
    // One file at a time, so the screen sees each result as it lands (the rules make the outcome
    // independent of the order and of how the files are grouped).
    for (const path of batchFiles) {
      job.currentFile = basename(path);
      const report = await importBatchFiles(s, [path], { identity: keys.identity, now: clock });
      const entry = report.batches[0]!;
      const result: ImportFileResult = {
        file: entry.file,
        status: entry.status,
        reason: entry.reason ?? null,
        reasonCode: entry.reason ? (entry.reason.match(/^([a-z_]+):/)?.[1] ?? null) : null,
        device: entry.device,
        sequence: entry.sequence,
        interviews: entry.interviews,
      };
      job.results.push(result);
      for (const k of Object.keys(job.interviews) as (keyof ImportStatus['interviews'])[]) job.interviews[k] += entry.interviews[k];
      job.gaps = report.gaps;
      for (const f of report.formsUnknown) {
        if (!job.formsUnknown.some((u) => u.survey === f.survey && u.formVersion === f.formVersion)) job.formsUnknown.push(f);
      }
      job.done++;
    }
    job.currentFile = null;
  }

  function startJob(user: User, batchFiles: string[], packageFiles: string[], keys: { identity: string; signer: Buffer | null }, cleanup: () => void): string {
    const jobId = randomUUID();
    const job: Job = {
      jobId,
      state: 'running',
      done: 0,
      total: batchFiles.length,
      currentFile: null,
      interviews: { new: 0, replaced: 0, unchanged: 0, stale: 0, conflicts: 0 },
      results: [],
      packages: [],
      gaps: [],
      formsUnknown: [],
      error: null,
      cleanup,
    };
    jobs.set(jobId, job);
    for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - MAX_JOBS_KEPT))) jobs.delete(old);
    void runJob(job, batchFiles, packageFiles, keys)
      .then(() => {
        job.state = 'done';
        return audit(user, 'batches_imported', jobId, { files: job.results.map((r) => ({ file: r.file, status: r.status })), packages: job.packages.length });
      })
      .catch((error: unknown) => {
        job.state = 'failed';
        const message = error instanceof Error ? error.message : String(error);
        job.error = { message: `Nhập lô bị dừng: ${message}`, messageEn: `The import stopped: ${message}` };
      })
      .finally(() => job.cleanup());
    return jobId;
  }

  async function indexReport(req: { survey?: string; filters?: ReportFilters }) {
    try {
      return await buildReport(await store(), { survey: req.survey, now: clock(), ...(req.filters ? { filters: req.filters } : {}) });
    } catch (error) {
      if (error instanceof ReportError) throw notReady(error, 'survey');
      if (error instanceof ReportFilterError) {
        // A filter the frame does not know (a reversed date range, an unknown unit type): the request's fault.
        const [vi, en] = error.message.includes(' / ') ? [error.message.split(' / ')[0]!, error.message.split(' / ').slice(1).join(' / ')] : [error.message, error.message];
        throw new ServiceError('invalid_request', error.message, [{ path: 'filters', problem: en, message: vi, messageEn: en }]);
      }
      throw error;
    }
  }

  return {
    /** Closes the store if it was opened (the core's close). */
    async close(): Promise<void> {
      const s = opening;
      opening = null;
      if (s) await (await s.catch(() => null))?.close();
    },

    keys(): { keys: AnalystKeys | null; store: string } {
      const file = readKeysFile();
      return { keys: file ? summary(file) : null, store: ports.target.replace(/^(postgres(?:ql)?:\/\/[^:@/]+):[^@]*@/i, '$1:***@') };
    },

    async chooseKeys(user: User): Promise<{ cancelled: boolean; keys: AnalystKeys | null }> {
      const folder = await ports.chooseKeyFolder();
      if (folder === null) return { cancelled: true, keys: readKeysFile() ? summary(readKeysFile()!) : null };
      const identityPath = join(folder, ANALYST_KEY_FILES.encryptionKey);
      if (!existsSync(identityPath)) throw new ServiceError('analyst_keys_missing', `${folder} has no ${ANALYST_KEY_FILES.encryptionKey}`);
      const ageIdentity = await readAgeIdentityFile(identityPath);
      const recipient = await recipientOf(ageIdentity);
      const signingPath = join(folder, ANALYST_KEY_FILES.signingPublicKey);
      const signing = existsSync(signingPath) ? await readSigningPublicKeyFile(signingPath) : null;
      const protector = ports.keyProtector();
      if (!protector) throw new ServiceError('key_unavailable', 'no way to protect the analyst key on this computer (no system keychain)');
      const file: KeysFile = {
        format: 'khaosat-analyst-keys',
        version: 1,
        protection: protector.kind,
        identity: (await protector.protect(Buffer.from(ageIdentity, 'ascii'))).toString('base64'),
        recipient,
        signingPublicKey: signing ? signing.publicKey.toString('hex') : null,
        signingFingerprint: signing?.fingerprint ?? null,
        folder,
        chosenAt: clock().toISOString(),
      };
      await writeFileAtomic(ports.keysFile, Buffer.from(`${JSON.stringify(file, null, 2)}\n`), { mode: 0o600, overwrite: true });
      await audit(user, 'analyst_keys_chosen', recipientFingerprint(recipient), { folder, signing: file.signingFingerprint });
      return { cancelled: false, keys: summary(file) };
    },

    async startImport(user: User, request: { choose?: 'files' | 'folder'; files?: { name: string; contentBase64: string }[] }): Promise<{ cancelled: boolean; jobId: string | null; total: number }> {
      const keys = await identity();
      let paths: string[];
      let cleanup = () => {};
      if (request.choose) {
        const chosen = await ports.chooseImport(request.choose);
        if (chosen === null || chosen.length === 0) return { cancelled: true, jobId: null, total: 0 };
        paths = chosen;
      } else {
        const files = request.files ?? [];
        const bytes = files.map((f) => Buffer.from(f.contentBase64, 'base64'));
        const size = bytes.reduce((n, b) => n + b.length, 0);
        if (size > IMPORT_UPLOAD_MAX_BYTES) {
          throw new ServiceError('invalid_request', `${size} bytes dropped`, [
            { path: 'files', problem: `at most ${IMPORT_UPLOAD_MAX_BYTES} bytes in all`, message: 'Các tệp thả vào quá lớn (tối đa 50 MiB mỗi lần); hãy chọn thư mục thay vì thả.', messageEn: 'The dropped files are too large (50 MiB at most at once); choose the folder instead.' },
          ]);
        }
        const dir = mkdtempSync(join(tmpdir(), 'khaosat-drop-'));
        cleanup = () => rmSync(dir, { recursive: true, force: true });
        paths = files.map((f, i) => {
          // Two dropped files may share a name (from two folders): both are kept.
          const name = existsSync(join(dir, f.name)) ? `${i}-${f.name}` : f.name;
          writeFileSync(join(dir, name), bytes[i]!);
          return join(dir, name);
        });
      }
      const packages: string[] = [];
      for (const p of paths) {
        const isFolder = (() => {
          try {
            return statSync(p).isDirectory();
          } catch {
            return false;
          }
        })();
        if (isFolder) packages.push(...readdirSync(p).filter((n) => n.endsWith(PACKAGE_EXTENSION)).sort().map((n) => join(p, n)));
        else if (p.endsWith(PACKAGE_EXTENSION)) packages.push(p);
      }
      const batches = listBatchFiles(paths.filter((p) => !p.endsWith(PACKAGE_EXTENSION)));
      const jobId = startJob(user, batches, packages, keys, cleanup);
      return { cancelled: false, jobId, total: batches.length };
    },

    importStatus(jobId: string): ImportStatus {
      const job = jobs.get(jobId);
      if (!job) throw new ServiceError('not_found', `no import job ${jobId}`);
      const { cleanup: _cleanup, ...status } = job;
      return structuredClone(status);
    },

    async conflicts() {
      return listConflicts(await store(), { limit: 100 });
    },

    async resolveConflict(user: User, req: { interviewId: string; revision: number; contentHash: string }) {
      await chooseConflictVersion(await store(), { ...req, userCode: user.code, at: clock().toISOString() });
      return { interviewId: req.interviewId, revision: req.revision, chosen: req.contentHash };
    },

    async dashboard(req: { survey?: string }) {
      return buildFieldworkDashboard(await store(), { survey: req.survey, now: clock() });
    },

    report: indexReport,

    /**
     * The printable report of these filters as PDF: the same HTML as `khaosat report --format
     * html`, printed by the face's printer in a temporary folder, then placed atomically where the
     * save dialog said. Checked before the dialog: a report with no Interview, no printer.
     */
    async reportPdf(user: User, req: { survey?: string; filters?: ReportFilters }): Promise<ReportPdfResult> {
      const report = await indexReport(req);
      if (report.overall.n === 0) throw new ServiceError('report_no_data', `survey ${report.survey}, filters ${JSON.stringify(report.filters)}`);
      const printer = ports.pdfPrinter();
      if (!printer) throw new ServiceError('report_printer_missing');
      const path = await ports.chooseReportFile(reportPdfName(report.survey, clock()));
      if (path === null) return { cancelled: true, path: null, survey: report.survey, pages: 0, bytes: 0 };
      let pdf: { bytes: Buffer; pages: number };
      try {
        pdf = await printHtmlToPdf(printer, await renderReportHtml(report));
      } catch (error) {
        if (error instanceof PdfPrintError) throw new ServiceError('report_print_failed', error.message);
        throw error;
      }
      try {
        await writeFileAtomic(path, pdf.bytes, { overwrite: true });
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new ServiceError('report_write_failed', `${path}: ${(error as Error).message}`, [
          {
            path: 'file',
            problem: `cannot write ${path} (${reason})`,
            message: `Không ghi được tệp PDF vào ${path} (${reason}); hãy chọn thư mục khác.`,
            messageEn: `The PDF could not be written to ${path} (${reason}); choose another folder.`,
          },
        ]);
      }
      await audit(user, 'report_pdf_written', report.survey, { path, pages: pdf.pages, bytes: pdf.bytes.length, filters: report.filters });
      return { cancelled: false, path, survey: report.survey, pages: pdf.pages, bytes: pdf.bytes.length };
    },

    async exportData(user: User, req: { format: ExportFormat; survey?: string }): Promise<DataExportResult> {
      const s = await store();
      // Checked before the dialog (a store without a registered form says so at once); the rows
      // themselves stream through exportSurvey as `khaosat export` does, bounded in memory.
      let survey: string;
      try {
        survey = (await openExportStream(s, { survey: req.survey })).survey;
      } catch (error) {
        if (error instanceof ExportSourceError) throw notReady(error, 'survey');
        throw error;
      }
      const folder = await ports.chooseExportFolder();
      if (folder === null) return { cancelled: true, folder: null, survey, formVersion: null, interviews: 0, files: [], warnings: [] };
      const result = await exportSurvey(s, { survey, format: req.format, outDir: folder });
      await audit(user, 'data_exported', result.survey, { format: req.format, folder, interviews: result.interviews, files: result.files.length });
      return {
        cancelled: false,
        folder,
        survey: result.survey,
        formVersion: result.formVersion,
        interviews: result.interviews,
        files: listedExportFiles(result.files),
        warnings: result.warnings.slice(0, 200),
      };
    },
  };
}

/** DataExportResultSchema lists at most this many files. */
export const EXPORT_FILES_LISTED = 1_000;

/**
 * The files an export wrote, as the screen lists them: all of them when they fit the contract's
 * bound; else the data files and the folders (`media/`) the per-interview files went into — an
 * audit log or attachments of 200,000 interviews are that many files.
 */
export function listedExportFiles(files: readonly string[]): string[] {
  if (files.length <= EXPORT_FILES_LISTED) return [...files];
  const listed: string[] = [];
  for (const f of files) {
    const slash = f.indexOf('/');
    const entry = slash < 0 ? f : f.slice(0, slash + 1);
    if (!listed.includes(entry)) listed.push(entry);
  }
  return listed.slice(0, EXPORT_FILES_LISTED);
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
