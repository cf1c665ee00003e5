// The PIN/password rules every face uses: lengths, trivial PINs, longer secrets for supervisors
// and analysts, spaces around a piped PIN.
import { describe, expect, it } from 'vitest';
import { checkSecret, isTrivialPin, normalizeSecretInput, SECRET_RULE_MESSAGES, secretHint } from '../../../shared/users/secrets';

describe('PIN and password rules', () => {
  it.each([
    ['123', 'surveyor', 'pin_too_short'],
    ['5829174630125', 'surveyor', 'pin_too_long'],
    ['0000', 'surveyor', 'pin_trivial'],
    ['1234', 'surveyor', 'pin_trivial'],
    ['9876', 'surveyor', 'pin_trivial'],
    ['7890', 'surveyor', 'pin_trivial'],
    ['2468', 'surveyor', 'pin_trivial'],
    ['1212', 'surveyor', 'pin_trivial'],
    ['123123', 'surveyor', 'pin_trivial'],
    ['11111111', 'supervisor', 'pin_trivial'],
    ['5829', 'supervisor', 'pin_too_short_for_role'],
    ['5829174', 'analyst', 'pin_too_short_for_role'],
    ['abc', 'surveyor', 'password_too_short'],
    ['aaaaaaaa', 'supervisor', 'password_trivial'],
    ['x'.repeat(60) + 'y'.repeat(69), 'surveyor', 'too_long'],
    ['', 'surveyor', 'empty'],
  ] as const)('%j for a %s breaks %s', (secret, role, rule) => {
    expect(checkSecret(secret, role)).toBe(rule);
  });

  it.each([
    ['5829', 'surveyor'],
    ['582917463012', 'surveyor'],
    ['58291746', 'supervisor'],
    ['mật khẩu dài', 'analyst'],
    ['abcdefgh', 'supervisor'],
  ] as const)('%j is accepted for a %s', (secret, role) => {
    expect(checkSecret(secret, role)).toBeNull();
  });

  it('13 digits are "too long", never "at least 4"', () => {
    const m = SECRET_RULE_MESSAGES[checkSecret('5829174630125', 'surveyor')!];
    expect(m.vi).toContain('quá dài');
    expect(m.en).toContain('too long');
  });

  it('common non-trivial PINs are not caught by the trivial rule', () => {
    for (const pin of ['5829', '1358', '482913', '24681357']) expect(isTrivialPin(pin)).toBe(false);
  });

  it('spaces around a PIN are dropped; a password keeps its spaces', () => {
    expect(normalizeSecretInput('  5829 \t')).toBe('5829');
    expect(normalizeSecretInput(' mật khẩu ')).toBe(' mật khẩu ');
  });

  it('every rule has a Vietnamese and an English sentence, and the hints name the role rule', () => {
    for (const m of Object.values(SECRET_RULE_MESSAGES)) {
      expect(m.vi).toMatch(/\.$/);
      expect(m.en).toMatch(/\.$/);
      expect(m.vi).not.toBe(m.en);
    }
    expect(secretHint('supervisor').vi).toContain('8–12');
    expect(secretHint('surveyor').en).toContain('4–12');
  });
});
