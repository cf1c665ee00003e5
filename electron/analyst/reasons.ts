// Why a batch file was refused or set aside, as one line: a stable code, then Vietnamese and
// English, then the detail (which interview, which path). The file-format codes come from
// shared/contract/errors.ts; the ones only import can give are here.
import { ERROR_MESSAGES, ServiceError, type ErrorCode } from '../../shared/contract/errors';

export const IMPORT_REASONS = {
  batch_invalid: {
    vi: 'Lô dữ liệu có phỏng vấn không hợp lệ so với bảng hỏi; không có gì được nhập.',
    en: 'The batch holds an interview that does not fit its form; nothing was imported.',
  },
  batch_sequence_reused: {
    vi: 'Máy này đã gửi một lô khác với cùng số thứ tự; lô bị từ chối.',
    en: 'This laptop already sent another batch with the same sequence number; the batch was refused.',
  },
  batch_duplicate: {
    vi: 'Lô này đã được nhập trước đó; bỏ qua.',
    en: 'This batch was already imported; skipped.',
  },
  file_unreadable: {
    vi: 'Không đọc được tệp.',
    en: 'The file cannot be read.',
  },
} as const;

export type ImportReasonCode = keyof typeof IMPORT_REASONS | ErrorCode;

/** A refusal of one file: the rest of the import goes on. */
export class BatchRefusal extends Error {
  constructor(
    readonly code: ImportReasonCode,
    readonly detail?: string,
  ) {
    super(reasonText(code, detail));
    this.name = 'BatchRefusal';
  }
}

export function reasonText(code: ImportReasonCode, detail?: string): string {
  const m = (IMPORT_REASONS as Record<string, { vi: string; en: string }>)[code] ?? ERROR_MESSAGES[code as ErrorCode];
  return `${code}: ${m.vi} / ${m.en}${detail ? ` (${detail})` : ''}`;
}

/** A file-format ServiceError as a refusal; anything else is a bug and is thrown on. */
export function refusalOf(error: unknown): BatchRefusal {
  if (error instanceof BatchRefusal) return error;
  if (error instanceof ServiceError) return new BatchRefusal(error.code, error.detail);
  const code = (error as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new BatchRefusal('file_unreadable', (error as Error).message);
  throw error;
}
