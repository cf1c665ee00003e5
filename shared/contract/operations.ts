// The one list of operations every face exposes: name, preload method, request and response
// schemas, and who may call it. Main registers handlers from this list, the preload exposes one
// function per entry, and the renderer's api/ derives its types from it, so they cannot drift.
import { z } from 'zod';
import type { Role } from './roles';
import { OPERATION_METHODS } from './methods';
import {
  AnswerPathSchema,
  AnswerSchema,
  AnswerValueSchema,
  BackupNameSchema,
  BackupSummarySchema,
  CloseOutcomeSchema,
  InterviewSchema,
  InterviewStatusSchema,
  InterviewSummarySchema,
  ManagedUserSchema,
  MissingKindSchema,
  NoteSchema,
  ParadataEventSchema,
  PersonNameSchema,
  RoleSchema,
  SecretSchema,
  Sha256HexSchema,
  SlugSchema,
  SurveySchema,
  UnitCodeSchema,
  UnitSchema,
  UserCodeSchema,
  UserIdSchema,
  UserSchema,
  UuidSchema,
} from './schemas';
import { RejectCommentSchema, ReviewDetailSchema, ReviewListRequestSchema, ReviewRowSchema } from './review';
import { FingerprintSchema, PackageInstallResultSchema, PackageUploadSchema, QuotaProgressSchema } from './packages';
import {
  AnalysisKeysStatusSchema,
  ConflictListSchema,
  DashboardSchema,
  DataExportRequestSchema,
  DataExportResultSchema,
  ImportRequestSchema,
  ImportStartedSchema,
  ImportStatusSchema,
  IndexReportSchema,
  ReportPdfRequestSchema,
  ReportPdfResultSchema,
  ReportRequestSchema,
  ResolveConflictRequestSchema,
} from './analysis';

/** `public`: callable without signing in (sign-in itself, first-run setup, status). */
export type Access = 'public' | 'signed_in' | readonly Role[];

interface OperationDef<M extends string, Req extends z.ZodType, Res extends z.ZodType> {
  /** Name of the function on `window.khaosat` (preload) and on the renderer's api client. */
  method: M;
  request: Req;
  response: Res;
  access: Access;
  /** One line on what the operation does, shown in docs and `--help`. */
  summary: string;
}

// Generic over the method name too, so it stays a literal type and KhaosatApi gets one key per method.
function op<M extends string, Req extends z.ZodType, Res extends z.ZodType>(def: OperationDef<M, Req, Res>) {
  return def;
}

const Empty = z.strictObject({});

export const SessionSchema = z.strictObject({
  user: UserSchema.nullable(),
  deviceId: UuidSchema,
  needsSetup: z.boolean(),
});

export const operations = {
  'app:status': op({
    method: OPERATION_METHODS['app:status'],
    summary: "App version, device id, label and signing-key fingerprint, whether first-run setup is needed, who is signed in.",
    request: Empty,
    response: z.strictObject({
      version: z.string().max(40),
      deviceId: UuidSchema,
      /** The label batch file names carry (`KS-` and the device id's first 8 hex digits). */
      deviceLabel: z.string().regex(/^KS-[0-9A-F]{8}$/),
      /** This laptop's Ed25519 key fingerprint (`XXXX-…`, 8 groups), null before the key is made. */
      deviceFingerprint: FingerprintSchema.nullable(),
      needsSetup: z.boolean(),
      user: UserSchema.nullable(),
    }),
    access: 'public',
  }),
  'setup:createFirstSupervisor': op({
    method: OPERATION_METHODS['setup:createFirstSupervisor'],
    summary: 'First run only: create the first supervisor and sign them in.',
    request: z.strictObject({ code: UserCodeSchema, name: PersonNameSchema, secret: SecretSchema }),
    response: UserSchema,
    access: 'public',
  }),
  'session:signIn': op({
    method: OPERATION_METHODS['session:signIn'],
    summary: 'Sign in with user code and PIN/password.',
    request: z.strictObject({ code: UserCodeSchema, secret: SecretSchema }),
    response: UserSchema,
    access: 'public',
  }),
  'session:signOut': op({
    method: OPERATION_METHODS['session:signOut'],
    summary: 'Sign the current user out.',
    request: Empty,
    response: z.strictObject({ signedOut: z.literal(true) }),
    access: 'signed_in',
  }),
  'user:create': op({
    method: OPERATION_METHODS['user:create'],
    summary: 'A supervisor registers a surveyor (or another supervisor) on this laptop.',
    request: z.strictObject({
      code: UserCodeSchema,
      name: PersonNameSchema,
      role: RoleSchema,
      secret: SecretSchema,
    }),
    response: UserSchema,
    access: ['supervisor'],
  }),
  'user:list': op({
    method: OPERATION_METHODS['user:list'],
    summary: 'Users registered on this laptop, with whether each is active and locked.',
    request: Empty,
    response: z.array(ManagedUserSchema).max(10_000),
    access: ['supervisor'],
  }),
  'user:unlock': op({
    method: OPERATION_METHODS['user:unlock'],
    summary: 'A supervisor lifts a sign-in lock and clears the failure count (audited).',
    request: z.strictObject({ userId: UserIdSchema }),
    response: ManagedUserSchema,
    access: ['supervisor'],
  }),
  'user:setActive': op({
    method: OPERATION_METHODS['user:setActive'],
    summary: 'A supervisor deactivates or reactivates a user; never themselves, so an active supervisor always remains (audited).',
    request: z.strictObject({ userId: UserIdSchema, active: z.boolean() }),
    response: ManagedUserSchema,
    access: ['supervisor'],
  }),
  'user:resetSecret': op({
    method: OPERATION_METHODS['user:resetSecret'],
    summary: "A supervisor sets a new PIN/password for a user, which also lifts a lock (audited).",
    request: z.strictObject({ userId: UserIdSchema, secret: SecretSchema }),
    response: ManagedUserSchema,
    access: ['supervisor'],
  }),
  'survey:list': op({
    method: OPERATION_METHODS['survey:list'],
    summary: 'Surveys installed on this laptop, with the current form version and its content hash.',
    request: Empty,
    response: z.array(SurveySchema).max(1_000),
    access: 'signed_in',
  }),
  'survey:units': op({
    method: OPERATION_METHODS['survey:units'],
    summary: "A survey's sampling frame: its units with Vietnamese/English names and former district/province.",
    request: z.strictObject({ surveyId: SlugSchema }),
    response: z.array(UnitSchema).max(20_000),
    access: 'signed_in',
  }),
  'survey:quotas': op({
    method: OPERATION_METHODS['survey:quotas'],
    summary: "A survey's quotas per unit with the interviews completed on this laptop (outcome completed, past draft): \"Phường Bến Thành 12/30\".",
    request: z.strictObject({ surveyId: SlugSchema }),
    response: z.array(QuotaProgressSchema).max(20_000),
    access: 'signed_in',
  }),
  'package:install': op({
    method: OPERATION_METHODS['package:install'],
    summary:
      'A supervisor installs a survey package (.kspkg, base64, at most 50 MiB): verified before anything is written; pins the signer on first install and refuses another; the same file twice changes nothing (audited).',
    request: z.strictObject({ packageBase64: PackageUploadSchema }),
    response: PackageInstallResultSchema,
    access: ['supervisor'],
  }),
  'form:get': op({
    method: OPERATION_METHODS['form:get'],
    summary: 'The compiled form model of an installed form version, by content hash (cacheable for ever).',
    request: z.strictObject({ hash: Sha256HexSchema }),
    response: z.strictObject({
      hash: Sha256HexSchema,
      surveyId: SlugSchema,
      formVersion: SlugSchema,
      // The FormModel of shared/forms/model.ts as JSON. Checked structurally by the main process
      // when the form version is installed; here only its envelope is bounded.
      model: z.record(z.string(), z.unknown()).refine((m) => m.modelVersion === 1, 'form model version 1'),
    }),
    access: 'signed_in',
  }),
  'interview:start': op({
    method: OPERATION_METHODS['interview:start'],
    summary: 'Start an interview: survey, form version (default: current), unit, consent, respondent reference. Consent "no" closes it at once with outcome refused.',
    request: z.strictObject({
      surveyId: SlugSchema,
      formVersion: SlugSchema.optional(),
      unitCode: UnitCodeSchema,
      consent: z.boolean(),
      respondentRef: z.string().trim().max(64).optional(),
    }),
    response: InterviewSummarySchema,
    access: ['surveyor'],
  }),
  'interview:saveAnswer': op({
    method: OPERATION_METHODS['interview:saveAnswer'],
    summary: 'Save one answer, checked against the form by the main process; durable on disk (with its paradata) before the call returns.',
    request: z.strictObject({
      interviewId: UuidSchema,
      path: AnswerPathSchema,
      value: AnswerValueSchema,
      // A coded don't know / refused / not applicable: `value` is then the question's code for it.
      missing: MissingKindSchema.nullable().optional(),
    }),
    response: AnswerSchema,
    access: ['surveyor'],
  }),
  'interview:recordEvents': op({
    method: OPERATION_METHODS['interview:recordEvents'],
    summary: 'Append navigation paradata (question shown / left, review, help); the last shown question is where the interview resumes.',
    request: z.strictObject({
      interviewId: UuidSchema,
      events: z.array(ParadataEventSchema).min(1).max(100),
    }),
    response: z.strictObject({ recorded: z.number().int().min(0) }),
    access: ['surveyor'],
  }),
  'interview:complete': op({
    method: OPERATION_METHODS['interview:complete'],
    summary: "Complete a draft: the main process runs the form engine and refuses an incomplete record with the engine's errors; the outcome comes from the form (`outcome` calculate) or is completed.",
    request: z.strictObject({ interviewId: UuidSchema }),
    response: InterviewSummarySchema,
    access: ['surveyor'],
  }),
  'interview:close': op({
    method: OPERATION_METHODS['interview:close'],
    summary: 'Close an unfinished draft with an outcome other than completed (partial, refused, not at home, ineligible, interrupted).',
    request: z.strictObject({ interviewId: UuidSchema, outcome: CloseOutcomeSchema, note: NoteSchema.optional() }),
    response: InterviewSummarySchema,
    access: ['surveyor'],
  }),
  'interview:reopen': op({
    method: OPERATION_METHODS['interview:reopen'],
    summary: 'The surveyor reopens an interview the supervisor sent back: it becomes a draft again with the next revision.',
    request: z.strictObject({ interviewId: UuidSchema }),
    response: InterviewSummarySchema,
    access: ['surveyor'],
  }),
  'interview:load': op({
    method: OPERATION_METHODS['interview:load'],
    summary: 'An interview with all its answers.',
    request: z.strictObject({ interviewId: UuidSchema }),
    response: InterviewSchema,
    access: ['surveyor', 'supervisor'],
  }),
  'interview:list': op({
    method: OPERATION_METHODS['interview:list'],
    summary: "Interviews, newest first: a surveyor sees their own, a supervisor everyone's.",
    request: z.strictObject({
      status: InterviewStatusSchema.optional(),
      surveyId: SlugSchema.optional(),
      unitCode: UnitCodeSchema.optional(),
      limit: z.number().int().min(1).max(1_000).optional(),
    }),
    response: z.array(InterviewSummarySchema).max(1_000),
    access: ['surveyor', 'supervisor'],
  }),
  'batch:export': op({
    method: OPERATION_METHODS['batch:export'],
    summary:
      'A supervisor exports every approved interview not yet exported at its revision: one signed, encrypted batch per survey, into a folder chosen in the file dialog (none chosen: cancelled, nothing written).',
    request: Empty,
    response: z.strictObject({
      cancelled: z.boolean(),
      folder: z.string().max(4096).nullable(),
      batches: z
        .array(
          z.strictObject({
            sequence: z.number().int().min(1),
            batchId: UuidSchema,
            surveyId: SlugSchema,
            fileName: z.string().max(255),
            fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
            size: z.number().int().min(1),
            interviews: z.number().int().min(1),
          }),
        )
        .max(1_000),
    }),
    access: ['supervisor'],
  }),
  'review:list': op({
    method: OPERATION_METHODS['review:list'],
    summary: 'Interviews waiting for review (default: completed), newest first, with surveyor, unit, working duration and quality flags (docs/review.md).',
    request: ReviewListRequestSchema,
    response: z.array(ReviewRowSchema).max(500),
    access: ['supervisor'],
  }),
  'review:get': op({
    method: OPERATION_METHODS['review:get'],
    summary: 'One interview for review: its row, every answer, its paradata (first 2,000 events) and quality flags.',
    request: z.strictObject({ interviewId: UuidSchema }),
    response: ReviewDetailSchema,
    access: ['supervisor'],
  }),
  'interview:approve': op({
    method: OPERATION_METHODS['interview:approve'],
    summary: 'A supervisor approves a completed interview (audited); approved interviews are what batches export.',
    request: z.strictObject({ interviewId: UuidSchema }),
    response: InterviewSummarySchema,
    access: ['supervisor'],
  }),
  'interview:reject': op({
    method: OPERATION_METHODS['interview:reject'],
    summary: 'A supervisor sends a completed interview back to its surveyor with a comment (1–1,000 characters, audited); the surveyor reopens it as the next revision.',
    request: z.strictObject({ interviewId: UuidSchema, comment: RejectCommentSchema }),
    response: InterviewSummarySchema,
    access: ['supervisor'],
  }),
  'analysis:keys': op({
    method: OPERATION_METHODS['analysis:keys'],
    summary: "The analyst's keys this computer holds (recipient and signing fingerprints, how the decryption key is protected) and the analyst store in use.",
    request: Empty,
    response: AnalysisKeysStatusSchema,
    access: ['analyst'],
  }),
  'analysis:chooseKeys': op({
    method: OPERATION_METHODS['analysis:chooseKeys'],
    summary:
      'An analyst chooses the key folder made by `khaosat keys generate` in the folder dialog; its decryption key is kept protected on this computer (safeStorage in the app) and its fingerprints shown (none chosen: cancelled).',
    request: Empty,
    response: z.strictObject({ cancelled: z.boolean(), keys: AnalysisKeysStatusSchema.shape.keys }),
    access: ['analyst'],
  }),
  'analysis:import': op({
    method: OPERATION_METHODS['analysis:import'],
    summary:
      'Starts importing batches into the analyst store: files or a folder chosen in the dialog, or files dropped on the page (sent as bytes, 50 MiB in all). Survey packages among them are registered first. Poll analysis:importStatus.',
    request: ImportRequestSchema,
    response: ImportStartedSchema,
    access: ['analyst'],
  }),
  'analysis:importStatus': op({
    method: OPERATION_METHODS['analysis:importStatus'],
    summary: 'Progress of an import job (files done of total, interviews so far), then each file\'s result (imported, unchanged, rejected with its reason, duplicate), missing batches per laptop and forms not registered.',
    request: z.strictObject({ jobId: UuidSchema }),
    response: ImportStatusSchema,
    access: ['analyst'],
  }),
  'analysis:conflicts': op({
    method: OPERATION_METHODS['analysis:conflicts'],
    summary: 'Interviews in conflict (same id and revision, different content), unresolved first, each with every version and its answers side by side (first 100 interviews).',
    request: Empty,
    response: ConflictListSchema,
    access: ['analyst'],
  }),
  'analysis:resolveConflict': op({
    method: OPERATION_METHODS['analysis:resolveConflict'],
    summary: 'An analyst chooses one version of an interview in conflict (audited); that version then counts in indices, the dashboard and exports.',
    request: ResolveConflictRequestSchema,
    response: z.strictObject({ interviewId: UuidSchema, revision: z.number().int().min(0), chosen: Sha256HexSchema }),
    access: ['analyst'],
  }),
  'analysis:dashboard': op({
    method: OPERATION_METHODS['analysis:dashboard'],
    summary: 'Fieldwork dashboard: interviews that count by unit, surveyor and day, outcomes and response rate, quality flags, batches, devices, missing batches and unresolved conflicts.',
    request: z.strictObject({ survey: SlugSchema.optional() }),
    response: DashboardSchema,
    access: ['analyst'],
  }),
  'analysis:report': op({
    method: OPERATION_METHODS['analysis:report'],
    summary: 'The satisfaction-index report (overall and by unit, with intervals, its period and the filter choices) as `khaosat report --format json` gives it, for the filters given (docs/report.md).',
    request: ReportRequestSchema,
    response: IndexReportSchema,
    access: ['analyst'],
  }),
  'analysis:reportPdf': op({
    method: OPERATION_METHODS['analysis:reportPdf'],
    summary:
      'The printable report (the same HTML as `khaosat report --format html`) of the filters given, printed to A4 PDF with numbered pages and written atomically where the save dialog says (none chosen: cancelled, nothing written); its path, pages and bytes.',
    request: ReportPdfRequestSchema,
    response: ReportPdfResultSchema,
    access: ['analyst'],
  }),
  'analysis:export': op({
    method: OPERATION_METHODS['analysis:export'],
    summary: 'Exports the interviews that count as csv, xlsx, spss or stata (with codebook) into a folder chosen in the dialog (none chosen: cancelled, nothing written).',
    request: DataExportRequestSchema,
    response: DataExportResultSchema,
    access: ['analyst'],
  }),
  'recovery:status': op({
    method: OPERATION_METHODS['recovery:status'],
    summary:
      'Whether the database needs restoring (missing or empty beside earlier data) and, if so, the backups newest first, each verified. Works without a database.',
    request: Empty,
    response: z.strictObject({
      needed: z.boolean(),
      reason: z.enum(['database_missing']).nullable(),
      backups: z.array(BackupSummarySchema).max(50),
    }),
    // Public: when the database is lost there are no users to sign in with.
    access: 'public',
  }),
  'recovery:restore': op({
    method: OPERATION_METHODS['recovery:restore'],
    summary:
      'Only while recovery is needed: verify the named backup, keep the empty/damaged remains aside, put the backup in place and open it. Refused (recovery_not_needed) once a database is open.',
    request: z.strictObject({ name: BackupNameSchema }),
    response: z.strictObject({ restored: BackupNameSchema, takenAt: z.iso.datetime().nullable() }),
    access: 'public',
  }),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export type RequestOf<N extends OperationName> = z.infer<Operations[N]['request']>;
export type ResponseOf<N extends OperationName> = z.infer<Operations[N]['response']>;
export type MethodOf<N extends OperationName> = Operations[N]['method'];

export { AnswerValueSchema, AnswerPathSchema };
