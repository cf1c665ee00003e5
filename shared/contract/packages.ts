// Contract shapes for survey packages on a laptop: the upload a supervisor's screen sends to
// `package:install`, what the install reports, and quota progress for `survey:quotas`.
import { z } from 'zod';
import { Sha256HexSchema, SlugSchema, UnitCodeSchema } from './schemas';

/**
 * The largest package the app accepts from the screen: 50 MiB of file, sent as base64 (the only
 * way bytes cross IPC and HTTP as JSON), so the string is at most 4/3 of that. The file format
 * itself allows 64 MiB (`khaosat package install` takes those); real packages are a few MB.
 */
export const PACKAGE_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
export const PACKAGE_UPLOAD_MAX_BASE64 = 4 * Math.ceil(PACKAGE_UPLOAD_MAX_BYTES / 3);

export const PackageUploadSchema = z.base64().min(4).max(PACKAGE_UPLOAD_MAX_BASE64);

export const FingerprintSchema = z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/, 'fingerprint such as 4F2A-9C1B-07D3-55E0-A1B2-C3D4-E5F6-0718');

export const PackageInstallResultSchema = z.strictObject({
  surveyId: SlugSchema,
  title: z.string().max(300),
  /** The version name it was installed under (a changed form reusing a taken name gets `-<hash>`). */
  formVersion: z.string().min(1).max(80),
  formHash: z.union([Sha256HexSchema, z.literal('')]),
  /** The analyst's signing key, to read aloud and compare with the analyst. */
  signerFingerprint: FingerprintSchema,
  /** The analyst's age key batches for this survey are encrypted to. */
  recipientFingerprint: FingerprintSchema,
  createdAt: z.iso.datetime(),
  sha256: Sha256HexSchema,
  units: z.number().int().min(0),
  quotas: z.number().int().min(0),
  /** False: this exact file was installed before and nothing changed. */
  installed: z.boolean(),
  /** True: this install pinned the survey's signer (its first package on this laptop). */
  pinned: z.boolean(),
});
export type PackageInstallResult = z.infer<typeof PackageInstallResultSchema>;

export const QuotaProgressSchema = z.strictObject({
  unitCode: UnitCodeSchema,
  /** Null when the quota names a unit no longer in the frame. */
  nameVi: z.string().max(300).nullable(),
  nameEn: z.string().max(300).nullable(),
  target: z.number().int().min(0),
  /** Interviews on this laptop with outcome completed, past draft (completed, rejected or approved). */
  completed: z.number().int().min(0),
});
export type QuotaProgress = z.infer<typeof QuotaProgressSchema>;
