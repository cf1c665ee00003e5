// Table rows on disk while an export runs: the dataset builder pushes each row as it makes it,
// the writers read them back (as often as they need: values, then statuses). SPSS and Stata need
// the row count and every string's width before the first row, so the rows cannot go straight to
// the file; spooling them keeps memory flat whatever the number of interviews.
//
// One line per row: the statuses as one letter each, a tab, then the values as JSON (JSON escapes
// every control character, so neither the tab nor the newline can occur inside it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CELL_STATUSES, type CellStatus, type CellValue, type DatasetRow, type DatasetRowSink } from '../../shared/exports/dataset';

const LETTER: Record<CellStatus, string> = { answered: 'a', missing: 'm', skipped: 's', unanswered: 'u' };
const STATUS_OF: Record<string, CellStatus> = Object.fromEntries(CELL_STATUSES.map((s) => [LETTER[s], s]));
const FLUSH_BYTES = 1 << 20;
const READ_BYTES = 1 << 20;
const NEWLINE = 0x0a;

export class RowSpool implements DatasetRowSink {
  length = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly fd: number;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w+', 0o600);
  }

  push(row: DatasetRow): void {
    let letters = '';
    for (const s of row.statuses) letters += LETTER[s];
    const line = `${letters}\t${JSON.stringify(row.values)}\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    this.length++;
    if (this.pendingChars >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    fs.writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  *[Symbol.iterator](): Iterator<DatasetRow> {
    this.flush();
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    let carry: Buffer | null = null;
    let position = 0;
    for (;;) {
      const read = fs.readSync(this.fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      position += read;
      let chunk = buffer.subarray(0, read);
      if (carry) {
        chunk = Buffer.concat([carry, chunk]);
        carry = null;
      }
      let start = 0;
      for (let nl = chunk.indexOf(NEWLINE, start); nl >= 0; nl = chunk.indexOf(NEWLINE, start)) {
        yield parseLine(chunk.toString('utf8', start, nl));
        start = nl + 1;
      }
      // Copied: `buffer` is reused by the next read.
      if (start < chunk.length) carry = Buffer.from(chunk.subarray(start));
    }
    if (carry) throw new Error(`${this.file}: spool ends inside a row`);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

function parseLine(line: string): DatasetRow {
  const tab = line.indexOf('\t');
  const statuses: CellStatus[] = new Array(tab);
  for (let i = 0; i < tab; i++) statuses[i] = STATUS_OF[line[i]!]!;
  return { values: JSON.parse(line.slice(tab + 1)) as CellValue[], statuses };
}

/** A private temporary folder of spools, removed (with every spool) by `dispose()`. */
export class SpoolFolder {
  readonly dir: string;
  private readonly spools: RowSpool[] = [];

  constructor(parent = os.tmpdir()) {
    this.dir = fs.mkdtempSync(path.join(parent, 'khaosat-export-'));
  }

  create(table: string): RowSpool {
    const spool = new RowSpool(path.join(this.dir, `${this.spools.length}-${table.replace(/[^A-Za-z0-9_]/g, '_')}.rows`));
    this.spools.push(spool);
    return spool;
  }

  dispose(): void {
    for (const s of this.spools) {
      try {
        s.close();
      } catch {
        // Already closed.
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
