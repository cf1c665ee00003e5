// zod's validation issues turned into sentences a person can act on: the field by its name on
// screen and the rule it broke, in Vietnamese and English ("Mã người dùng: chỉ chữ không dấu, số,
// _ . -"). The guard, the CLI and the UI all show these, never zod's raw "Too small: …".
import type { z } from 'zod';

export interface Bilingual {
  vi: string;
  en: string;
}

/** A request field as people know it. Keys are the last path segment of the contract's schemas. */
export const FIELD_LABELS: Record<string, Bilingual> = {
  code: { vi: 'Mã người dùng', en: 'User code' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  role: { vi: 'Vai trò', en: 'Role' },
  secret: { vi: 'Mã PIN hoặc mật khẩu', en: 'PIN or password' },
  userId: { vi: 'Người dùng', en: 'User' },
  active: { vi: 'Trạng thái hoạt động', en: 'Active status' },
  surveyId: { vi: 'Mã cuộc khảo sát', en: 'Survey id' },
  unitCode: { vi: 'Mã đơn vị', en: 'Unit code' },
  interviewId: { vi: 'Mã phiếu', en: 'Interview id' },
  path: { vi: 'Câu hỏi', en: 'Question' },
  value: { vi: 'Câu trả lời', en: 'Answer' },
  missing: { vi: 'Loại thiếu', en: 'Missing kind' },
  status: { vi: 'Trạng thái', en: 'Status' },
  limit: { vi: 'Giới hạn', en: 'Limit' },
};

/** What a field's pattern allows, for fields whose pattern a person types against. */
const FORMAT_RULES: Record<string, Bilingual> = {
  code: { vi: 'chỉ chữ không dấu, số, _ . -', en: 'only unaccented letters, digits, _ . -' },
  surveyId: { vi: 'chỉ chữ không dấu, số, _ . : -', en: 'only unaccented letters, digits, _ . : -' },
  unitCode: { vi: 'tối đa 16 ký tự: chữ không dấu, số, _ -', en: 'up to 16 unaccented letters, digits, _ -' },
  path: { vi: 'đường dẫn câu hỏi như members[2]/age', en: 'a question path such as members[2]/age' },
  interviewId: { vi: 'phải là một UUID', en: 'must be a UUID' },
};

export interface IssueText {
  /** Where in the request, e.g. "code" or "(request)". */
  path: string;
  message: string;
  messageEn: string;
}

function unitOf(origin: string | undefined, n: number): Bilingual {
  if (origin === 'string') return { vi: `${n} ký tự`, en: `${n} character${n === 1 ? '' : 's'}` };
  if (origin === 'array' || origin === 'set') return { vi: `${n} mục`, en: `${n} item${n === 1 ? '' : 's'}` };
  return { vi: String(n), en: String(n) };
}

function ruleOf(issue: z.core.$ZodIssue, field: string, missing: boolean): Bilingual {
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
    return { vi: 'chưa có', en: 'is missing' };
  }
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' && min <= 1) return { vi: 'chưa điền', en: 'is empty' };
      const u = unitOf(issue.origin, min);
      return { vi: `cần ít nhất ${u.vi}`, en: `needs at least ${u.en}` };
    }
    case 'too_big': {
      const u = unitOf(issue.origin, Number(issue.maximum));
      return { vi: `tối đa ${u.vi}`, en: `at most ${u.en}` };
    }
    case 'invalid_type':
      return { vi: `sai kiểu dữ liệu (cần ${issue.expected})`, en: `has the wrong type (expected ${issue.expected})` };
    case 'invalid_value': {
      const list = issue.values.map(String).join(', ');
      return { vi: `phải là một trong: ${list}`, en: `must be one of: ${list}` };
    }
    case 'invalid_format':
      return FORMAT_RULES[field] ?? { vi: 'sai định dạng', en: 'has the wrong format' };
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 5).map((k) => k.slice(0, 40)).join(', ') + (issue.keys.length > 5 ? ', …' : '');
      return { vi: `có trường không được phép: ${keys}`, en: `has fields that are not allowed: ${keys}` };
    }
    case 'invalid_union':
      return { vi: 'không phải giá trị được phép', en: 'is not an allowed value' };
    default:
      return { vi: 'không hợp lệ', en: 'is not valid' };
  }
}

const MAX_PATH_TEXT = 120;

/** The value at a zod path, or undefined when the request does not have it (zod issues do not carry it). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.prototype.hasOwnProperty.call(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** One zod issue as "<field>: <rule>" in both languages; `input` (the request) tells "missing" from "wrong". */
export function describeIssue(issue: z.core.$ZodIssue, input?: unknown): IssueText {
  const segments = issue.path.map(String);
  const path = (segments.join('.') || '(request)').slice(0, MAX_PATH_TEXT);
  const field = [...segments].reverse().find((s) => !/^[0-9]+$/.test(s)) ?? '';
  const label = FIELD_LABELS[field] ?? (field ? { vi: field, en: field } : { vi: 'Yêu cầu', en: 'Request' });
  const rule = ruleOf(issue, field, issue.path.length > 0 && valueAt(input, issue.path) === undefined);
  return { path, message: `${label.vi}: ${rule.vi}`, messageEn: `${label.en}: ${rule.en}` };
}
