// Building blocks for request/response schemas: strict objects and bounded sizes only, so a
// hostile or buggy caller can neither smuggle extra fields nor send unbounded data.
import { z } from 'zod';
import { ANSWER_PATH_PATTERN } from '../forms/answerPath';
import { MAX_MEDIA_VALUE_CHARS } from '../forms/media';
import { MISSING_KINDS } from '../forms/model';
import { ROLES } from './roles';

export const RoleSchema = z.enum(ROLES);

/** Login code of a user, e.g. "DTV001". */
export const UserCodeSchema = z
  .string()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');

export const PersonNameSchema = z.string().trim().min(1).max(120);

/** A PIN or a password; the rules (length by role, trivial PINs) are in shared/users/secrets.ts, checked by the service. */
export const SecretSchema = z.string().min(1).max(128);

export const UuidSchema = z.uuid();

/**
 * Bounds of the shapes below, named so the analyst's quick record check
 * (shared/formats/interview-record-check.ts) keeps the same rules as these schemas.
 */
export const SHAPE_LIMITS = { slug: 64, answerPath: 512, answerText: 10_000, choice: 256, choices: 500, isoTime: 40 } as const;
export const SLUG_PATTERN = /^[A-Za-z0-9_.:-]+$/;
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;

/** Stable ids of surveys and form versions: short slugs. */
export const SlugSchema = z
  .string()
  .min(1)
  .max(SHAPE_LIMITS.slug)
  .regex(SLUG_PATTERN, 'letters, digits, _ . : - only');

/** 5-digit administrative unit code (or another short code for agencies/centres). */
export const UnitCodeSchema = z.string().regex(UNIT_CODE_PATTERN);

/**
 * The one answer-path grammar (contract, runtime, store, exports): a question name as XLSForm
 * allows it (Vietnamese letters included: `tuổi`), inside repeats prefixed by the repeat's name
 * and its 1-based instance, e.g. `roster[2]/age`, `hh[1]/members[3]/tuổi`. Group names never
 * appear: names are unique across a form. Defined in shared/forms/answerPath.ts, which the runtime
 * parses paths with too.
 */
export { ANSWER_PATH_PATTERN };
export const AnswerPathSchema = z
  .string()
  .max(SHAPE_LIMITS.answerPath)
  .regex(ANSWER_PATH_PATTERN, 'question path such as roster[2]/age');

/** An answer value: text, number, choice list (select_multiple), or null (cleared). */
export const AnswerValueSchema = z.union([
  z.string().max(SHAPE_LIMITS.answerText),
  // An attached image/audio/video/file (shared/forms/media.ts); main checks its type's size limit.
  z.string().max(MAX_MEDIA_VALUE_CHARS).regex(/^data:[^;,]{1,200};name=[^;,]{0,1000};base64,/),
  z.number().finite(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(SHAPE_LIMITS.choice)).max(SHAPE_LIMITS.choices),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/**
 * Why a value is missing, when it is: a coded "don't know / refused / not applicable" is an
 * answer; `skipped` (by logic) and unanswered (no row) are told apart in the record.
 */
export const MissingKindSchema = z.enum(MISSING_KINDS);
export type MissingKind = z.infer<typeof MissingKindSchema>;

export const INTERVIEW_STATUSES = ['draft', 'completed', 'rejected', 'approved'] as const;
export const InterviewStatusSchema = z.enum(INTERVIEW_STATUSES);
export type InterviewStatus = z.infer<typeof InterviewStatusSchema>;

/**
 * How an interview attempt ended (AAPOR-style disposition). `completed` comes from completing the
 * questionnaire (or the form's `outcome` calculate: `refused`, `ineligible`); the others are
 * chosen by the surveyor closing an attempt without finishing it.
 */
export const OUTCOMES = ['completed', 'partial', 'refused', 'not_at_home', 'ineligible', 'interrupted'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;
/** Outcomes a surveyor may close an unfinished attempt with. */
export const CLOSE_OUTCOMES = ['partial', 'refused', 'not_at_home', 'ineligible', 'interrupted'] as const;
export const CloseOutcomeSchema = z.enum(CLOSE_OUTCOMES);

/** Lower-case hex SHA-256 (content hashes of form versions, batches). */
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 in lower-case hex');

/** Free text a person typed (comments, notes, respondent references): bounded, trimmed. */
export const NoteSchema = z.string().trim().max(1_000);

export const IsoTimeSchema = z.string().max(SHAPE_LIMITS.isoTime);

export const UserSchema = z.strictObject({
  id: z.number().int(),
  code: UserCodeSchema,
  name: PersonNameSchema,
  role: RoleSchema,
  active: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const UserIdSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A user as the supervisor's users panel sees them: also whether sign-in is locked, and until when. */
export const ManagedUserSchema = z.strictObject({
  ...UserSchema.shape,
  lockedUntil: IsoTimeSchema.nullable(),
});
export type ManagedUser = z.infer<typeof ManagedUserSchema>;

export const InterviewSummarySchema = z.strictObject({
  id: UuidSchema,
  /** Questionnaire serial number, unique per device (1, 2, 3…); with deviceId a sample identifier. */
  serial: z.number().int().min(1),
  revision: z.number().int().min(0),
  status: InterviewStatusSchema,
  /** Null while a draft; set when completed or closed. */
  outcome: OutcomeSchema.nullable(),
  surveyId: SlugSchema,
  formVersion: SlugSchema,
  /** Content hash of the form version (fetch it with `form:get`; the renderer caches by hash). */
  formHash: Sha256HexSchema,
  unitCode: UnitCodeSchema,
  respondentRef: z.string().max(64).nullable(),
  consent: z.boolean(),
  deviceId: UuidSchema,
  surveyorId: z.number().int(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  completedAt: IsoTimeSchema.nullable(),
  /** The question shown last (resume returns there); null before the first page. */
  currentPath: AnswerPathSchema.nullable(),
  /** The supervisor's comment when the interview was sent back (status rejected), else null. */
  comment: z.string().max(1_000).nullable(),
  answerCount: z.number().int().min(0),
});
export type InterviewSummary = z.infer<typeof InterviewSummarySchema>;

export const AnswerSchema = z.strictObject({
  path: AnswerPathSchema,
  value: AnswerValueSchema,
  missing: MissingKindSchema.nullable(),
  savedAt: IsoTimeSchema,
});
export type Answer = z.infer<typeof AnswerSchema>;

/** Most answers one interview can hold (a 300-question form with rosters stays far below it). */
export const MAX_ANSWERS_PER_INTERVIEW = 20_000;

/** An answer of the surveyor's previous interview, as `${last-saved#name}` reads it. */
export const LastSavedAnswerSchema = z.strictObject({
  path: AnswerPathSchema,
  value: AnswerValueSchema,
});

export const InterviewSchema = z.strictObject({
  summary: InterviewSummarySchema,
  answers: z.array(AnswerSchema).max(MAX_ANSWERS_PER_INTERVIEW),
  /**
   * For a form that uses `${last-saved#name}`: the answers to those questions in the surveyor's
   * previous interview of the same form version (absent when the form uses none).
   */
  lastSaved: z.array(LastSavedAnswerSchema).max(MAX_ANSWERS_PER_INTERVIEW).optional(),
});
export type Interview = z.infer<typeof InterviewSchema>;

export const SurveySchema = z.strictObject({
  id: SlugSchema,
  title: z.string().max(300),
  /** The current form version (the one new interviews use), null when none is installed. */
  formVersion: SlugSchema.nullable(),
  formHash: Sha256HexSchema.nullable(),
  /** Units in this survey's frame (0 when it uses no frame). */
  unitCount: z.number().int().min(0),
});
export type Survey = z.infer<typeof SurveySchema>;

/** A backup file's name as the core writes it (`khaosat-backup-<time>-<n>.sqlite`), never a path. */
export const BackupNameSchema = z
  .string()
  .max(80)
  .regex(/^khaosat-backup-[0-9A-Za-z-]+\.sqlite$/, 'a backup file name such as khaosat-backup-2025-07-01T08-00-00-000Z-000.sqlite');

/** One backup on the recovery screen: when it was taken, its size, and whether it can be restored. */
export const BackupSummarySchema = z.strictObject({
  name: BackupNameSchema,
  takenAt: z.iso.datetime().nullable(),
  sizeBytes: z.number().int().min(0),
  usable: z.boolean(),
  /** Why it cannot be restored (technical, for support); null when usable. */
  problem: z.string().max(300).nullable(),
});
/** A unit of a survey's sampling frame (ward, commune, special zone, agency…). */
export const UnitSchema = z.strictObject({
  code: UnitCodeSchema,
  /** As the frame names it, e.g. "Phường/Ward", "Xã/Commune", "Đặc khu/Special zone". */
  type: z.string().max(60),
  nameVi: z.string().max(200),
  nameEn: z.string().max(200).nullable(),
  /** Where it was before the 2025 merger, to tell "Xã Thanh An" from "Xã Thạnh An". */
  formerProvince: z.string().max(120).nullable(),
  formerDistrict: z.string().max(300).nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;

/** Navigation paradata the screen reports; answered/changed events are written by saveAnswer itself. */
export const PARADATA_EVENT_KINDS = ['shown', 'left', 'review', 'help'] as const;
export const ParadataEventSchema = z.strictObject({
  kind: z.enum(PARADATA_EVENT_KINDS),
  /** The question (or first question of the page) the event is about. */
  path: AnswerPathSchema,
  /** The renderer's clock when it happened (kept beside the main process's own time). */
  at: IsoTimeSchema,
});
export type ParadataEvent = z.infer<typeof ParadataEventSchema>;
