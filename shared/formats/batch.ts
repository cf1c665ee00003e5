// The batch (.ksbatch) manifest, signed by the laptop, and the payload, encrypted for the
// analyst: the interview records with their answers and paradata. Pure shapes and rules; the
// byte layout, signing and encryption are in electron/sync and docs/file-formats.md.
import { z } from 'zod';
import {
  AnswerPathSchema,
  AnswerValueSchema,
  IsoTimeSchema,
  MissingKindSchema,
  SlugSchema,
  UnitCodeSchema,
  UuidSchema,
} from '../contract/schemas';
import { AgeRecipientSchema, FingerprintSchema, PublicKeyHexSchema, Sha256HexSchema, UtcTimeSchema } from './common';

export const BATCH_FORMAT = 'khaosat-batch';
export const BATCH_PAYLOAD_FORMAT = 'khaosat-batch-payload';
/** Bumped on any change a version-1 reader would misread; readers refuse newer versions. */
export const BATCH_FORMAT_VERSION = 1;
/** How the payload is encrypted: one age file (X25519 recipient), https://age-encryption.org/v1. */
export const BATCH_PAYLOAD_ENCRYPTION = 'age-x25519';
/**
 * The payload JSON is gzipped (RFC 1952) before encryption: paradata repeats itself, so files on
 * the stick are about a tenth of the size and age (pure JavaScript) has a tenth of the bytes to do.
 */
export const BATCH_PAYLOAD_COMPRESSION = 'gzip';

export const BATCH_LIMITS = {
  /** The whole file (5,000 interviews with paradata are a few tens of MB). */
  fileBytes: 256 * 1024 * 1024,
  manifestBytes: 16 * 1024 * 1024,
  /** The decompressed payload JSON (a gzip bomb stops here). */
  payloadJsonBytes: 512 * 1024 * 1024,
  interviews: 100_000,
  answersPerInterview: 20_000,
  paradataPerInterview: 200_000,
} as const;

/** An outcome code (completed, refused, not_at_home, …), kept open here so the list can grow. */
export const OutcomeCodeSchema = z.string().regex(/^[a-z][a-z_]{0,31}$/, 'outcome code such as completed');

export const BatchAnswerSchema = z.strictObject({
  path: AnswerPathSchema,
  value: AnswerValueSchema,
  missing: MissingKindSchema.nullable(),
  savedAt: IsoTimeSchema,
});

export const BatchParadataSchema = z.strictObject({
  at: IsoTimeSchema,
  event: z.string().regex(/^[a-z][a-z_]{0,39}$/, 'event name such as shown'),
  path: AnswerPathSchema.nullable(),
  detail: z.json().nullable(),
});

/** One interview as it leaves the laptop: its identity, revision, answers and paradata. */
export const InterviewRecordSchema = z.strictObject({
  id: UuidSchema,
  revision: z.number().int().min(0),
  surveyId: SlugSchema,
  formVersion: SlugSchema,
  deviceId: UuidSchema,
  surveyorCode: z.string().min(1).max(32),
  unitCode: UnitCodeSchema,
  outcome: OutcomeCodeSchema,
  createdAt: IsoTimeSchema,
  completedAt: IsoTimeSchema.nullable(),
  approvedAt: IsoTimeSchema.nullable(),
  answers: z.array(BatchAnswerSchema).max(BATCH_LIMITS.answersPerInterview),
  paradata: z.array(BatchParadataSchema).max(BATCH_LIMITS.paradataPerInterview),
});
export type InterviewRecord = z.infer<typeof InterviewRecordSchema>;

export const BatchInterviewEntrySchema = z.strictObject({
  id: UuidSchema,
  revision: z.number().int().min(0),
  /** SHA-256 of the record's canonical JSON (see interviewContentHash in electron/sync). */
  contentHash: Sha256HexSchema,
});
export type BatchInterviewEntry = z.infer<typeof BatchInterviewEntrySchema>;

function strictlyAscending(values: string[]): number {
  for (let i = 1; i < values.length; i++) if (!(values[i - 1]! < values[i]!)) return i;
  return -1;
}

export const BatchManifestSchema = z
  .strictObject({
    format: z.literal(BATCH_FORMAT),
    formatVersion: z.literal(BATCH_FORMAT_VERSION),
    batchId: UuidSchema,
    device: z.strictObject({ id: UuidSchema, publicKey: PublicKeyHexSchema, fingerprint: FingerprintSchema }),
    /** 1, 2, 3… per device: a gap on the analyst's side is a batch that never arrived. */
    sequence: z.number().int().min(1).max(2 ** 31 - 1),
    createdAt: UtcTimeSchema,
    surveys: z
      .array(z.strictObject({ id: SlugSchema, formVersions: z.array(SlugSchema).min(1).max(1000) }))
      .min(1)
      .max(1000),
    interviews: z.array(BatchInterviewEntrySchema).min(1).max(BATCH_LIMITS.interviews),
    outcomes: z.record(OutcomeCodeSchema, z.number().int().min(1)),
    recipient: z.strictObject({ age: AgeRecipientSchema, fingerprint: FingerprintSchema }),
    payload: z.strictObject({
      encryption: z.literal(BATCH_PAYLOAD_ENCRYPTION),
      compression: z.literal(BATCH_PAYLOAD_COMPRESSION),
      size: z.number().int().min(1).max(BATCH_LIMITS.fileBytes),
      sha256: Sha256HexSchema,
    }),
  })
  .superRefine((m, ctx) => {
    // One set of interviews has one manifest: lists sorted, no repeats.
    const at = strictlyAscending(m.interviews.map((i) => i.id));
    if (at >= 0) ctx.addIssue({ code: 'custom', path: ['interviews', at], message: 'interviews not sorted by id or repeated' });
    const sAt = strictlyAscending(m.surveys.map((s) => s.id));
    if (sAt >= 0) ctx.addIssue({ code: 'custom', path: ['surveys', sAt], message: 'surveys not sorted by id or repeated' });
    m.surveys.forEach((s, i) => {
      const vAt = strictlyAscending(s.formVersions);
      if (vAt >= 0) ctx.addIssue({ code: 'custom', path: ['surveys', i, 'formVersions', vAt], message: 'form versions not sorted or repeated' });
    });
    const counted = Object.values(m.outcomes).reduce((a, b) => a + b, 0);
    if (counted !== m.interviews.length) {
      ctx.addIssue({ code: 'custom', path: ['outcomes'], message: `outcome counts add up to ${counted}, not ${m.interviews.length}` });
    }
  });
export type BatchManifest = z.infer<typeof BatchManifestSchema>;

/** The plaintext inside the age payload; its interviews are in the manifest's order. */
export const BatchPayloadSchema = z.strictObject({
  format: z.literal(BATCH_PAYLOAD_FORMAT),
  formatVersion: z.literal(BATCH_FORMAT_VERSION),
  batchId: UuidSchema,
  interviews: z.array(InterviewRecordSchema).min(1).max(BATCH_LIMITS.interviews),
});
export type BatchPayload = z.infer<typeof BatchPayloadSchema>;

/** The survey/form-version summary of a set of records, as the manifest lists it. */
export function surveysOf(records: readonly Pick<InterviewRecord, 'surveyId' | 'formVersion'>[]): BatchManifest['surveys'] {
  const bySurvey = new Map<string, Set<string>>();
  for (const r of records) {
    const versions = bySurvey.get(r.surveyId) ?? new Set<string>();
    versions.add(r.formVersion);
    bySurvey.set(r.surveyId, versions);
  }
  return [...bySurvey.keys()].sort().map((id) => ({ id, formVersions: [...bySurvey.get(id)!].sort() }));
}

/** Interviews per outcome code. */
export function outcomeCounts(records: readonly Pick<InterviewRecord, 'outcome'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  return counts;
}
