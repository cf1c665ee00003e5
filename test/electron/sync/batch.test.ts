// Batches: round trip, verification before decryption, every damaged byte refused with a
// specific error, foreign keys refused, and Debian's age decrypting the payload on its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/formats/canonical-json';
import { BATCH_FORMAT_VERSION, BATCH_PAYLOAD_FORMAT } from '../../../shared/formats/batch';
import { encryptToRecipient, generateAgeKeyPair, recipientFingerprint } from '../../../electron/sync/age';
import { HEADER_BYTES, writeContainer } from '../../../electron/sync/container';
import { sha256Hex } from '../../../electron/sync/hash';
import { generateSigningKey } from '../../../electron/sync/signing';
import {
  BATCH_CONTAINER,
  batchFileName,
  interviewContentHash,
  openBatch,
  readBatchManifest,
  writeBatch,
  writeBatchStreamed,
  type BatchInput,
} from '../../../electron/sync/batch';
import { DEVICE_ID, RECORD_IDS, codeOf, codeOfAsync, regionOf, sampleRecord, sampleRecords } from './samples';

const device = generateSigningKey();
const otherDevice = generateSigningKey();
const analyst = await generateAgeKeyPair();
const otherAnalyst = await generateAgeKeyPair();
const input: BatchInput = {
  batchId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  deviceId: DEVICE_ID,
  sequence: 3,
  createdAt: '2026-11-30T18:00:00.000Z',
  recipient: analyst.recipient,
  interviews: sampleRecords(),
};
const written = await writeBatch(input, device);
const bytes = written.bytes;
const manifestLength = bytes.readUInt32BE(42);
const dir = mkdtempSync(join(tmpdir(), 'khaosat-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('batch', () => {
  it('round-trips: the analyst opens the records, in id order, checked against the manifest', async () => {
    const opened = await openBatch(bytes, analyst.identity);
    const sorted = [...sampleRecords()].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(opened.interviews).toEqual(sorted);
    expect(opened.manifest).toMatchObject({
      batchId: input.batchId,
      sequence: 3,
      device: { id: DEVICE_ID, fingerprint: device.fingerprint, publicKey: device.publicKeyHex },
      surveys: [{ id: 'hids-2026', formVersions: ['2026.1'] }],
      outcomes: { completed: 1, refused: 1 },
      recipient: { age: analyst.recipient, fingerprint: recipientFingerprint(analyst.recipient) },
    });
    expect(opened.manifest.interviews).toEqual(sorted.map((r) => ({ id: r.id, revision: r.revision, contentHash: interviewContentHash(r) })));
    expect(opened.fileSha256).toBe(written.fileSha256);
    expect(opened.fileSha256).toBe(sha256Hex(bytes));
  });

  it('reads and verifies the manifest without the analyst key, and decrypts nothing', () => {
    const envelope = readBatchManifest(bytes);
    expect(envelope.manifest).toEqual(written.manifest);
    expect(envelope.device.fingerprint).toBe(device.fingerprint);
    expect(envelope.manifestBytes.toString('utf8')).toBe(canonicalJson(written.manifest));
    // The answers are not in the clear anywhere in the file.
    expect(bytes.includes(Buffer.from('Nguyễn Văn A'))).toBe(false);
  });

  it('writes a new ciphertext each time (age file keys are random): re-export means re-writing stored bytes', async () => {
    const again = await writeBatch(input, device);
    expect(again.bytes.equals(bytes)).toBe(false);
    expect(again.manifest.interviews).toEqual(written.manifest.interviews);
  });

  it('detects every single-byte change, with the error of the region it hit', async () => {
    const expected: Record<ReturnType<typeof regionOf>, string[]> = {
      magic: ['batch_damaged'],
      version: ['format_too_new', 'batch_damaged'],
      key: ['batch_bad_signature'],
      length: ['batch_damaged', 'batch_bad_signature'],
      manifest: ['batch_bad_signature'],
      signature: ['batch_bad_signature'],
      body: ['batch_damaged'],
    };
    for (const flip of [0x01, 0xff]) {
      for (let i = 0; i < bytes.length; i++) {
        const damaged = Buffer.from(bytes);
        damaged[i]! ^= flip;
        const region = regionOf(i, manifestLength);
        const code = await codeOfAsync(() => openBatch(damaged, analyst.identity));
        if (!expected[region].includes(code)) expect.fail(`byte ${i} (${region}) ^0x${flip.toString(16)} gave ${code}`);
      }
    }
  });

  it('detects every truncation and any appended byte', async () => {
    for (let length = 0; length < bytes.length; length++) {
      const code = await codeOfAsync(() => openBatch(bytes.subarray(0, length), analyst.identity));
      if (code !== 'batch_damaged') expect.fail(`truncated to ${length} gave ${code}`);
    }
    expect(await codeOfAsync(() => openBatch(Buffer.concat([bytes, Buffer.from('x')]), analyst.identity))).toBe('batch_damaged');
  });

  it('refuses a batch signed by another key', async () => {
    // Another key's signature over the same header and manifest.
    const forged = Buffer.from(bytes);
    otherDevice.sign(bytes.subarray(0, HEADER_BYTES + manifestLength)).copy(forged, HEADER_BYTES + manifestLength);
    expect(codeOf(() => readBatchManifest(forged))).toBe('batch_bad_signature');
    // Re-signed by another key that claims to be this device: the manifest names the real key.
    const payload = readBatchManifest(bytes).payload;
    const resigned = writeContainer(BATCH_CONTAINER, written.manifest, payload, otherDevice);
    expect(codeOf(() => readBatchManifest(resigned))).toBe('batch_damaged');
    // A complete forgery under another key: refused where the device's key is pinned.
    const impostor = await writeBatch(input, otherDevice);
    expect(readBatchManifest(impostor.bytes).manifest.device.id).toBe(DEVICE_ID);
    expect(codeOf(() => readBatchManifest(impostor.bytes, { pinnedDeviceKey: device.publicKey }))).toBe('batch_foreign_signer');
    expect(await codeOfAsync(() => openBatch(impostor.bytes, analyst.identity, { pinnedDeviceKey: device.publicKey }))).toBe('batch_foreign_signer');
    expect(readBatchManifest(bytes, { pinnedDeviceKey: device.publicKey }).manifest.sequence).toBe(3);
  });

  it('cannot be opened with another analyst key', async () => {
    expect(await codeOfAsync(() => openBatch(bytes, otherAnalyst.identity))).toBe('batch_undecryptable');
  });

  it('refuses a signed payload whose records do not match the manifest', async () => {
    const sign = async (records: unknown[], batchId = input.batchId, pack: (b: Buffer) => Uint8Array = (b) => gzipSync(b)) => {
      const plaintext = canonicalJson({ format: BATCH_PAYLOAD_FORMAT, formatVersion: BATCH_FORMAT_VERSION, batchId, interviews: records });
      const ciphertext = Buffer.from(await encryptToRecipient(analyst.recipient, pack(Buffer.from(plaintext))));
      const manifest = { ...written.manifest, payload: { ...written.manifest.payload, size: ciphertext.length, sha256: sha256Hex(ciphertext) } };
      return writeContainer(BATCH_CONTAINER, manifest, ciphertext, device);
    };
    const sorted = [...sampleRecords()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const changed = sorted.map((r, i) => (i === 0 ? { ...r, unitCode: '26737' } : r));
    await expect(openBatch(await sign(changed), analyst.identity)).rejects.toThrow(/does not match the manifest/);
    await expect(openBatch(await sign(sorted.slice(0, 1)), analyst.identity)).rejects.toThrow(/holds 1 interviews/);
    await expect(openBatch(await sign(sorted, '00000000-0000-4000-8000-000000000000'), analyst.identity)).rejects.toThrow(/belongs to batch/);
    await expect(openBatch(await sign([...sorted].reverse()), analyst.identity)).rejects.toThrow(/does not match the manifest/);
    const extraField = sorted.map((r) => ({ ...r, gps: [10.77, 106.7] }));
    expect(await codeOfAsync(() => sign(extraField).then((b) => openBatch(b, analyst.identity)))).toBe('batch_damaged');
    await expect(openBatch(await sign(sorted, input.batchId, (b) => b), analyst.identity)).rejects.toThrow(/not gzip/);
    expect(await codeOfAsync(async () => openBatch(await sign(sorted), analyst.identity))).toBe('no error');
  });

  it('hashes the canonical form of each record however it was spelled, and refuses a bad record anywhere with the schema\'s reason', async () => {
    // The reader hashes a record's own bytes when they are already canonical, else builds the
    // canonical text: both must give the manifest's hash for the canonical form, and only it.
    const sorted = [...sampleRecords()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const signTexts = async (texts: string[], hashes: string[]) => {
      const plaintext = `{"batchId":"${input.batchId}","format":"${BATCH_PAYLOAD_FORMAT}","formatVersion":${BATCH_FORMAT_VERSION},"interviews":[${texts.join(',')}]}`;
      const ciphertext = Buffer.from(await encryptToRecipient(analyst.recipient, gzipSync(Buffer.from(plaintext))));
      const entries = sorted.map((r, i) => ({ id: r.id, revision: r.revision, contentHash: hashes[i]! }));
      const manifest = { ...written.manifest, interviews: entries, payload: { ...written.manifest.payload, size: ciphertext.length, sha256: sha256Hex(ciphertext) } };
      return writeContainer(BATCH_CONTAINER, manifest, ciphertext, device);
    };
    const canonical = sorted.map((r) => canonicalJson(r));
    const hashes = sorted.map((r) => interviewContentHash(r));
    // Keys in another order and whitespace: not canonical, the same record.
    const loose = JSON.stringify(Object.fromEntries(Object.entries(sorted[1]!).reverse()), null, 1);
    const opened = await openBatch(await signTexts([canonical[0]!, loose], hashes), analyst.identity);
    expect(opened.interviews).toEqual(sorted);
    // A manifest that hashed the loose spelling itself does not match: only the canonical form counts.
    await expect(openBatch(await signTexts([canonical[0]!, loose], [hashes[0]!, sha256Hex(loose)]), analyst.identity)).rejects.toThrow(/interview 2 .* does not match the manifest/);
    // A record the schema refuses, after a good one: the whole batch is refused, naming it and the field.
    const bad: [object, string][] = [
      [{ ...sorted[1]!, revision: 0.5 }, 'revision: Invalid input: expected int'],
      [{ ...sorted[1]!, gps: [10.7, 106.6] }, 'Unrecognized key: "gps"'],
      [{ ...sorted[1]!, answers: [{ ...sorted[1]!.answers[0]!, missing: 'skipped' }] }, 'answers.0.missing: Invalid option'],
    ];
    for (const [record, reason] of bad) {
      const text = canonicalJson(record);
      const error = await openBatch(await signTexts([canonical[0]!, text], [hashes[0]!, sha256Hex(text)]), analyst.identity).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'batch_damaged' });
      expect((error as Error).message).toContain(`payload: interview 2: `);
      expect((error as Error).message).toContain(reason);
    }
  });

  it('will not write a batch with an interview from another device, twice the same interview, or a bad record', async () => {
    await expect(writeBatch({ ...input, interviews: [{ ...sampleRecord(RECORD_IDS[0], 1), deviceId: '00000000-0000-4000-8000-000000000000' }] }, device)).rejects.toThrow(/made on device/);
    await expect(writeBatch({ ...input, interviews: [sampleRecord(RECORD_IDS[0], 1), sampleRecord(RECORD_IDS[0], 2)] }, device)).rejects.toThrow(/appears twice/);
    await expect(writeBatch({ ...input, interviews: [{ ...sampleRecord(RECORD_IDS[0], 1), revision: -1 }] }, device)).rejects.toThrow(/revision/);
    await expect(writeBatch({ ...input, interviews: [] }, device)).rejects.toThrow(/interviews/);
    // The streaming writer takes records in id order only (the exporter reads them sorted).
    const [first, second] = [...sampleRecords()].sort((a, b) => (a.id < b.id ? -1 : 1));
    await expect(writeBatchStreamed({ ...input, interviews: [second!, first!] }, device)).rejects.toThrow(/must be in id order/);
  });

  it('names files by survey, device label and sequence', () => {
    expect(batchFileName(['hids-2026'], 'LAPTOP 07', 42)).toBe('hids-2026_LAPTOP-07_000042.ksbatch');
    expect(batchFileName(['b', 'a'], '../x', 1)).toBe('a+b_x_000001.ksbatch');
  });

  const age = spawnSync('age', ['--version'], { encoding: 'utf8' });
  const ageMissing = age.error ? 'Debian age is not installed here (CI installs it: apt-get install age)' : '';
  if (ageMissing) console.warn(`skipped: ${ageMissing}`);

  it.skipIf(!!ageMissing)("Debian's age decrypts the payload cut from the file (tail -c SIZE | age -d -i | gunzip)", () => {
    const batchPath = join(dir, 'b.ksbatch');
    const identityPath = join(dir, 'analyst.key');
    writeFileSync(batchPath, bytes);
    writeFileSync(identityPath, `${analyst.identity}\n`, { mode: 0o600 });
    const { size } = readBatchManifest(bytes).manifest.payload;
    const plaintext = execFileSync('bash', ['-o', 'pipefail', '-c', `tail -c ${size} "$1" | age -d -i "$2" | gunzip`, 'sh', batchPath, identityPath]);
    const sorted = [...sampleRecords()].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(plaintext.toString('utf8')).toBe(
      canonicalJson({ format: BATCH_PAYLOAD_FORMAT, formatVersion: BATCH_FORMAT_VERSION, batchId: input.batchId, interviews: sorted }),
    );
    // And refuses it with another identity.
    writeFileSync(identityPath, `${otherAnalyst.identity}\n`);
    expect(spawnSync('sh', ['-c', `tail -c ${size} "$1" | age -d -i "$2" >/dev/null`, 'sh', batchPath, identityPath]).status).not.toBe(0);
  });
});
