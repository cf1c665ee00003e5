// Failures a person at the command line can cause or fix (permissions, a missing path, a full
// disk, a file that is not a database), said in Vietnamese and English instead of
// "unexpected error: SQLITE_CANTOPEN". Anything not listed here is a real bug and says so.
const KNOWN: Record<string, { vi: string; en: string }> = {
  EACCES: { vi: 'không có quyền truy cập tệp hoặc thư mục', en: 'permission denied on the file or folder' },
  EPERM: { vi: 'hệ điều hành không cho phép thao tác này', en: 'the operating system does not allow this' },
  ENOENT: { vi: 'không tìm thấy tệp hoặc thư mục', en: 'no such file or folder' },
  ENOTDIR: { vi: 'một phần của đường dẫn không phải thư mục', en: 'part of the path is not a folder' },
  EISDIR: { vi: 'đường dẫn là một thư mục, không phải tệp', en: 'the path is a folder, not a file' },
  EROFS: { vi: 'ổ đĩa chỉ cho phép đọc', en: 'the disk is read-only' },
  ENOSPC: { vi: 'ổ đĩa đã đầy', en: 'the disk is full' },
  SQLITE_CANTOPEN: { vi: 'không mở được tệp dữ liệu (kiểm tra đường dẫn và quyền)', en: 'cannot open the database file (check the path and permissions)' },
  SQLITE_READONLY: { vi: 'tệp dữ liệu chỉ cho phép đọc', en: 'the database file is read-only' },
  SQLITE_FULL: { vi: 'ổ đĩa đã đầy', en: 'the disk is full' },
  SQLITE_NOTADB: { vi: 'tệp này không phải tệp dữ liệu KhaoSat/SQLite', en: 'this file is not a KhaoSat/SQLite database' },
  SQLITE_BUSY: { vi: 'tệp dữ liệu đang bị chương trình khác khóa; thử lại sau', en: 'another program holds the database lock; try again' },
  SQLITE_IOERR: { vi: 'ổ đĩa báo lỗi đọc/ghi', en: 'the disk reported a read/write error' },
};

/** One bilingual line for a system or SQLite failure, or null when it is not one we know. */
export function describeSystemError(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const known = KNOWN[code] ?? KNOWN[code.replace(/_[A-Z0-9]+$/, '')];
  if (!known) return null;
  const path = (error as { path?: unknown }).path;
  const where = typeof path === 'string' ? ` (${path})` : '';
  return `${known.vi} / ${known.en}${where} [${code}]`;
}
