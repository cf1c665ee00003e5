// The renderer's message catalogues: Vietnamese is the reference (its keys are the key set),
// English must translate every key — a missing one is a compile error.
export const vi = {
  'app.name': 'KhaoSat',
  'app.tagline': 'Khảo sát sự hài lòng của người dân và doanh nghiệp',
  'app.loading': 'Đang tải…',
  'app.unavailable': 'Không kết nối được với dữ liệu của ứng dụng.',
  'app.retry': 'Thử lại',
  'language.label': 'Ngôn ngữ',
  'setup.title': 'Thiết lập máy lần đầu',
  'setup.intro': 'Máy này chưa có người dùng. Hãy tạo giám sát viên đầu tiên; người này sẽ đăng ký các điều tra viên.',
  'setup.code': 'Mã giám sát viên',
  'setup.name': 'Họ và tên',
  'setup.secret': 'Mã PIN hoặc mật khẩu',
  'setup.secretAgain': 'Nhập lại mã PIN hoặc mật khẩu',
  'setup.secretHint': 'Mã PIN gồm 4–12 chữ số, hoặc mật khẩu ít nhất 8 ký tự.',
  'setup.submit': 'Tạo giám sát viên',
  'setup.busy': 'Đang tạo…',
  'setup.mismatch': 'Hai lần nhập mã PIN/mật khẩu không khớp.',
  'signin.title': 'Đăng nhập',
  'signin.code': 'Mã người dùng',
  'signin.secret': 'Mã PIN hoặc mật khẩu',
  'signin.submit': 'Đăng nhập',
  'signin.busy': 'Đang đăng nhập…',
  'form.required': 'Vui lòng điền đủ các ô.',
  'home.greeting': 'Xin chào, {name} — {role}',
  'home.device': 'Mã máy: {deviceId}',
  'home.signOut': 'Đăng xuất',
} as const;

export type MessageKey = keyof typeof vi;
export type Catalogue = Record<MessageKey, string>;

export const en: Catalogue = {
  'app.name': 'KhaoSat',
  'app.tagline': 'Citizen and business satisfaction surveys',
  'app.loading': 'Loading…',
  'app.unavailable': 'Cannot reach the app’s data.',
  'app.retry': 'Try again',
  'language.label': 'Language',
  'setup.title': 'First-time laptop setup',
  'setup.intro': 'This laptop has no users yet. Create the first supervisor; they will register the surveyors.',
  'setup.code': 'Supervisor code',
  'setup.name': 'Full name',
  'setup.secret': 'PIN or password',
  'setup.secretAgain': 'PIN or password again',
  'setup.secretHint': 'A PIN of 4–12 digits, or a password of at least 8 characters.',
  'setup.submit': 'Create supervisor',
  'setup.busy': 'Creating…',
  'setup.mismatch': 'The two PIN/password entries do not match.',
  'signin.title': 'Sign in',
  'signin.code': 'User code',
  'signin.secret': 'PIN or password',
  'signin.submit': 'Sign in',
  'signin.busy': 'Signing in…',
  'form.required': 'Please fill in every field.',
  'home.greeting': 'Hello, {name} — {role}',
  'home.device': 'Device ID: {deviceId}',
  'home.signOut': 'Sign out',
};

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGUES: Record<Language, Catalogue> = { vi, en };

/** Fills `{name}` placeholders; unknown placeholders stay visible so a gap is noticed. */
export function format(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
