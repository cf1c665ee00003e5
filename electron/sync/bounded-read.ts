// Reading a file that came from a USB stick: its size is checked on the open handle before a
// byte is read, so a huge or growing file can't exhaust memory, and the size seen is the size read.
import { open } from 'node:fs/promises';
import { ServiceError, type ErrorCode } from '../../shared/contract/errors';

export async function readFileBounded(path: string, maxBytes: number, tooLarge: ErrorCode): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (!isFile) throw new ServiceError(tooLarge, `${path} is not a regular file`);
    if (size > maxBytes) throw new ServiceError(tooLarge, `${path} has ${size} bytes, more than the ${maxBytes} allowed`);
    // One byte more than the limit: a file that grew since stat is caught too.
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new ServiceError(tooLarge, `${path} grew past the ${maxBytes} bytes allowed while being read`);
      if (filled === buffer.length) break;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
