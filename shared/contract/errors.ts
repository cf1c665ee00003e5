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
  answer_invalid: {
    vi: 'Câu trả lời không hợp lệ với bảng hỏi (câu hỏi, kiểu giá trị, mã lựa chọn hoặc mã thiếu không đúng).',
    en: 'The answer does not fit the questionnaire (question, value type, choice code or missing code).',
  },
  interview_incomplete: {
    vi: 'Phiếu chưa hoàn thành: còn câu bắt buộc chưa trả lời hoặc câu trả lời sai điều kiện.',
    en: 'The interview is not complete: required questions are unanswered or answers break a rule.',
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
  /**
   * Which fields or answers were wrong and what was expected: for invalid_request the request's
   * fields; for answer_invalid and interview_incomplete the answer paths (`problem` Vietnamese,
   * `problemEn` English).
   */
  issues?: ServiceIssue[];
}

export interface ServiceIssue {
  path: string;
  problem: string;
  problemEn?: string;
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
  /** What the person can fix (answer paths and what was expected); the guard passes them on, bounded. */
  readonly issues: readonly ServiceIssue[] | undefined;
  constructor(code: ErrorCode, detail?: string, issues?: readonly ServiceIssue[]) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ServiceError';
    this.code = code;
    this.detail = detail;
    this.issues = issues;
  }
}
