// The batch payload as streams: the record splitter cuts records out of any chunking of the
// canonical payload and refuses anything else; gzip + age run with backpressure end to end (the
// producer is never far ahead of the consumer), and the plaintext bound stops a gzip bomb.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/formats/canonical-json';
import { encryptToRecipient, generateAgeKeyPair } from '../../../electron/sync/age';
import { PayloadRecordSplitter, PayloadShapeError, PAYLOAD_TAIL, payloadHead } from '../../../electron/sync/payload-json';
import { AgeDecryptError, ageDecryptGunzip, gzipAgeEncrypt, PayloadTooLargeError } from '../../../electron/sync/payload-stream';

const BATCH = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const records = [
  { id: 'a', text: 'ngoặc } và { trong chuỗi, "trích" \\ và \\"', list: [[1, 2], { x: [] }] },
  { id: 'b', text: 'Phường Bến Thành ✓ 𝄞', n: -1.5e-7 },
  { id: 'c' },
];
const payload = Buffer.from(payloadHead(BATCH) + records.map((r) => canonicalJson(r)).join(',') + PAYLOAD_TAIL, 'utf8');

function split(bytes: Buffer, size: number): { batchId: string | null; texts: string[] } {
  const s = new PayloadRecordSplitter();
  const texts: string[] = [];
  for (let i = 0; i < bytes.length; i += size) for (const t of s.push(bytes.subarray(i, i + size))) texts.push(t.toString('utf8'));
  s.end();
  return { batchId: s.batchId, texts };
}

describe('PayloadRecordSplitter', () => {
  it('cuts the same records out of every chunking, down to one byte at a time', () => {
    for (const size of [1, 2, 3, 7, 64, payload.length]) {
      const { batchId, texts } = split(payload, size);
      expect(batchId).toBe(BATCH);
      expect(texts.map((t) => JSON.parse(t))).toEqual(records);
      expect(texts).toEqual(records.map((r) => canonicalJson(r)));
    }
  });

  it('cuts any records (quotes, backslashes and brackets inside strings) out of any chunking', () => {
    const text = fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', 'a', 'ệ', '𝄞', '\n', '\u0001'), maxLength: 12 });
    const value = fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.integer()), { minKeys: 1, maxKeys: 4 });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 5 }), fc.integer({ min: 1, max: 40 }), (values, size) => {
        const bytes = Buffer.from(payloadHead(BATCH) + values.map((v) => canonicalJson(v)).join(',') + PAYLOAD_TAIL, 'utf8');
        expect(split(bytes, size).texts).toEqual(values.map((v) => canonicalJson(v)));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses any other spelling of the envelope, a cut, and trailing bytes', () => {
    const bad = [
      Buffer.from(payload.toString('utf8').replace('{"batchId"', '{ "batchId"')),
      Buffer.from(payload.toString('utf8').replace('"format":"khaosat-batch-payload"', '"format":"other"')),
      Buffer.from(payload.toString('utf8').replace('"formatVersion":1', '"formatVersion":2')),
      Buffer.from(payload.toString('utf8').replace('},{', '}, {')),
      Buffer.from(payload.toString('utf8').replace('[{', '[[')),
      Buffer.concat([payload, Buffer.from(' ')]),
      payload.subarray(0, payload.length - 1),
      payload.subarray(0, 40),
      Buffer.from(payloadHead(BATCH) + '{},]}'),
    ];
    for (const [i, b] of bad.entries()) expect(() => split(b, 5), `case ${i}`).toThrow(PayloadShapeError);
    // An empty list is well formed here; openBatch refuses it against the manifest's count.
    expect(split(Buffer.from(payloadHead(BATCH) + ']}'), 3).texts).toEqual([]);
  });
});

describe('gzip + age as streams', () => {
  it('round-trips, and the one-shot age decrypts what the stream wrote', async () => {
    const keys = await generateAgeKeyPair();
    const out: Uint8Array[] = [];
    for await (const c of gzipAgeEncrypt([payload.subarray(0, 10), payload.subarray(10)], keys.recipient)) out.push(c);
    const back: Buffer[] = [];
    for await (const c of ageDecryptGunzip(Buffer.concat(out), keys.identity, 1 << 20)) back.push(c);
    expect(Buffer.concat(back).equals(payload)).toBe(true);
  });

  it('pulls the plaintext only as fast as the ciphertext is taken (backpressure end to end)', async () => {
    const keys = await generateAgeKeyPair();
    const CHUNK = 64 * 1024;
    let produced = 0;
    let consumed = 0;
    let worstLead = 0;
    function* plaintext() {
      // Incompressible: gzip passes it through at about its size.
      for (let i = 0; i < 160; i++) {
        produced += CHUNK;
        yield randomBytes(CHUNK);
      }
    }
    for await (const c of gzipAgeEncrypt(plaintext(), keys.recipient)) {
      consumed += c.length;
      worstLead = Math.max(worstLead, produced - consumed);
    }
    expect(produced).toBe(160 * CHUNK);
    // 10 MiB went through; the producer never ran more than a few buffers ahead.
    expect(worstLead).toBeLessThan(2 * 2 ** 20);
  });

  it('stops a payload that unpacks past the bound, and tells age refusals apart', async () => {
    const keys = await generateAgeKeyPair();
    const other = await generateAgeKeyPair();
    const bomb = await encryptToRecipient(keys.recipient, gzipSync(Buffer.alloc(8 * 2 ** 20)));
    const drain = async (it: AsyncGenerator<Buffer>) => {
      for await (const _ of it) void _;
    };
    await expect(drain(ageDecryptGunzip(bomb, keys.identity, 2 ** 20))).rejects.toThrow(PayloadTooLargeError);
    await expect(drain(ageDecryptGunzip(bomb, other.identity, 2 ** 30))).rejects.toThrow(AgeDecryptError);
    const notGzip = await encryptToRecipient(keys.recipient, Buffer.from('plain text'));
    await expect(drain(ageDecryptGunzip(notGzip, keys.identity, 2 ** 20))).rejects.toThrow(/incorrect header check|unknown compression/);
  });
});
