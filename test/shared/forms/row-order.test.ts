// Form errors come back as a designer reads the workbook, not in the order the checks ran.
import { describe, expect, test } from 'vitest';
import { inRowOrder, type FormError } from '../../../shared/forms';

const e = (sheet: string, row: number, columnLetter?: string, code: FormError['code'] = 'unknown_reference'): FormError => ({
  file: 'f.xlsx',
  sheet,
  row,
  code,
  message: `${sheet}${row}${columnLetter ?? ''}`,
  messageEn: '',
  ...(columnLetter ? { columnLetter } : {}),
});

describe('inRowOrder', () => {
  test('file-level first, then sheets in tab order, then row, then column (AA after Z)', () => {
    const found = [e('choices', 3), e('survey', 9, 'D'), e('survey', 2, 'AA'), e('', 0), e('survey', 2, 'Z'), e('index', 1), e('survey', 0)];
    expect(inRowOrder(found, ['survey', 'choices', 'settings']).map((x) => x.message)).toEqual(['0', 'survey0', 'survey2Z', 'survey2AA', 'survey9D', 'choices3', 'index1']);
  });

  test('several errors in one cell keep the order they were found in', () => {
    const a = e('survey', 4, 'B', 'invalid_name');
    const b = e('survey', 4, 'B', 'duplicate_name');
    expect(inRowOrder([a, b], ['survey'])).toEqual([a, b]);
    expect(inRowOrder([b, a], ['survey'])).toEqual([b, a]);
  });
});
