// The survey package (.kspkg) manifest: what an analyst signs and a laptop checks before it
// installs anything. The byte layout around it is in docs/file-formats.md and electron/sync.
import { z } from 'zod';
import { SlugSchema } from '../contract/schemas';
import { AgeRecipientSchema, FingerprintSchema, PublicKeyHexSchema, Sha256HexSchema, UtcTimeSchema } from './common';

export const SURVEY_PACKAGE_FORMAT = 'khaosat-survey-package';
/** Bumped on any change a version-1 reader would misread; readers refuse newer versions. */
export const SURVEY_PACKAGE_FORMAT_VERSION = 1;

export const SURVEY_PACKAGE_LIMITS = {
  /** The whole file: frames of a few thousand units and an XLSForm fit many times over. */
  fileBytes: 64 * 1024 * 1024,
  manifestBytes: 64 * 1024,
  /** The compiled form is parsed as JSON, so it gets its own, smaller bound. */
  formJsonBytes: 16 * 1024 * 1024,
} as const;

/**
 * The parts a package may hold, in the order they are stored. `form.json` (the compiled form)
 * and `units.csv` (the unit frame) are required; the XLSForm source, quotas and agencies are
 * optional.
 */
export const PACKAGE_PART_NAMES = ['form.json', 'form.xlsx', 'units.csv', 'quotas.csv', 'agencies.csv'] as const;
export type PackagePartName = (typeof PACKAGE_PART_NAMES)[number];
export const REQUIRED_PACKAGE_PARTS: readonly PackagePartName[] = ['form.json', 'units.csv'];

export const PackagePartSchema = z.strictObject({
  name: z.enum(PACKAGE_PART_NAMES),
  size: z.number().int().min(0).max(SURVEY_PACKAGE_LIMITS.fileBytes),
  sha256: Sha256HexSchema,
});
export type PackagePart = z.infer<typeof PackagePartSchema>;

export const SurveyPackageManifestSchema = z
  .strictObject({
    format: z.literal(SURVEY_PACKAGE_FORMAT),
    formatVersion: z.literal(SURVEY_PACKAGE_FORMAT_VERSION),
    survey: z.strictObject({
      id: SlugSchema,
      title: z.string().min(1).max(300),
      formVersion: SlugSchema,
    }),
    /** The analyst who signed it: the same key as the container header's. */
    signer: z.strictObject({ publicKey: PublicKeyHexSchema, fingerprint: FingerprintSchema }),
    /** Where batches for this survey are encrypted to (the analyst's age recipient). */
    recipient: z.strictObject({ age: AgeRecipientSchema, fingerprint: FingerprintSchema }),
    createdAt: UtcTimeSchema,
    parts: z.array(PackagePartSchema).min(1).max(PACKAGE_PART_NAMES.length),
  })
  .superRefine((m, ctx) => {
    // Parts are stored in the fixed order above, each at most once, so one set of parts has
    // exactly one layout.
    const order = m.parts.map((p) => PACKAGE_PART_NAMES.indexOf(p.name));
    for (let i = 1; i < order.length; i++) {
      if (order[i]! <= order[i - 1]!) ctx.addIssue({ code: 'custom', path: ['parts', i], message: 'parts out of order or repeated' });
    }
    for (const name of REQUIRED_PACKAGE_PARTS) {
      if (!m.parts.some((p) => p.name === name)) ctx.addIssue({ code: 'custom', path: ['parts'], message: `missing part ${name}` });
    }
  });
export type SurveyPackageManifest = z.infer<typeof SurveyPackageManifestSchema>;
