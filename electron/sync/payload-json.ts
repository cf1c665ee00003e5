// The batch payload's JSON, one interview at a time. The payload is canonical JSON
// (docs/file-formats.md), so its envelope has exactly one spelling:
//
//   {"batchId":"<uuid>","format":"khaosat-batch-payload","formatVersion":1,"interviews":[R,R,…]}
//
// The writer emits the envelope around each record's canonical text; the reader checks the
// envelope byte for byte and cuts the records out of the stream as they complete (tracking
// strings and nesting), so neither side ever holds the whole text. Bytes are scanned, not
// characters: every byte JSON's structure depends on is ASCII, and UTF-8 continuation bytes
// never are.
import { BATCH_FORMAT_VERSION, BATCH_PAYLOAD_FORMAT } from '../../shared/formats/batch';
import { canonicalJson } from '../../shared/formats/canonical-json';

export function payloadHead(batchId: string): string {
  return `{"batchId":${canonicalJson(batchId)},"format":"${BATCH_PAYLOAD_FORMAT}","formatVersion":${BATCH_FORMAT_VERSION},"interviews":[`;
}
export const PAYLOAD_TAIL = ']}';

export class PayloadShapeError extends Error {}

const HEAD = /^\{"batchId":"([0-9a-f-]{36})","format":"([a-z-]{1,40})","formatVersion":(\d{1,6}),"interviews":\[/;
/** The longest head the pattern can match, so a head that never matches is refused early. */
const HEAD_MAX = 160;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * Push the plaintext in chunks, get back each completed interview record's bytes; `end()` checks
 * the envelope closed properly. Throws PayloadShapeError for anything not in the one spelling.
 */
export class PayloadRecordSplitter {
  /** The envelope's batch id, once its head has been read. */
  batchId: string | null = null;
  private state: 'head' | 'between' | 'record' | 'tail' | 'done' = 'head';
  private head = '';
  private pieces: Buffer[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private records = 0;
  private tail = '';
  /** After a comma: the next byte must open a record. */
  private expectRecord = false;

  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let i = 0;
    if (this.state === 'head') {
      // The head is short: decode as Latin-1 (one char per byte) so offsets stay byte offsets.
      this.head += chunk.toString('latin1');
      const m = HEAD.exec(this.head);
      if (!m) {
        if (this.head.length >= HEAD_MAX || !couldStillMatch(this.head)) throw new PayloadShapeError('does not start with the payload envelope {"batchId":…,"format":…,"formatVersion":…,"interviews":[');
        return out;
      }
      if (m[2] !== BATCH_PAYLOAD_FORMAT || Number(m[3]) !== BATCH_FORMAT_VERSION) {
        throw new PayloadShapeError(`is ${m[2]} version ${m[3]}, not ${BATCH_PAYLOAD_FORMAT} version ${BATCH_FORMAT_VERSION}`);
      }
      this.batchId = m[1]!;
      i = chunk.length - (this.head.length - m[0].length);
      this.head = '';
      this.state = 'between';
    }
    let start = i;
    // Where the next backslash is from i on (chunk.length: none), looked up again once passed.
    let backslash = -1;
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      switch (this.state) {
        case 'between':
          if (b === OPEN_BRACE && (this.records === 0 || this.expectRecord)) {
            this.state = 'record';
            this.depth = 1;
            this.expectRecord = false;
            start = i;
          } else if (b === COMMA && this.records > 0 && !this.expectRecord) {
            this.expectRecord = true;
          } else if (b === CLOSE_BRACKET && !this.expectRecord) {
            this.state = 'tail';
          } else {
            throw new PayloadShapeError(`interview ${this.records + 1}: expected ${this.expectRecord || this.records === 0 ? 'an object' : '"," or "]"'} (byte 0x${b.toString(16)})`);
          }
          break;
        case 'record':
          if (this.inString) {
            if (this.escaped) {
              this.escaped = false;
              break;
            }
            // Strings are most of a record: jump (memchr) to the next quote or backslash.
            if (backslash < i) {
              backslash = chunk.indexOf(BACKSLASH, i);
              if (backslash < 0) backslash = chunk.length;
            }
            const quote = chunk.indexOf(QUOTE, i);
            const stop = quote >= 0 && quote < backslash ? quote : backslash;
            if (stop >= chunk.length) {
              // The string goes on in the next chunk.
              i = chunk.length - 1;
              break;
            }
            i = stop;
            if (stop === quote) this.inString = false;
            else this.escaped = true;
          } else if (b === QUOTE) this.inString = true;
          else if (b === OPEN_BRACE || b === OPEN_BRACKET) this.depth++;
          else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
            if (--this.depth === 0) {
              this.pieces.push(chunk.subarray(start, i + 1));
              out.push(this.pieces.length === 1 ? Buffer.from(this.pieces[0]!) : Buffer.concat(this.pieces));
              this.pieces = [];
              this.records++;
              this.state = 'between';
            }
          }
          break;
        case 'tail':
          this.tail += String.fromCharCode(b);
          if (this.tail !== '}') throw new PayloadShapeError('has bytes after the end of the envelope');
          this.state = 'done';
          break;
        default:
          throw new PayloadShapeError('has bytes after the end of the envelope');
      }
    }
    if (this.state === 'record') this.pieces.push(Buffer.from(chunk.subarray(start)));
    return out;
  }

  end(): void {
    if (this.state === 'head') throw new PayloadShapeError('ends before the envelope');
    if (this.state !== 'done') throw new PayloadShapeError(`ends inside the interview list (after ${this.records} interviews)`);
  }
}

/** Whether `text` is a prefix some head could still grow from (checked on the fixed parts). */
function couldStillMatch(text: string): boolean {
  const fixed = '{"batchId":"';
  return text.length <= fixed.length ? fixed.startsWith(text) : text.startsWith(fixed);
}
