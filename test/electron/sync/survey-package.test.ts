// Survey packages: round trip, determinism, signer pinning, and every damaged byte refused with
// a specific error before anything is returned.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/formats/canonical-json';
import { SURVEY_PACKAGE_LIMITS } from '../../../shared/formats/survey-package';
import { generateAgeKeyPair } from '../../../electron/sync/age';
import { HEADER_BYTES, writeContainer } from '../../../electron/sync/container';
import { generateSigningKey } from '../../../electron/sync/signing';
import { SURVEY_PACKAGE_CONTAINER, createSurveyPackage, readSurveyPackage } from '../../../electron/sync/survey-package';
import { codeOf, regionOf, samplePackageInput } from './samples';

const analyst = generateSigningKey();
const other = generateSigningKey();
const { recipient } = await generateAgeKeyPair();
const input = samplePackageInput(recipient);
const bytes = createSurveyPackage(input, analyst);
const manifestLength = bytes.readUInt32BE(42);

describe('survey package', () => {
  it('round-trips: parts, survey, signer and recipient come back as written', () => {
    const pkg = readSurveyPackage(bytes);
    for (const [name, content] of Object.entries(input.parts)) expect(pkg.parts[name as 'form.json']).toEqual(Buffer.from(content!));
    expect(pkg.parts['agencies.csv']).toBeUndefined();
    expect(pkg.manifest.survey).toEqual(input.survey);
    expect(pkg.manifest.parts.map((p) => p.name)).toEqual(['form.json', 'form.xlsx', 'units.csv', 'quotas.csv']);
    expect(pkg.signer.fingerprint).toBe(analyst.fingerprint);
    expect(pkg.signer.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/);
    expect(pkg.manifest.recipient.age).toBe(recipient);
    expect(pkg.form).toEqual({ formId: 'hids-2026', version: '2026.1', children: [] });
    expect(pkg.manifestBytes.toString('utf8')).toBe(canonicalJson(pkg.manifest));
  });

  it('is deterministic: the same input and key give the same bytes', () => {
    expect(createSurveyPackage(samplePackageInput(recipient), analyst).equals(bytes)).toBe(true);
  });

  it('accepts its pinned signer and refuses a package from another signer', () => {
    expect(readSurveyPackage(bytes, { pinnedSigner: analyst.publicKey }).manifest.survey.id).toBe('hids-2026');
    const foreign = createSurveyPackage(input, other);
    expect(codeOf(() => readSurveyPackage(foreign, { pinnedSigner: analyst.publicKey }))).toBe('package_foreign_signer');
  });

  it('refuses a signature made by another key over the same header and manifest', () => {
    const forged = Buffer.from(bytes);
    other.sign(bytes.subarray(0, HEADER_BYTES + manifestLength)).copy(forged, HEADER_BYTES + manifestLength);
    expect(codeOf(() => readSurveyPackage(forged))).toBe('package_bad_signature');
  });

  it('detects every single-byte change, with the error of the region it hit', () => {
    const expected: Record<ReturnType<typeof regionOf>, string[]> = {
      magic: ['package_damaged'],
      version: ['format_too_new', 'package_damaged'],
      key: ['package_bad_signature'],
      length: ['package_damaged', 'package_bad_signature'],
      manifest: ['package_bad_signature'],
      signature: ['package_bad_signature'],
      body: ['package_damaged'],
    };
    const seen = new Set<string>();
    for (const flip of [0x01, 0xff]) {
      for (let i = 0; i < bytes.length; i++) {
        const damaged = Buffer.from(bytes);
        damaged[i]! ^= flip;
        const region = regionOf(i, manifestLength);
        const code = codeOf(() => readSurveyPackage(damaged));
        expect(expected[region], `byte ${i} (${region}) ^0x${flip.toString(16)} gave ${code}`).toContain(code);
        seen.add(`${region}:${code}`);
      }
    }
    expect(seen).toContain('version:format_too_new');
    expect(seen).toContain('body:package_damaged');
  });

  it('detects every truncation and any appended byte', () => {
    for (let length = 0; length < bytes.length; length++) {
      expect(codeOf(() => readSurveyPackage(bytes.subarray(0, length))), `truncated to ${length}`).toBe('package_damaged');
    }
    expect(codeOf(() => readSurveyPackage(Buffer.concat([bytes, Buffer.from([0])])))).toBe('package_damaged');
  });

  it('refuses a correctly signed manifest that breaks the schema, and a newer format version', () => {
    const manifest = JSON.parse(readSurveyPackage(bytes).manifestBytes.toString('utf8'));
    const body = bytes.subarray(HEADER_BYTES + manifestLength + 64);
    const extra = writeContainer(SURVEY_PACKAGE_CONTAINER, { ...manifest, note: 'x' }, body, analyst);
    expect(codeOf(() => readSurveyPackage(extra))).toBe('package_damaged');
    const noUnits = writeContainer(SURVEY_PACKAGE_CONTAINER, { ...manifest, parts: manifest.parts.filter((p: { name: string }) => p.name !== 'units.csv') }, body, analyst);
    expect(() => readSurveyPackage(noUnits)).toThrow(/missing part units.csv/);
    const v2 = writeContainer({ ...SURVEY_PACKAGE_CONTAINER, version: 2 }, manifest, body, analyst);
    expect(codeOf(() => readSurveyPackage(v2))).toBe('format_too_new');
    const batchMagic = Buffer.from(bytes);
    Buffer.from('KSBT').copy(batchMagic, 0);
    expect(() => readSurveyPackage(batchMagic)).toThrow(/not a KhaoSat survey package/);
  });

  it('refuses a file over the size limit before looking inside', () => {
    const huge = Buffer.alloc(SURVEY_PACKAGE_LIMITS.fileBytes + 1);
    bytes.copy(huge);
    expect(() => readSurveyPackage(huge)).toThrow(/larger than/);
  });

  it('will not create a package whose form.json is not a JSON object, or without units', () => {
    expect(() => createSurveyPackage({ ...input, parts: { ...input.parts, 'form.json': Buffer.from('[1]') } }, analyst)).toThrow(/not a JSON object/);
    const { 'units.csv': _units, ...rest } = input.parts;
    expect(() => createSurveyPackage({ ...input, parts: rest as typeof input.parts }, analyst)).toThrow(/missing part units.csv/);
  });
});
