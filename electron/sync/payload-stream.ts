// The batch payload's two layers as streams, so a batch of thousands of interviews never sits in
// memory as one JSON text: plaintext chunks → gzip (node:zlib, level 1) → age (the
// age-encryption package's streaming API: STREAM chunks of 64 KiB, the same age v1 file the
// one-shot call writes) → ciphertext chunks; and back: ciphertext → age → gunzip → plaintext
// chunks, with the plaintext size bounded while it is produced (a gzip bomb stops there).
// Backpressure runs end to end: the producer is only asked for more when age wants more input.
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Decrypter, Encrypter } from 'age-encryption';
import { isAgeRecipient } from './age';

/** Level 1: nearly all of the gain on this repetitive JSON, for a fraction of level 6's time. */
export const PAYLOAD_GZIP_LEVEL = 1;

/** A web ReadableStream over a Node readable that reads only when pulled (backpressure kept). */
function pullStream(source: Readable): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value as Uint8Array);
    },
    async cancel(reason) {
      source.destroy(reason instanceof Error ? reason : undefined);
    },
  });
}

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Gzips and age-encrypts the plaintext `chunks` (pulled lazily, so a generator can read each
 * record from the database as it is needed) for an X25519 recipient. An error thrown by the
 * generator ends the ciphertext with that error.
 */
export async function* gzipAgeEncrypt(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, recipient: string): AsyncGenerator<Uint8Array> {
  if (!isAgeRecipient(recipient)) throw new Error('not an age X25519 recipient (age1…)');
  const gzip = createGzip({ level: PAYLOAD_GZIP_LEVEL });
  const source = Readable.from(chunks, { objectMode: false });
  let failure: unknown;
  source.on('error', (error) => {
    failure = error;
    gzip.destroy(error);
  });
  source.pipe(gzip);
  const e = new Encrypter();
  e.addRecipient(recipient);
  try {
    for await (const chunk of chunksOf(await e.encrypt(pullStream(gzip)))) yield chunk;
  } catch (error) {
    throw failure ?? error;
  } finally {
    source.destroy();
    gzip.destroy();
  }
  if (failure) throw failure;
}

export class PayloadTooLargeError extends Error {}
/** age refused: not for this identity, or the ciphertext does not authenticate. */
export class AgeDecryptError extends Error {}

async function* ageChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* chunksOf(stream);
  } catch (error) {
    throw new AgeDecryptError((error as Error).message);
  }
}

/**
 * age-decrypts `ciphertext` with an X25519 identity and gunzips it, yielding plaintext chunks and
 * refusing more than `maxPlaintextBytes` as it goes. age's refusals (wrong key, damaged) are
 * AgeDecryptError; a bad gzip stream throws zlib's error, too much plaintext PayloadTooLargeError.
 */
export async function* ageDecryptGunzip(ciphertext: Uint8Array, identity: string, maxPlaintextBytes: number): AsyncGenerator<Buffer> {
  const d = new Decrypter();
  d.addIdentity(identity);
  // A 64 KiB window at a time: the ciphertext itself is a view into the file's bytes.
  const CHUNK = 64 * 1024;
  let at = 0;
  const input = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= ciphertext.length) return controller.close();
      controller.enqueue(ciphertext.subarray(at, at + CHUNK));
      at += CHUNK;
    },
  });
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await d.decrypt(input);
  } catch (error) {
    throw new AgeDecryptError((error as Error).message);
  }
  const compressed = Readable.from(ageChunks(plain), { objectMode: false });
  const gunzip = createGunzip();
  let failure: unknown;
  compressed.on('error', (error) => {
    failure = error;
    gunzip.destroy(error);
  });
  compressed.pipe(gunzip);
  let total = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxPlaintextBytes) throw new PayloadTooLargeError(`larger than ${maxPlaintextBytes} bytes once unpacked`);
      yield chunk;
    }
  } catch (error) {
    throw failure ?? error;
  } finally {
    compressed.destroy();
    gunzip.destroy();
  }
  if (failure) throw failure;
}
