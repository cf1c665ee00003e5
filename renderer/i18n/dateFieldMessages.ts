// The date field's messages (renderer/components/DateField.tsx), spread into the catalogues of
// messages.ts: Vietnamese first, English must translate every key.
export const dateFieldVi = {
  'dateField.placeholder': 'dd/mm/yyyy',
  'dateField.incomplete': 'Ngày "{text}" chưa đủ: cần gõ theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/11/2026.',
  'dateField.badMonth': 'Ngày {text} không có thật: tháng {month} không có (tháng từ 01 đến 12).',
  'dateField.badYear': 'Ngày {text} không dùng được: năm cần từ {min} đến {max}.',
  'dateField.badDay': 'Ngày {text} không có thật: tháng {month}/{year} có {days} ngày.',
} as const;

export const dateFieldEn: Record<keyof typeof dateFieldVi, string> = {
  'dateField.placeholder': 'dd/mm/yyyy',
  'dateField.incomplete': 'The date "{text}" is incomplete: type day/month/year (dd/mm/yyyy), e.g. 05/11/2026.',
  'dateField.badMonth': 'There is no date {text}: there is no month {month} (months are 01 to 12).',
  'dateField.badYear': 'The date {text} cannot be used: the year must be {min} to {max}.',
  'dateField.badDay': 'There is no date {text}: {month}/{year} has {days} days.',
};
