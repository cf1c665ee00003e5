// Built-in messages of the runtime, Vietnamese first, English second; a form's own
// required_message / constraint_message wins over them.
import type { Localized } from '../../forms/model';

export type Bilingual = { vi: string; en: string };

export type TypeProblem =
  | 'integer'
  | 'decimal'
  | 'date'
  | 'time'
  | 'datetime'
  | 'choice'
  | 'choices'
  | 'range'
  | 'acknowledge'
  | 'read_only'
  | 'expression';

export const REQUIRED_MESSAGE: Bilingual = {
  vi: 'Câu hỏi này bắt buộc phải trả lời.',
  en: 'This question is required.',
};

export const CONSTRAINT_MESSAGE: Bilingual = {
  vi: 'Câu trả lời không hợp lệ.',
  en: 'The answer is not valid.',
};

export const TYPE_MESSAGES: Record<TypeProblem, Bilingual> = {
  integer: { vi: 'Cần nhập một số nguyên (tối đa 2147483647).', en: 'Enter a whole number (at most 2147483647).' },
  decimal: { vi: 'Cần nhập một số.', en: 'Enter a number.' },
  date: { vi: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.', en: 'The date must be YYYY-MM-DD and a real date.' },
  time: { vi: 'Giờ phải có dạng HH:MM hoặc HH:MM:SS.', en: 'The time must be HH:MM or HH:MM:SS.' },
  datetime: { vi: 'Ngày giờ phải có dạng YYYY-MM-DDTHH:MM[:SS].', en: 'The date-time must be YYYY-MM-DDTHH:MM[:SS].' },
  choice: { vi: 'Giá trị không nằm trong danh sách lựa chọn.', en: 'The value is not one of the available choices.' },
  choices: { vi: 'Có giá trị không nằm trong danh sách lựa chọn (hoặc bị lặp).', en: 'A value is not one of the available choices (or is repeated).' },
  range: { vi: 'Giá trị nằm ngoài khoảng cho phép.', en: 'The value is outside the allowed range.' },
  acknowledge: { vi: 'Chỉ nhận giá trị "OK".', en: 'Only "OK" is accepted.' },
  read_only: { vi: 'Câu hỏi chỉ đọc, không được nhập giá trị khác.', en: 'The question is read-only; a different value cannot be entered.' },
  expression: { vi: 'Lỗi khi tính biểu thức của câu hỏi', en: 'Error evaluating the question\'s expression' },
};

export function noSuchQuestion(name: string): Bilingual {
  return { vi: `Không có câu hỏi tên "${name}" trong phiếu.`, en: `No such question "${name}" in the form.` };
}

export function pick(m: Bilingual, language: string): string {
  return language === 'en' ? m.en : m.vi;
}

/** The form's text in `language`, else in its default language, else undefined. */
export function localized(text: Localized, language: string, defaultLanguage: string): string | undefined {
  return text[language] || text[defaultLanguage] || undefined;
}
