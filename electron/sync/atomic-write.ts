// Writing a file so that a crash or power cut leaves either the old state or the whole new file,
// never a half one: write a temporary file in the same folder, fsync it, rename it into place,
// fsync the folder (so the rename itself is durable). Exports to USB sticks and key files use it.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of the new file (e.g. 0o600 for secrets). Default 0o644. */
  mode?: number;
  /** Replace an existing file. Default false: an existing file is an `EEXIST` error. */
  overwrite?: boolean;
  /**
   * Called once the temporary file is written and fsynced, before it takes its final name: the
   * crash-safety tests kill the process here. Not for production use.
   */
  beforePlace?: (tempPath: string) => Promise<void> | void;
}

/** The temporary name used while writing; starts with `.` and ends with `.tmp`, in the same folder. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Temporary files of `path` left by a crash look like this (for clean-up by the caller). */
export function isTemporaryNameOf(path: string, candidate: string): boolean {
  const prefix = `.${basename(path)}.`;
  const name = basename(candidate);
  return name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length));
}

async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (vfat on some kernels, network mounts) refuse fsync on a folder.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}

function existsError(path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`EEXIST: file already exists, '${path}'`);
  error.code = 'EEXIST';
  error.path = path;
  return error;
}

/**
 * Writes `bytes` to `path` atomically and durably. Without `overwrite`, an existing `path` is
 * refused with `EEXIST` and left untouched. On any failure the temporary file is removed.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const mode = options.mode ?? 0o644;
  const temp = temporaryNameFor(path);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  let placed = false;
  try {
    try {
      await handle.writeFile(bytes);
      // The umask may have narrowed the mode; set exactly what was asked.
      if (process.platform !== 'win32') await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.beforePlace) await options.beforePlace(temp);
    if (options.overwrite) {
      await rename(temp, path);
    } else {
      try {
        // link() refuses an existing target atomically, unlike rename().
        await link(temp, path);
        await rm(temp);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw existsError(path);
        // FAT/exFAT USB sticks have no hard links: check, then rename (a narrow race, and only
        // against another writer of the same new name).
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
        if (await stat(path).then(() => true, () => false)) throw existsError(path);
        await rename(temp, path);
      }
    }
    placed = true;
    await fsyncDirectory(dirname(path));
  } finally {
    if (!placed) await rm(temp, { force: true });
  }
}
