// Stable error codes that cross the contract boundary, each with a message for the person in
// front of the screen in Vietnamese (first) and English. Codes never change meaning once shipped.
import { durationText, LOCKOUT_SECONDS } from '../users/lockout';

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
    vi: 'Mã PIN hoặc mật khẩu này không được chấp nhận.',
    en: 'This PIN or password is not accepted.',
  },
  cannot_deactivate_self: {
    vi: 'Bạn không thể tự vô hiệu hóa tài khoản đang đăng nhập; máy luôn cần một giám sát viên hoạt động.',
    en: 'You cannot deactivate the account you are signed in with; the laptop always needs an active supervisor.',
  },
  first_user_not_supervisor: {
    vi: 'Máy chưa có giám sát viên hoạt động: người dùng đầu tiên phải là giám sát viên (--role supervisor), để có người quản lý người dùng.',
    en: 'This laptop has no active supervisor: the first user must be a supervisor (--role supervisor), so someone can manage users.',
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
  database_missing: {
    vi: 'Tệp dữ liệu đã mất hoặc trống, nhưng thư mục dữ liệu còn dấu vết của dữ liệu cũ (bản sao lưu…). KhaoSat không bắt đầu lại từ đầu: hãy khôi phục từ một bản sao lưu.',
    en: 'The database file is missing or empty, but the data folder holds traces of earlier data (backups…). KhaoSat will not start fresh: restore a backup.',
  },
  database_unprotected: {
    vi: 'Tệp dữ liệu thiếu lớp bảo vệ chống sửa nhật ký (trigger); KhaoSat sẽ không ghi vào tệp này.',
    en: 'The database is missing a protective trigger (append-only logs); KhaoSat will not write to it.',
  },
  database_readonly: {
    vi: 'Tệp dữ liệu chỉ đọc được, không ghi được (tệp hoặc thư mục chỉ đọc).',
    en: 'The database is read-only (the file or its folder cannot be written).',
  },
  disk_full: {
    vi: 'Ổ đĩa đã đầy: hãy giải phóng dung lượng. Không có dữ liệu nào bị mất.',
    en: 'The disk is full: free some space. Nothing was lost.',
  },
  disk_io: {
    vi: 'Ổ đĩa báo lỗi khi đọc hoặc ghi dữ liệu.',
    en: 'The disk reported an error while reading or writing.',
  },
  recovery_not_needed: {
    vi: 'Tệp dữ liệu đang dùng được; không cần khôi phục.',
    en: 'The database is in use and healthy; there is nothing to restore.',
  },
  backup_unusable: {
    vi: 'Bản sao lưu này bị hỏng hoặc không dùng được; hãy chọn bản khác.',
    en: 'This backup is damaged or cannot be used; choose another one.',
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
  package_invalid: {
    vi: 'Gói khảo sát có chữ ký hợp lệ nhưng nội dung sai (phiếu hỏi, danh sách đơn vị hoặc chỉ tiêu); không có gì được cài đặt.',
    en: 'The survey package is signed but its content is wrong (questionnaire, unit list or quotas); nothing was installed.',
  },
  package_older: {
    vi: 'Gói khảo sát này cũ hơn (hoặc cùng lúc tạo với) gói mới nhất đã cài cho khảo sát này; gói bị từ chối, không có gì thay đổi.',
    en: 'This survey package is older than (or made at the same time as) the newest package installed for this survey; it was refused and nothing changed.',
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
  analyst_key_missing: {
    vi: 'Chưa có khóa mã hóa của nhà phân tích cho khảo sát này; hãy cài gói khảo sát (hoặc chỉ định khóa) rồi xuất lại.',
    en: "There is no analyst encryption key for this survey; install its survey package (or give the key) and export again.",
  },
  batch_file_exists: {
    vi: 'Thư mục đích đã có một tệp cùng tên với lô sắp xuất; hãy chọn thư mục khác hoặc chuyển tệp đó đi.',
    en: 'The destination folder already holds a file with the name of the batch being exported; choose another folder or move that file away.',
  },
  export_conflict: {
    vi: 'Dữ liệu thay đổi trong lúc xuất (phỏng vấn bị sửa hoặc một lần xuất khác chạy cùng lúc); không có gì được ghi nhận, hãy xuất lại.',
    en: 'The data changed while exporting (an interview changed or another export ran at the same time); nothing was recorded, export again.',
  },
  analyst_keys_missing: {
    vi: 'Máy này chưa có khóa của nhà phân tích; hãy chọn thư mục khóa (tạo bằng khaosat keys generate) trước khi nhập lô.',
    en: "This computer holds no analyst keys yet; choose the key folder (made by khaosat keys generate) before importing batches.",
  },
  analysis_not_ready: {
    vi: 'Chưa thể tính hoặc xuất từ kho dữ liệu phân tích.',
    en: 'The analyst store cannot give this yet.',
  },
  report_no_data: {
    vi: 'Không có phỏng vấn nào khớp với bộ lọc đã chọn, nên không có báo cáo để xuất; hãy bỏ bớt bộ lọc.',
    en: 'No interview matches the chosen filters, so there is no report to export; remove some filters.',
  },
  report_printer_missing: {
    vi: 'Máy này không có trình in PDF (Chromium) để tạo báo cáo; hãy cài Chromium hoặc đặt CHROMIUM_PATH.',
    en: 'This computer has no PDF printer (Chromium) to make the report; install Chromium or set CHROMIUM_PATH.',
  },
  report_print_failed: {
    vi: 'Không in được báo cáo ra PDF; không có tệp nào được ghi.',
    en: 'The report could not be printed to PDF; no file was written.',
  },
  report_write_failed: {
    vi: 'Không ghi được tệp PDF vào chỗ đã chọn; hãy chọn thư mục khác.',
    en: 'The PDF file could not be written where you chose; choose another folder.',
  },
  internal: {
    vi: 'Đã xảy ra lỗi không mong muốn.',
    en: 'Something unexpected went wrong.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** One field a request got wrong: `problem` is technical English, `message`/`messageEn` name the field and rule. */
export interface ContractIssue {
  path: string;
  problem: string;
  /** English of `problem` where the service says it in both languages (answer checks). */
  problemEn?: string;
  message?: string;
  messageEn?: string;
}

/** The error shape every face returns. `message` is Vietnamese, `messageEn` English. */
export interface ContractError {
  code: ErrorCode;
  message: string;
  messageEn: string;
  /**
   * Which fields or answers were wrong and what was expected: for invalid_request and weak_secret
   * the request's fields and the rule they broke; for answer_invalid and interview_incomplete the
   * answer paths (`problem` Vietnamese, `problemEn` English).
   */
  issues?: ContractIssue[];
  /** invalid_credentials: wrong tries left (1 … MAX_FAILED_ATTEMPTS − 1) before the code locks; the try that locks it answers locked_out. */
  remainingAttempts?: number;
  /** locked_out: seconds until sign-in may be tried again (1 … LOCKOUT_SECONDS). */
  retryAfterSeconds?: number;
}

/** What a service may add to an error beyond its code (see ContractError). */
export type ErrorExtra = Pick<ContractError, 'issues' | 'remainingAttempts' | 'retryAfterSeconds'>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/**
 * The error as sent. The message is the code's sentence, made specific when there is more to
 * say: the first field issue ("Mã người dùng: chỉ chữ không dấu, số, _ . -") replaces the generic
 * one, and sign-in failures add how many tries remain or how long the lock lasts.
 */
export function contractError(code: ErrorCode, extra?: ErrorExtra | ContractIssue[]): ContractError {
  const m = ERROR_MESSAGES[code];
  const more: ErrorExtra = Array.isArray(extra) ? { issues: extra } : (extra ?? {});
  let vi: string = m.vi;
  let en: string = m.en;
  const first = more.issues?.find((i) => i.message && i.messageEn);
  if (first) {
    vi = first.message!;
    en = first.messageEn!;
  }
  if (more.remainingAttempts !== undefined) {
    const lock = durationText(LOCKOUT_SECONDS);
    vi += ` Còn ${more.remainingAttempts} lần thử trước khi bị khóa đăng nhập ${lock.vi}.`;
    en += ` ${more.remainingAttempts} ${more.remainingAttempts === 1 ? 'try' : 'tries'} left before sign-in is locked for ${lock.en}.`;
  }
  if (more.retryAfterSeconds !== undefined) {
    const wait = durationText(more.retryAfterSeconds);
    vi += ` Thử lại sau ${wait.vi}.`;
    en += ` Try again in ${wait.en}.`;
  }
  const error: ContractError = { code, message: vi, messageEn: en };
  if (more.issues) error.issues = more.issues;
  if (more.remainingAttempts !== undefined) error.remainingAttempts = more.remainingAttempts;
  if (more.retryAfterSeconds !== undefined) error.retryAfterSeconds = more.retryAfterSeconds;
  return error;
}

/**
 * Thrown by services for expected failures; the guard turns it into a `{ ok: false }` result.
 * Anything else thrown becomes `internal` (and is logged), never a leaked stack.
 */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  /** Technical detail for logs and the CLI (a path, a row); never shown as the UI message. */
  readonly detail: string | undefined;
  /** Sent to the caller with the code (field or answer issues, tries left, wait): see ContractError. */
  readonly extra: ErrorExtra | undefined;
  constructor(code: ErrorCode, detail?: string, extra?: ErrorExtra | readonly ContractIssue[]) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ServiceError';
    this.code = code;
    this.detail = detail;
    this.extra = isIssueList(extra) ? { issues: [...extra] } : extra;
  }
}

function isIssueList(extra: ErrorExtra | readonly ContractIssue[] | undefined): extra is readonly ContractIssue[] {
  return Array.isArray(extra);
}

/** Issues a service reported, for callers that only want those. */
export function issuesOf(error: ServiceError): readonly ContractIssue[] | undefined {
  return error.extra?.issues;
}
