// The test vectors in test/fixtures/sync (docs/file-formats.md): the code must reproduce them
// byte for byte, read them back, and other tools must agree (Node's own Ed25519 verify over the
// documented byte range, OpenBSD signify, Debian age).
import { execFileSync, spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/formats/canonical-json';
import { BATCH_CONTAINER, openBatch, readBatchManifest, writeBatchStreamed } from '../../../electron/sync/batch';
import { decryptWithIdentity } from '../../../electron/sync/age';
import { writeContainer } from '../../../electron/sync/container';
import { signingKeyFromSeed } from '../../../electron/sync/signing';
import { createSurveyPackage, readSurveyPackage } from '../../../electron/sync/survey-package';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/sync');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const text = (name: string) => fixture(name).toString('utf8');
const analyst = signingKeyFromSeed(Buffer.from(text('analyst-signing.seed.hex').trim(), 'hex'));
const device = signingKeyFromSeed(Buffer.from(text('device-signing.seed.hex').trim(), 'hex'));
const identity = text('analyst-age.key').trim();
const tmp = mkdtempSync(join(tmpdir(), 'khaosat-vectors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The documented layout, read with plain offsets rather than the code under test. */
function layout(file: Buffer) {
  const manifestLength = file.readUInt32BE(42);
  return {
    magic: file.subarray(0, 8),
    version: file.readUInt16BE(8),
    publicKey: file.subarray(10, 42),
    manifest: file.subarray(46, 46 + manifestLength),
    signed: file.subarray(0, 46 + manifestLength),
    signature: file.subarray(46 + manifestLength, 46 + manifestLength + 64),
    body: file.subarray(46 + manifestLength + 64),
  };
}

function nodeVerify(publicKey: Buffer, message: Buffer, signature: Buffer): boolean {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk' });
  return verify(null, message, key, signature);
}

const signify = spawnSync('signify-openbsd', ['-h']);
const signifyMissing = signify.error ? 'signify-openbsd is not installed here (CI installs it)' : '';
if (signifyMissing) console.warn(`skipped: ${signifyMissing}`);

/** OpenBSD signify verifies a plain Ed25519 signature over a whole file: give it the signed range. */
function signifyVerifies(publicKey: Buffer, message: Buffer, signature: Buffer): boolean {
  const keynum = Buffer.alloc(8, 7);
  writeFileSync(join(tmp, 'k.pub'), `untrusted comment: khaosat vector\n${Buffer.concat([Buffer.from('Ed'), keynum, publicKey]).toString('base64')}\n`);
  writeFileSync(join(tmp, 'm.sig'), `untrusted comment: khaosat vector\n${Buffer.concat([Buffer.from('Ed'), keynum, signature]).toString('base64')}\n`);
  writeFileSync(join(tmp, 'm'), message);
  return spawnSync('signify-openbsd', ['-V', '-q', '-p', join(tmp, 'k.pub'), '-x', join(tmp, 'm.sig'), '-m', join(tmp, 'm')]).status === 0;
}

describe('survey package test vector', () => {
  const file = fixture('vector.kspkg');
  const input = JSON.parse(text('package/input.json'));
  const parts = Object.fromEntries(['form.json', 'units.csv', 'quotas.csv'].map((n) => [n, fixture(`package/${n}`)]));

  it('is reproduced byte for byte from its inputs and the fixed key', () => {
    expect(createSurveyPackage({ ...input, parts: parts as never }, analyst).equals(file)).toBe(true);
  });

  it('has the documented layout, the expected canonical manifest and signature', () => {
    const l = layout(file);
    expect(l.magic.toString('latin1')).toBe('KSPK\r\n\x1a\n');
    expect(l.version).toBe(1);
    expect(l.publicKey.equals(analyst.publicKey)).toBe(true);
    expect(l.manifest.equals(fixture('vector.kspkg.manifest.json'))).toBe(true);
    expect(l.manifest.toString('utf8')).toBe(canonicalJson(JSON.parse(l.manifest.toString('utf8'))));
    expect(l.signature.toString('hex')).toBe(text('vector.kspkg.signature.hex').trim());
    expect(nodeVerify(analyst.publicKey, l.signed, l.signature)).toBe(true);
    expect(l.body.equals(Buffer.concat([parts['form.json']!, parts['units.csv']!, parts['quotas.csv']!]))).toBe(true);
  });

  it('reads back, pinned to the vector key', () => {
    const pkg = readSurveyPackage(file, { pinnedSigner: analyst.publicKey });
    expect(pkg.parts['units.csv']!.toString('utf8')).toContain('Phường Bến Thành');
  });

  it.skipIf(!!signifyMissing)('its signature verifies with OpenBSD signify', () => {
    const l = layout(file);
    expect(signifyVerifies(analyst.publicKey, l.signed, l.signature)).toBe(true);
    expect(signifyVerifies(analyst.publicKey, Buffer.concat([l.signed, Buffer.from(' ')]), l.signature)).toBe(false);
  });
});

describe('batch test vector', () => {
  const file = fixture('vector.ksbatch');
  const input = JSON.parse(text('batch-input.json'));

  it('has the documented layout, the expected canonical manifest and signature', () => {
    const l = layout(file);
    expect(l.magic.toString('latin1')).toBe('KSBT\r\n\x1a\n');
    expect(l.version).toBe(1);
    expect(l.publicKey.equals(device.publicKey)).toBe(true);
    expect(l.manifest.equals(fixture('vector.ksbatch.manifest.json'))).toBe(true);
    expect(l.signature.toString('hex')).toBe(text('vector.ksbatch.signature.hex').trim());
    expect(nodeVerify(device.publicKey, l.signed, l.signature)).toBe(true);
    expect(l.body.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
  });

  it('re-signing its manifest around its stored payload gives the same bytes (re-export)', () => {
    const envelope = readBatchManifest(file, { pinnedDeviceKey: device.publicKey });
    expect(writeContainer(BATCH_CONTAINER, envelope.manifest, envelope.payload, device).equals(file)).toBe(true);
  });

  it('the streaming writer, fed the input one record at a time, writes exactly the vector payload and manifest lines', async () => {
    function* oneByOne() {
      for (const r of [...input.interviews].sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1))) yield r;
    }
    const written = await writeBatchStreamed({ ...input, recipient: text('analyst-age.pub').trim(), interviews: oneByOne() }, device);
    const envelope = readBatchManifest(written.bytes, { pinnedDeviceKey: device.publicKey });
    const vector = JSON.parse(text('vector.ksbatch.manifest.json'));
    // age picks a fresh file key, so only the payload's size and hash may differ from the vector's.
    expect({ ...envelope.manifest, payload: null }).toEqual({ ...vector, payload: null });
    const compressed = await decryptWithIdentity(identity, envelope.payload);
    expect(gunzipSync(compressed).equals(fixture('vector.ksbatch.payload.json'))).toBe(true);
  });

  it('opens with the vector identity into the input records and the expected payload', async () => {
    const opened = await openBatch(file, identity, { pinnedDeviceKey: device.publicKey });
    expect(opened.interviews).toEqual(input.interviews);
    expect(opened.manifest).toMatchObject({ batchId: input.batchId, sequence: input.sequence, outcomes: { completed: 1, refused: 1 } });
  });

  it.skipIf(!!signifyMissing)('its signature verifies with OpenBSD signify', () => {
    const l = layout(file);
    expect(signifyVerifies(device.publicKey, l.signed, l.signature)).toBe(true);
  });

  const age = spawnSync('age', ['--version']);
  if (age.error) console.warn('skipped: Debian age is not installed here (CI installs it)');
  it.skipIf(!!age.error)("Debian's age decrypts its payload to the gzipped expected plaintext", () => {
    const l = layout(file);
    writeFileSync(join(tmp, 'payload.age'), l.body);
    writeFileSync(join(tmp, 'id.key'), `${identity}\n`, { mode: 0o600 });
    const compressed = execFileSync('age', ['-d', '-i', join(tmp, 'id.key'), join(tmp, 'payload.age')]);
    expect(gunzipSync(compressed).equals(fixture('vector.ksbatch.payload.json'))).toBe(true);
  });
});
