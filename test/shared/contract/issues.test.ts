// zod issues as field + rule sentences (vi/en), never zod's raw text.
import { describe, expect, it } from 'vitest';
import { describeIssue, operations } from '../../../shared/contract';

function issuesOf(op: keyof typeof operations, request: unknown) {
  const parsed = operations[op].request.safeParse(request);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error.issues.map((i) => describeIssue(i, request));
}

describe('validation issues in words', () => {
  it('a user code with accents names the field and what it allows', () => {
    const [issue] = issuesOf('user:create', { code: 'ĐTV01', name: 'A', role: 'surveyor', secret: '5829' });
    expect(issue).toEqual({
      path: 'code',
      message: 'Mã người dùng: chỉ chữ không dấu, số, _ . -',
      messageEn: 'User code: only unaccented letters, digits, _ . -',
    });
  });

  it('lengths, missing fields, enums and extra keys each get their rule', () => {
    const texts = issuesOf('user:create', { code: 'X', name: '', secret: 's'.repeat(200), extra: 1 }).map((i) => i.message);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Mã người dùng: cần ít nhất 2 ký tự',
        'Họ và tên: chưa điền',
        'Vai trò: chưa có',
        'Mã PIN hoặc mật khẩu: tối đa 128 ký tự',
        'Yêu cầu: có trường không được phép: extra',
      ]),
    );
    const [role] = issuesOf('user:create', { code: 'XY', name: 'A', role: 'admin', secret: '5829' });
    expect(role!.messageEn).toBe('Role: must be one of: surveyor, supervisor, analyst');
  });

  it('no message is zod\'s own wording', () => {
    const wrong = issuesOf('user:create', { code: 1, name: null, role: 3, secret: [] });
    expect(wrong[0]!.message).toBe('Mã người dùng: sai kiểu dữ liệu (cần string)');
    for (const issue of wrong) {
      expect(issue.messageEn).not.toMatch(/Invalid input|Too small|Too big|expected string, received/);
    }
  });
});
