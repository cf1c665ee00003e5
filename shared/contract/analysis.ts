// Contract shapes for the analyst's face (docs/analyst.md): the analyst's keys, batch import as a
// job polled for progress, conflicts side by side and the choice of one, the fieldwork dashboard,
// the index report and the data export. Strict and bounded like every request and response.
import { z } from 'zod';
import { IndexReportSchema, ReportFiltersSchema } from './indices';
import { Sha256HexSchema, SlugSchema, UuidSchema } from './schemas';

const FingerprintSchema = z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/, 'fingerprint such as 4F2A-9C1B-07D3-55E0-A1B2-C3D4-E5F6-0718');
const CountSchema = z.number().int().min(0);
const CodeSchema = z.string().min(1).max(200);
const TextSchema = z.string().max(2_000);

export const AnalystKeysSchema = z.strictObject({
  /** The age recipient batches are encrypted to, and its fingerprint to compare with the supervisors'. */
  recipient: z.string().regex(/^age1[0-9a-z]{58}$/),
  recipientFingerprint: FingerprintSchema,
  /** The signing key's fingerprint when the folder had signing.pub (survey packages are checked against it). */
  signingFingerprint: FingerprintSchema.nullable(),
  /** How the decryption key is kept on this computer. */
  protection: z.enum(['none', 'age-passphrase', 'safe-storage']),
  chosenAt: z.iso.datetime(),
});
export type AnalystKeys = z.infer<typeof AnalystKeysSchema>;

export const AnalysisKeysStatusSchema = z.strictObject({
  keys: AnalystKeysSchema.nullable(),
  /** The analyst store the app uses (a file path, or a postgres:// URL with the password hidden). */
  store: z.string().max(4_096),
});

/**
 * Files dropped on the page, sent as bytes (the renderer never names a path main would read).
 * At most 50 MiB in all, checked by the service; the preview host's body limit may be lower.
 */
export const IMPORT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
export const ImportUploadFileSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^/\\\u0000]+$/, 'a file name without folders')
    .refine((n) => n !== '.' && n !== '..', 'a file name, not . or ..'),
  contentBase64: z.base64().max(4 * Math.ceil(IMPORT_UPLOAD_MAX_BYTES / 3)),
});

/** Either `choose` (main opens the file dialog: batch files, or a folder with its .ksbatch and .kspkg files) or dropped `files`. */
export const ImportRequestSchema = z
  .strictObject({
    choose: z.enum(['files', 'folder']).optional(),
    files: z.array(ImportUploadFileSchema).min(1).max(500).optional(),
  })
  .refine((r) => (r.choose === undefined) !== (r.files === undefined), { message: 'give either choose or files', path: ['choose'] });

export const ImportStartedSchema = z.strictObject({
  cancelled: z.boolean(),
  jobId: UuidSchema.nullable(),
  /** Batch files the job will import (survey packages among them are registered first). */
  total: CountSchema,
});

export const ArrivalCountsSchema = z.strictObject({ new: CountSchema, replaced: CountSchema, unchanged: CountSchema, stale: CountSchema, conflicts: CountSchema });

export const ImportFileResultSchema = z.strictObject({
  file: z.string().max(255),
  status: z.enum(['imported', 'unchanged', 'rejected', 'duplicate']),
  /** `code: Vietnamese / English (detail)`, from electron/analyst/reasons.ts. */
  reason: TextSchema.nullable(),
  reasonCode: z.string().max(64).nullable(),
  device: UuidSchema.nullable(),
  sequence: z.number().int().min(0).nullable(),
  interviews: ArrivalCountsSchema,
});
export type ImportFileResult = z.infer<typeof ImportFileResultSchema>;

export const GapSchema = z.strictObject({ device: UuidSchema, missing: z.array(z.number().int().min(1)).max(10_000) });

export const ImportStatusSchema = z.strictObject({
  jobId: UuidSchema,
  state: z.enum(['running', 'done', 'failed']),
  done: CountSchema,
  total: CountSchema,
  currentFile: z.string().max(255).nullable(),
  /** Interview arrivals so far, summed over the files done. */
  interviews: ArrivalCountsSchema,
  results: z.array(ImportFileResultSchema).max(10_000),
  /** Survey packages in the chosen files, registered so batches are checked against their form. */
  packages: z.array(z.strictObject({ file: z.string().max(255), survey: SlugSchema.nullable(), formVersion: z.string().max(80).nullable(), added: z.boolean(), reason: TextSchema.nullable() })).max(100),
  gaps: z.array(GapSchema).max(10_000),
  formsUnknown: z.array(z.strictObject({ survey: z.string().max(64), formVersion: z.string().max(80) })).max(1_000),
  /** Why the job stopped (state failed), Vietnamese first. */
  error: z.strictObject({ message: TextSchema, messageEn: TextSchema }).nullable(),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

const StoredValueSchema = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null(), z.array(z.union([z.string().max(1_000), z.number()])).max(1_000)]);

export const ConflictVersionSchema = z.strictObject({
  contentHash: Sha256HexSchema,
  batchId: z.string().max(64),
  deviceId: z.string().max(64),
  surveyorCode: z.string().max(64),
  unitCode: z.string().max(64),
  outcome: z.string().max(32),
  createdAt: z.string().max(40),
  completedAt: z.string().max(40).nullable(),
  answers: z.array(z.strictObject({ path: z.string().max(500), value: StoredValueSchema, missing: z.string().max(32).nullable() })).max(20_000),
});

export const ConflictSchema = z.strictObject({
  interviewId: z.string().max(64),
  revision: z.number().int().min(0),
  surveyId: z.string().max(64),
  chosen: Sha256HexSchema.nullable(),
  chosenBy: z.string().max(64).nullable(),
  chosenAt: z.string().max(40).nullable(),
  versions: z.array(ConflictVersionSchema).min(2).max(50),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const ConflictListSchema = z.strictObject({ total: CountSchema, conflicts: z.array(ConflictSchema).max(100) });

export const ResolveConflictRequestSchema = z.strictObject({
  interviewId: UuidSchema,
  revision: z.number().int().min(0).max(1_000_000),
  contentHash: Sha256HexSchema,
});

const CountRowSchema = { total: CountSchema, completed: CountSchema };
const FLAG_CODES = ['too_short', 'straight_lining', 'dont_know_share', 'clock_future', 'clock_before_install', 'clock_backwards'] as const;
const FlagCodeSchema = z.enum(FLAG_CODES);

/** Completed ÷ quota in percent: above 100 once a quota is passed. */
const PercentOfQuotaSchema = z.number().min(0).max(100_000_000);

export const DashboardSchema = z.strictObject({
  surveys: z.array(z.string().max(64)).max(1_000),
  survey: z.string().max(64).nullable(),
  totals: z.strictObject({
    ...CountRowSchema,
    responseRate: z.number().min(0).max(100).nullable(),
    devices: CountSchema,
    batches: CountSchema,
    unresolvedConflicts: CountSchema,
    /** The sum of the Units' quotas (the survey's newest package); null without quotas. */
    quota: CountSchema.nullable(),
    /** Completed in Units with a quota ÷ that sum, percent with one decimal. */
    quotaPercent: PercentOfQuotaSchema.nullable(),
  }),
  outcomes: z.array(z.strictObject({ outcome: CodeSchema, n: CountSchema })).max(100),
  /** Furthest behind quota first, then Units without a quota by name (docs/analyst.md). */
  byUnit: z
    .array(
      z.strictObject({
        unitCode: CodeSchema,
        nameVi: z.string().max(300).nullable(),
        nameEn: z.string().max(300).nullable(),
        ...CountRowSchema,
        quota: CountSchema.nullable(),
        percent: PercentOfQuotaSchema.nullable(),
      }),
    )
    .max(20_000),
  bySurveyor: z.array(z.strictObject({ surveyorCode: CodeSchema, ...CountRowSchema })).max(10_000),
  byDay: z.array(z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), ...CountRowSchema })).max(5_000),
  gaps: z.array(GapSchema).max(10_000),
  flags: z
    .strictObject({
      counts: z.record(FlagCodeSchema, CountSchema),
      flagged: z.array(z.strictObject({ interviewId: z.string().max(64), unitCode: CodeSchema, surveyorCode: CodeSchema, flags: z.array(FlagCodeSchema).max(10) })).max(100),
    })
    .nullable(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

/**
 * `analysis:report`: the survey and the report filters (shared/contract/indices.ts, docs/report.md)
 * in, the IndexReport with its filters, period and frame out.
 */
export const ReportRequestSchema = z.strictObject({ survey: SlugSchema.optional(), filters: ReportFiltersSchema.optional() });
export { IndexReportSchema, ReportFiltersSchema };

export const DATA_EXPORT_FORMATS = ['csv', 'xlsx', 'spss', 'stata'] as const;
export const DataExportRequestSchema = z.strictObject({ format: z.enum(DATA_EXPORT_FORMATS), survey: SlugSchema.optional() });
export const DataExportResultSchema = z.strictObject({
  cancelled: z.boolean(),
  folder: z.string().max(4_096).nullable(),
  survey: z.string().max(64).nullable(),
  formVersion: z.string().max(80).nullable(),
  interviews: CountSchema,
  files: z.array(z.string().max(4_096)).max(1_000),
  warnings: z.array(z.string().max(2_000)).max(200),
});
export type DataExportResult = z.infer<typeof DataExportResultSchema>;

/**
 * `analysis:reportPdf`: the printable report (docs/report.md) of the survey and filters the Chỉ số
 * tab shows, printed to PDF and written where the analyst chose in the save dialog (none chosen:
 * cancelled, nothing written).
 */
export const ReportPdfRequestSchema = ReportRequestSchema;
export const ReportPdfResultSchema = z.strictObject({
  cancelled: z.boolean(),
  /** The PDF written (null when cancelled). */
  path: z.string().max(4_096).nullable(),
  survey: z.string().max(64),
  pages: CountSchema,
  bytes: CountSchema,
});
export type ReportPdfResult = z.infer<typeof ReportPdfResultSchema>;
