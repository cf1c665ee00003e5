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

// The same conditions met by KhaoSat's own file work around the database (the -wal evidence
// copy, a restore's copy and renames), reported by Node rather than by SQLite.
const FILE_SYSTEM_CODES: Record<string, StorageErrorCode> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  EROFS: 'database_readonly',
  EACCES: 'database_readonly',
  EPERM: 'database_readonly',
  EIO: 'disk_io',
};

/**
 * A storage error (SQLite's, or a file-system one from Node) as a ServiceError carrying the
 * original code and message as detail; anything else unchanged.
 */
export function asStorageError(err: unknown): unknown {
  if (err instanceof ServiceError) return err;
  const code = storageErrorCode(err);
  if (code) return new ServiceError(code, `${sqliteCode(err)}: ${(err as Error).message}`);
  const fsCode = (err as { code?: unknown } | null)?.code;
  const mapped = typeof fsCode === 'string' ? FILE_SYSTEM_CODES[fsCode] : undefined;
  return mapped ? new ServiceError(mapped, `${fsCode}: ${(err as Error).message}`) : err;
}
