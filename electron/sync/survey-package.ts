// Survey packages (.kspkg), analyst → laptops: the compiled form, its XLSForm source, the unit
// frame, quotas and agencies, and the analyst's age recipient, signed by the analyst's key.
// Reading verifies everything (signature, signer pin, manifest schema, every part's size and
// hash, the form's JSON) before returning anything; it writes nothing.
import { ServiceError } from '../../shared/contract/errors';
import {
  PACKAGE_PART_NAMES,
  SURVEY_PACKAGE_FORMAT,
  SURVEY_PACKAGE_FORMAT_VERSION,
  SURVEY_PACKAGE_LIMITS,
  SurveyPackageManifestSchema,
  type PackagePartName,
  type SurveyPackageManifest,
} from '../../shared/formats/survey-package';
import { isAgeRecipient, recipientFingerprint } from './age';
import { describeIssues, magicOf, openContainer, writeContainer, type ContainerKind } from './container';
import { sha256Hex } from './hash';
import { keyFingerprint, type SigningKey } from './signing';

export const SURVEY_PACKAGE_EXTENSION = '.kspkg';

export const SURVEY_PACKAGE_CONTAINER: ContainerKind = {
  magic: magicOf('KSPK'),
  version: SURVEY_PACKAGE_FORMAT_VERSION,
  maxFileBytes: SURVEY_PACKAGE_LIMITS.fileBytes,
  maxManifestBytes: SURVEY_PACKAGE_LIMITS.manifestBytes,
  errors: { damaged: 'package_damaged', badSignature: 'package_bad_signature' },
  label: 'survey package',
};

export type SurveyPackageParts = { 'form.json': Uint8Array; 'units.csv': Uint8Array } & Partial<Record<PackagePartName, Uint8Array>>;

export interface SurveyPackageInput {
  survey: { id: string; title: string; formVersion: string };
  /** The analyst's age recipient (`age1…`): batches for this survey are encrypted to it. */
  recipient: string;
  /** Fixed by the caller so that the same input gives the same bytes. */
  createdAt: string;
  parts: SurveyPackageParts;
}

export interface SurveyPackage {
  manifest: SurveyPackageManifest;
  /** The exact signed manifest bytes and signature (for records and audit). */
  manifestBytes: Buffer;
  signature: Buffer;
  signer: { publicKey: Buffer; fingerprint: string };
  parts: Partial<Record<PackagePartName, Buffer>>;
  /** The compiled form, parsed (its content is the installer's to validate). */
  form: unknown;
}

/** Builds the signed package. Deterministic: the same input and key give the same bytes. */
export function createSurveyPackage(input: SurveyPackageInput, signingKey: SigningKey): Buffer {
  if (!isAgeRecipient(input.recipient)) throw new Error('recipient must be an age X25519 recipient (age1…)');
  const present = PACKAGE_PART_NAMES.filter((name) => input.parts[name] !== undefined);
  const manifest: SurveyPackageManifest = {
    format: SURVEY_PACKAGE_FORMAT,
    formatVersion: SURVEY_PACKAGE_FORMAT_VERSION,
    survey: { id: input.survey.id, title: input.survey.title, formVersion: input.survey.formVersion },
    signer: { publicKey: signingKey.publicKeyHex, fingerprint: signingKey.fingerprint },
    recipient: { age: input.recipient, fingerprint: recipientFingerprint(input.recipient) },
    createdAt: input.createdAt,
    parts: present.map((name) => ({ name, size: input.parts[name]!.length, sha256: sha256Hex(input.parts[name]!) })),
  };
  // The writer checks what the reader will check, so a bad input fails here, not on a laptop.
  const checked = SurveyPackageManifestSchema.safeParse(manifest);
  if (!checked.success) throw new Error(`survey package manifest: ${describeIssues(checked.error.issues)}`);
  parseFormJson(input.parts['form.json']);
  return writeContainer(SURVEY_PACKAGE_CONTAINER, manifest, Buffer.concat(present.map((n) => input.parts[n]!)), signingKey);
}

function parseFormJson(bytes: Uint8Array): unknown {
  if (bytes.length > SURVEY_PACKAGE_LIMITS.formJsonBytes) throw new ServiceError('package_damaged', 'form.json is too large');
  let form: unknown;
  try {
    form = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ServiceError('package_damaged', `form.json is not valid JSON (${(error as Error).message})`);
  }
  if (!form || typeof form !== 'object' || Array.isArray(form)) throw new ServiceError('package_damaged', 'form.json is not a JSON object');
  return form;
}

export interface ReadSurveyPackageOptions {
  /** The signer recorded for this survey on this laptop (raw Ed25519 key); another is refused. */
  pinnedSigner?: Uint8Array;
}

/** Verifies and unpacks a survey package; throws a ServiceError with a package_* code. */
export function readSurveyPackage(bytes: Uint8Array, options: ReadSurveyPackageOptions = {}): SurveyPackage {
  const opened = openContainer(SURVEY_PACKAGE_CONTAINER, bytes);
  if (options.pinnedSigner && !opened.signerPublicKey.equals(Buffer.from(options.pinnedSigner))) {
    throw new ServiceError(
      'package_foreign_signer',
      `signed by ${keyFingerprint(opened.signerPublicKey)}, expected ${keyFingerprint(options.pinnedSigner)}`,
    );
  }
  const parsed = SurveyPackageManifestSchema.safeParse(opened.manifest);
  if (!parsed.success) throw new ServiceError('package_damaged', `manifest: ${describeIssues(parsed.error.issues)}`);
  const manifest = parsed.data;
  if (manifest.signer.publicKey !== opened.signerPublicKey.toString('hex') || manifest.signer.fingerprint !== keyFingerprint(opened.signerPublicKey)) {
    throw new ServiceError('package_damaged', 'the manifest names another signer than the one that signed it');
  }
  if (manifest.recipient.fingerprint !== recipientFingerprint(manifest.recipient.age)) {
    throw new ServiceError('package_damaged', 'the recipient fingerprint does not match the recipient');
  }
  const expected = manifest.parts.reduce((sum, p) => sum + p.size, 0);
  if (opened.body.length !== expected) {
    throw new ServiceError('package_damaged', `parts hold ${opened.body.length} bytes, the manifest lists ${expected}`);
  }
  const parts: Partial<Record<PackagePartName, Buffer>> = {};
  let at = 0;
  for (const part of manifest.parts) {
    const content = Buffer.from(opened.body.subarray(at, at + part.size));
    at += part.size;
    if (sha256Hex(content) !== part.sha256) throw new ServiceError('package_damaged', `part ${part.name} does not match its SHA-256`);
    parts[part.name] = content;
  }
  return {
    manifest,
    manifestBytes: opened.manifestBytes,
    signature: opened.signature,
    signer: { publicKey: opened.signerPublicKey, fingerprint: keyFingerprint(opened.signerPublicKey) },
    parts,
    form: parseFormJson(parts['form.json']!),
  };
}
