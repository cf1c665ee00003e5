// Shapes of the supervisor's review operations: an interview as the review list shows it (who,
// where, how long, which quality flags) and the detail with answers and paradata.
import { z } from 'zod';
import { FLAG_CODES } from '../review/flags';
import { AnswerSchema, InterviewStatusSchema, InterviewSummarySchema, IsoTimeSchema, SlugSchema, UserCodeSchema } from './schemas';

export const ReviewFlagSchema = z.strictObject({
  code: z.enum(FLAG_CODES),
  vi: z.string().max(300),
  en: z.string().max(300),
});

export const ReviewRowSchema = z.strictObject({
  interview: InterviewSummarySchema,
  surveyorCode: UserCodeSchema.nullable(),
  surveyorName: z.string().max(120).nullable(),
  unitNameVi: z.string().max(200).nullable(),
  unitNameEn: z.string().max(200).nullable(),
  /** Working time over its sessions (docs/review.md); null while unknown. */
  durationSeconds: z.number().int().min(0).nullable(),
  flags: z.array(ReviewFlagSchema).max(20),
});
export type ReviewRow = z.infer<typeof ReviewRowSchema>;

/** Most paradata events one review detail carries (the first ones; `paradataTruncated` says so). */
export const MAX_REVIEW_PARADATA = 2_000;

export const ReviewParadataSchema = z.strictObject({
  at: IsoTimeSchema,
  event: z.string().max(40),
  path: z.string().max(1_000).nullable(),
  /** The event's detail as written (outcome, missing kind, previous value, renderer time…), JSON text clipped to 500 characters. */
  detail: z.string().max(500).nullable(),
});
export type ReviewParadata = z.infer<typeof ReviewParadataSchema>;

export const ReviewDetailSchema = z.strictObject({
  ...ReviewRowSchema.shape,
  answers: z.array(AnswerSchema).max(20_000),
  paradata: z.array(ReviewParadataSchema).max(MAX_REVIEW_PARADATA),
  paradataTruncated: z.boolean(),
});
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;

export const ReviewListRequestSchema = z.strictObject({
  surveyId: SlugSchema.optional(),
  /** Default `completed`: what waits for the supervisor. */
  status: InterviewStatusSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});

/** Why an interview is sent back; the surveyor reads it when they reopen it. */
export const RejectCommentSchema = z.string().trim().min(1).max(1_000);
