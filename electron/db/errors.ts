// SQLite's failure codes that mean something to the person at the laptop (a damaged file, a
// read-only file or folder, a full disk, a failing disk) turned into the contract's stable codes,
// in one place, so no face answers `internal` for a problem the user can act on.
import { ServiceError, type ErrorCode } from '../../shared/contract/errors';

export type StorageErrorCode = Extract<ErrorCode, 'database_damaged' | 'database_readonly' | 'disk_full' | 'disk_io'>;

function sqliteCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * The contract code for a SQLite error, or null when it is not a storage problem. Extended codes
 * (SQLITE_READONLY_DIRECTORY, SQLITE_IOERR_FSYNC…) start with their primary code's name.
 */
export function storageErrorCode(err: unknown): StorageErrorCode | null {
  const code = sqliteCode(err);
  if (code === null) return null;
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'database_damaged';
  if (code.startsWith('SQLITE_READONLY')) return 'database_readonly';
  if (code === 'SQLITE_FULL') return 'disk_full';
  if (code.startsWith('SQLITE_IOERR')) return 'disk_io';
  return null;
}

/** True for SQLite's "the file is damaged" errors (SQLITE_CORRUPT*, SQLITE_NOTADB). */
export function isDamageError(err: unknown): boolean {
  return storageErrorCode(err) === 'database_damaged';
}

/** A storage error as a ServiceError carrying SQLite's message as detail; anything else unchanged. */
export function asStorageError(err: unknown): unknown {
  if (err instanceof ServiceError) return err;
  const code = storageErrorCode(err);
  return code ? new ServiceError(code, `${sqliteCode(err)}: ${(err as Error).message}`) : err;
}
