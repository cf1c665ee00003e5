// The PIN/password rules, in one place: the setup and users screens, the `khaosat user add`
// command and the user service all check a new secret here and say the same words (vi/en).
import type { Role } from '../contract/roles';

export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 12;
/** Supervisors and analysts: a 4-digit PIN from a copied database falls to offline guessing in minutes. */
export const PRIVILEGED_PIN_MIN_DIGITS = 8;
export const PASSWORD_MIN_CHARS = 8;
export const SECRET_MAX_CHARS = 128;

/** Roles that manage users or see everyone's data, and so need a longer secret. */
export const PRIVILEGED_ROLES: readonly Role[] = ['supervisor', 'analyst'];

export type SecretRule =
  | 'empty'
  | 'pin_too_short'
  | 'pin_too_long'
  | 'pin_trivial'
  | 'pin_too_short_for_role'
  | 'password_too_short'
  | 'password_trivial'
  | 'too_long';

export const SECRET_RULE_MESSAGES: Record<SecretRule, { vi: string; en: string }> = {
  empty: {
    vi: 'Chưa nhập mã PIN hoặc mật khẩu.',
    en: 'No PIN or password was given.',
  },
  pin_too_short: {
    vi: `Mã PIN cần ít nhất ${PIN_MIN_DIGITS} chữ số.`,
    en: `A PIN needs at least ${PIN_MIN_DIGITS} digits.`,
  },
  pin_too_long: {
    vi: `Mã PIN quá dài: tối đa ${PIN_MAX_DIGITS} chữ số (hoặc dùng mật khẩu có cả chữ).`,
    en: `The PIN is too long: at most ${PIN_MAX_DIGITS} digits (or use a password with letters).`,
  },
  pin_trivial: {
    vi: 'Mã PIN quá dễ đoán (lặp lại hoặc liên tiếp như 0000, 1234, 1212, 2468); hãy chọn mã khác.',
    en: 'The PIN is too easy to guess (repeated or in sequence, like 0000, 1234, 1212, 2468); choose another.',
  },
  pin_too_short_for_role: {
    vi: `Giám sát viên và chuyên viên phân tích cần mật khẩu, hoặc mã PIN ít nhất ${PRIVILEGED_PIN_MIN_DIGITS} chữ số.`,
    en: `Supervisors and analysts need a password, or a PIN of at least ${PRIVILEGED_PIN_MIN_DIGITS} digits.`,
  },
  password_too_short: {
    vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN_CHARS} ký tự.`,
    en: `A password needs at least ${PASSWORD_MIN_CHARS} characters.`,
  },
  password_trivial: {
    vi: 'Mật khẩu chỉ lặp lại một ký tự; hãy chọn mật khẩu khác.',
    en: 'The password repeats a single character; choose another.',
  },
  too_long: {
    vi: `Mật khẩu quá dài: tối đa ${SECRET_MAX_CHARS} ký tự.`,
    en: `The password is too long: at most ${SECRET_MAX_CHARS} characters.`,
  },
};

/** One line describing the rules for a role, for hints under the secret field and `--help`. */
export function secretHint(role: Role | 'any'): { vi: string; en: string } {
  const strong = role !== 'any' && PRIVILEGED_ROLES.includes(role);
  const digits = strong ? `${PRIVILEGED_PIN_MIN_DIGITS}–${PIN_MAX_DIGITS}` : `${PIN_MIN_DIGITS}–${PIN_MAX_DIGITS}`;
  const extraVi = role === 'any' ? ` (giám sát viên, chuyên viên: PIN ít nhất ${PRIVILEGED_PIN_MIN_DIGITS} chữ số)` : '';
  const extraEn = role === 'any' ? ` (supervisors, analysts: a PIN of at least ${PRIVILEGED_PIN_MIN_DIGITS} digits)` : '';
  return {
    vi: `Mã PIN gồm ${digits} chữ số, không lặp hay liên tiếp${extraVi}; hoặc mật khẩu ít nhất ${PASSWORD_MIN_CHARS} ký tự, không chỉ gồm chữ số.`,
    en: `A PIN of ${digits} digits, not repeated or in sequence${extraEn}; or a password of at least ${PASSWORD_MIN_CHARS} characters, not only digits.`,
  };
}

/**
 * A PIN is trivial when its digits step by a constant amount (0000, 1234, 9876, 2468, 7890 —
 * the step taken modulo 10) or repeat a shorter block (1212, 123123): the first guesses of anyone
 * trying PINs.
 */
export function isTrivialPin(pin: string): boolean {
  const d = [...pin].map(Number);
  const step = (((d[1]! - d[0]!) % 10) + 10) % 10;
  if (d.every((v, i) => i === 0 || (((v - d[i - 1]!) % 10) + 10) % 10 === step)) return true;
  for (let size = 1; size <= d.length / 2; size++) {
    if (d.length % size === 0 && pin === pin.slice(0, size).repeat(d.length / size)) return true;
  }
  return false;
}

export function isPin(secret: string): boolean {
  return /^[0-9]+$/.test(secret);
}

/** The first rule a new secret breaks for this role, or null when it is acceptable. */
export function checkSecret(secret: string, role: Role): SecretRule | null {
  if (secret.length === 0) return 'empty';
  if (isPin(secret)) {
    if (secret.length < PIN_MIN_DIGITS) return 'pin_too_short';
    if (secret.length > PIN_MAX_DIGITS) return 'pin_too_long';
    if (isTrivialPin(secret)) return 'pin_trivial';
    if (PRIVILEGED_ROLES.includes(role) && secret.length < PRIVILEGED_PIN_MIN_DIGITS) return 'pin_too_short_for_role';
    return null;
  }
  const chars = [...secret];
  if (chars.length < PASSWORD_MIN_CHARS) return 'password_too_short';
  if (chars.length > SECRET_MAX_CHARS) return 'too_long';
  if (chars.every((c) => c === chars[0])) return 'password_trivial';
  return null;
}

/**
 * A secret as typed or piped in: spaces around a PIN are dropped (`echo " 4829 " | khaosat …`,
 * a stray space in a form), while a password keeps every character, spaces included.
 */
export function normalizeSecretInput(raw: string): string {
  const trimmed = raw.trim();
  return isPin(trimmed) ? trimmed : raw;
}
