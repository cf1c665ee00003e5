// Stable error codes that cross the contract boundary, each with a message for the person in
// front of the screen in Vietnamese (first) and English. Codes never change meaning once shipped.
export const ERROR_MESSAGES = {
  invalid_request: {
    vi: 'Yêu cầu không hợp lệ.',
    en: 'The request is not valid.',
  },
  unknown_operation: {
    vi: 'Thao tác không tồn tại.',
    en: 'There is no such operation.',
  },
  foreign_sender: {
    vi: 'Yêu cầu không đến từ ứng dụng KhaoSat nên bị từ chối.',
    en: 'The request did not come from the KhaoSat app and was refused.',
  },
  not_signed_in: {
    vi: 'Bạn cần đăng nhập trước.',
    en: 'You need to sign in first.',
  },
  forbidden: {
    vi: 'Vai trò của bạn không được phép làm việc này.',
    en: 'Your role is not allowed to do this.',
  },
  invalid_credentials: {
    vi: 'Mã người dùng hoặc mã PIN/mật khẩu không đúng.',
    en: 'Wrong user code or PIN/password.',
  },
  locked_out: {
    vi: 'Tài khoản tạm khóa do nhập sai quá nhiều lần. Vui lòng thử lại sau.',
    en: 'Account temporarily locked after too many failed attempts. Try again later.',
  },
  user_inactive: {
    vi: 'Tài khoản đã bị vô hiệu hóa.',
    en: 'This account has been deactivated.',
  },
  setup_required: {
    vi: 'Máy này chưa được thiết lập: hãy tạo giám sát viên đầu tiên.',
    en: 'This laptop is not set up yet: create the first supervisor.',
  },
  setup_done: {
    vi: 'Máy này đã được thiết lập rồi.',
    en: 'This laptop is already set up.',
  },
  duplicate_code: {
    vi: 'Mã người dùng này đã tồn tại.',
    en: 'This user code already exists.',
  },
  weak_secret: {
    vi: 'Mã PIN phải có ít nhất 4 chữ số, mật khẩu ít nhất 8 ký tự.',
    en: 'A PIN needs at least 4 digits, a password at least 8 characters.',
  },
  not_found: {
    vi: 'Không tìm thấy dữ liệu được yêu cầu.',
    en: 'The requested record was not found.',
  },
  interview_not_editable: {
    vi: 'Phiếu này không thể sửa ở trạng thái hiện tại.',
    en: 'This interview cannot be edited in its current status.',
  },
  interview_too_large: {
    vi: 'Phiếu này đã đạt số câu trả lời tối đa.',
    en: 'This interview has reached the maximum number of answers.',
  },
  database_damaged: {
    vi: 'Tệp dữ liệu bị hỏng; KhaoSat sẽ không ghi vào tệp này.',
    en: 'The database file is damaged; KhaoSat will not write to it.',
  },
  database_too_new: {
    vi: 'Tệp dữ liệu được tạo bởi phiên bản KhaoSat mới hơn. Hãy cập nhật ứng dụng.',
    en: 'The database was written by a newer KhaoSat. Update the app.',
  },
  package_damaged: {
    vi: 'Gói khảo sát bị hỏng hoặc không phải gói KhaoSat; không có gì được cài đặt.',
    en: 'The survey package is damaged or not a KhaoSat package; nothing was installed.',
  },
  package_bad_signature: {
    vi: 'Chữ ký của gói khảo sát không hợp lệ: tệp đã bị sửa hoặc hỏng; không có gì được cài đặt.',
    en: 'The survey package signature is not valid: the file was altered or damaged; nothing was installed.',
  },
  package_foreign_signer: {
    vi: 'Gói khảo sát được ký bởi một khóa khác với khóa đã ghi nhận cho khảo sát này; gói bị từ chối.',
    en: 'The survey package is signed by a different key than the one recorded for this survey; it was refused.',
  },
  batch_damaged: {
    vi: 'Tệp lô dữ liệu bị hỏng hoặc không phải tệp lô KhaoSat; không có gì được nhập.',
    en: 'The batch file is damaged or not a KhaoSat batch; nothing was imported.',
  },
  batch_bad_signature: {
    vi: 'Chữ ký của lô dữ liệu không hợp lệ: tệp đã bị sửa hoặc hỏng; không có gì được nhập.',
    en: 'The batch signature is not valid: the file was altered or damaged; nothing was imported.',
  },
  batch_foreign_signer: {
    vi: 'Lô dữ liệu được ký bởi một khóa khác với khóa đã ghi nhận cho máy này; lô bị từ chối.',
    en: 'The batch is signed by a different key than the one recorded for this laptop; it was refused.',
  },
  batch_undecryptable: {
    vi: 'Không giải mã được lô dữ liệu bằng khóa này (lô được mã hóa cho khóa khác, hoặc bị hỏng).',
    en: 'The batch cannot be decrypted with this key (it was encrypted for another key, or is damaged).',
  },
  format_too_new: {
    vi: 'Tệp được tạo bởi phiên bản KhaoSat mới hơn. Hãy cập nhật ứng dụng.',
    en: 'The file was written by a newer KhaoSat. Update the app.',
  },
  key_exists: {
    vi: 'Tệp khóa đã tồn tại; KhaoSat không ghi đè khóa.',
    en: 'A key file already exists; KhaoSat does not overwrite keys.',
  },
  key_damaged: {
    vi: 'Tệp khóa bị hỏng hoặc không đúng định dạng.',
    en: 'The key file is damaged or not in the expected format.',
  },
  key_wrong_passphrase: {
    vi: 'Cụm mật khẩu của khóa không đúng.',
    en: 'Wrong passphrase for the key.',
  },
  key_exposed: {
    vi: 'Tệp khóa bí mật có thể bị người dùng khác đọc; hãy giới hạn quyền (chmod 600) rồi thử lại.',
    en: 'The secret key file is readable by other users; restrict it (chmod 600) and try again.',
  },
  key_unavailable: {
    vi: 'Không mở được khóa: kho khóa của hệ thống không sẵn sàng.',
    en: 'The key cannot be unlocked: the system keychain is not available.',
  },
  internal: {
    vi: 'Đã xảy ra lỗi không mong muốn.',
    en: 'Something unexpected went wrong.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** The error shape every face returns. `message` is Vietnamese, `messageEn` English. */
export interface ContractError {
  code: ErrorCode;
  message: string;
  messageEn: string;
  /** For invalid_request: which fields were wrong (path and what was expected). */
  issues?: { path: string; problem: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export function contractError(
  code: ErrorCode,
  issues?: ContractError['issues'],
): ContractError {
  const m = ERROR_MESSAGES[code];
  return issues ? { code, message: m.vi, messageEn: m.en, issues } : { code, message: m.vi, messageEn: m.en };
}

/**
 * Thrown by services for expected failures; the guard turns it into a `{ ok: false }` result.
 * Anything else thrown becomes `internal` (and is logged), never a leaked stack.
 */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  /** Technical detail for logs and the CLI (a path, a row); never shown as the UI message. */
  readonly detail: string | undefined;
  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ServiceError';
    this.code = code;
    this.detail = detail;
  }
}
