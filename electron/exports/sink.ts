// A buffered, synchronous file sink for the export writers: rows go out in 64 KiB chunks (memory
// stays flat however many interviews), into `<file>.tmp-<pid>` renamed over the target only when
// complete, so a failed export never leaves a half-written file under the real name.
import fs from 'node:fs';

const CHUNK = 64 * 1024;

export class FileSink {
  private readonly fd: number;
  private readonly tmp: string;
  private buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** Bytes written so far (the position of the next byte). */
  position = 0;

  constructor(private readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.fd = fs.openSync(this.tmp, 'w');
  }

  write(bytes: Uint8Array): void {
    this.position += bytes.length;
    if (bytes.length > CHUNK - this.used) {
      this.flush();
      if (bytes.length > CHUNK) {
        fs.writeSync(this.fd, bytes);
        return;
      }
    }
    this.buf.set(bytes, this.used);
    this.used += bytes.length;
  }

  text(s: string): void {
    this.write(Buffer.from(s, 'utf8'));
  }

  private flush(): void {
    if (this.used > 0) fs.writeSync(this.fd, this.buf, 0, this.used);
    this.used = 0;
  }

  /** Overwrites bytes already written at `offset` (headers whose counts are known at the end). */
  patch(offset: number, bytes: Uint8Array): void {
    this.flush();
    fs.writeSync(this.fd, bytes, 0, bytes.length, offset);
  }

  close(): void {
    this.flush();
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.path);
  }

  abort(): void {
    try {
      fs.closeSync(this.fd);
    } finally {
      fs.rmSync(this.tmp, { force: true });
    }
  }
}

/** Runs `body` against a sink for `path`: renamed into place on success, removed on failure. */
export function withSink<T>(path: string, body: (sink: FileSink) => T): T {
  const sink = new FileSink(path);
  try {
    const out = body(sink);
    sink.close();
    return out;
  } catch (e) {
    sink.abort();
    throw e;
  }
}
