// Building blocks for request/response schemas: strict objects and bounded sizes only, so a
// hostile or buggy caller can neither smuggle extra fields nor send unbounded data.
import { z } from 'zod';
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

/** Stable ids of surveys and form versions: short slugs. */
export const SlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only');

/** 5-digit administrative unit code (or another short code for agencies/centres). */
export const UnitCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/);

/**
 * Where an answer sits in the record: a question name, with repeat instances as `[i]`
 * (1-based) and group nesting as `/`, e.g. `members[2]/age`.
 */
export const AnswerPathSchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*(\[[1-9][0-9]{0,3}\])?(\/[A-Za-z_][A-Za-z0-9_.-]*(\[[1-9][0-9]{0,3}\])?)*$/, 'question path such as members[2]/age');

/** An answer value: text, number, choice list (select_multiple), or null (cleared). */
export const AnswerValueSchema = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(256)).max(500),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/**
 * Why a value is missing, when it is: a coded "don't know / refused / not applicable" is an
 * answer; `skipped` (by logic) and unanswered (no row) are told apart in the record.
 */
export const MissingKindSchema = z.enum(['dont_know', 'refused', 'not_applicable']);
export type MissingKind = z.infer<typeof MissingKindSchema>;

export const INTERVIEW_STATUSES = ['draft', 'completed', 'rejected', 'approved'] as const;
export const InterviewStatusSchema = z.enum(INTERVIEW_STATUSES);
export type InterviewStatus = z.infer<typeof InterviewStatusSchema>;

export const IsoTimeSchema = z.string().max(40);

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
  revision: z.number().int().min(0),
  status: InterviewStatusSchema,
  surveyId: SlugSchema,
  formVersion: SlugSchema,
  unitCode: UnitCodeSchema,
  deviceId: UuidSchema,
  surveyorId: z.number().int(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
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

export const InterviewSchema = z.strictObject({
  summary: InterviewSummarySchema,
  answers: z.array(AnswerSchema).max(MAX_ANSWERS_PER_INTERVIEW),
});
export type Interview = z.infer<typeof InterviewSchema>;

export const SurveySchema = z.strictObject({
  id: SlugSchema,
  title: z.string().max(300),
  formVersion: SlugSchema.nullable(),
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
