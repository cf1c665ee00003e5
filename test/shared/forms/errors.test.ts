import { describe, expect, test } from 'vitest';
import { compileForm, formatFormError, type FormError } from '../../../shared/forms';
import { minimal, workbook, type SheetArrays } from '../../fixtures/forms/workbooks';

function errorsOf(sheets: SheetArrays): FormError[] {
  const r = compileForm(workbook('form.xlsx', sheets));
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
const where = (e: FormError) => ({ sheet: e.sheet, row: e.row, column: e.column, columnLetter: e.columnLetter, code: e.code });

describe('form errors name the sheet, row and column', () => {
  test('an unknown ${ref} suggests the closest name', () => {
    const [e, ...rest] = errorsOf(minimal([['integer', 'q3', 'C3', '${q_1} = 1']]));
    expect(rest).toEqual([]);
    expect(where(e!)).toEqual({ sheet: 'survey', row: 4, column: 'relevant', columnLetter: 'D', code: 'unknown_reference' });
    expect(e!.message).toContain('${q1}');
    expect(e!.messageEn).toContain('did you mean ${q1}?');
    expect(e!.expected).toBe('${q1}');
  });

  test('a syntax error reports the character position', () => {
    const [e] = errorsOf(minimal([['integer', 'q3', 'C3', null, '(${q1} + 1']]));
    expect(where(e!)).toEqual({ sheet: 'survey', row: 4, column: 'calculation', columnLetter: 'E', code: 'expression_syntax' });
    expect(e!.messageEn).toMatch(/at character 11/);
    expect(e!.expected).toBe("')'");
  });

  test('a syntax error in a choice_filter points into the source as written', () => {
    const [e] = errorsOf(minimal([['select_one yn', 'q3', 'C3', null, null, null, 'region = = ${q1}']]));
    expect(e!.code).toBe('expression_syntax');
    expect(e!.messageEn).toMatch(/at character 10/);
  });

  test('an unknown function suggests the closest supported one', () => {
    const [e] = errorsOf(minimal([['integer', 'q3', 'C3', null, 'concatt(${q1}, 1)']]));
    expect(where(e!)).toMatchObject({ row: 4, column: 'calculation', code: 'unknown_function' });
    expect(e!.messageEn).toContain('did you mean "concat()"');
  });

  test('a duplicate name reports the first row too', () => {
    const [e] = errorsOf(minimal([['text', 'q1', 'again']]));
    expect(where(e!)).toEqual({ sheet: 'survey', row: 4, column: 'name', columnLetter: 'B', code: 'duplicate_name' });
    expect(e!.messageEn).toContain('row 2');
  });

  test('missing and invalid names', () => {
    const errs = errorsOf(minimal([['text', null, 'no name'], ['text', '1st q', 'bad'], ['text', 'a:b', 'colon']]));
    expect(errs.map(where)).toEqual([
      { sheet: 'survey', row: 4, column: 'name', columnLetter: 'B', code: 'missing_name' },
      { sheet: 'survey', row: 5, column: 'name', columnLetter: 'B', code: 'invalid_name' },
      { sheet: 'survey', row: 6, column: 'name', columnLetter: 'B', code: 'invalid_name' },
    ]);
    expect(errs[1]!.expected).toBe('_1st_q');
  });

  test('a missing choice list suggests a near list name', () => {
    const [e] = errorsOf(minimal([['select_one y_n', 'q3', 'C3']]));
    expect(where(e!)).toEqual({ sheet: 'survey', row: 4, column: 'type', columnLetter: 'A', code: 'unknown_list' });
    expect(e!.expected).toBe('yn');
  });

  test('a select with no list name', () => {
    expect(errorsOf(minimal([['select_one', 'q3', 'C3']])).map(where)).toEqual([{ sheet: 'survey', row: 4, column: 'type', columnLetter: 'A', code: 'missing_list_name' }]);
  });

  test('a list with no choices and duplicate choice names', () => {
    const errs = errorsOf(minimal([['select_one empty', 'q3', 'C3']], [['empty', null, 'no value'], ['yn', 1, 'Có nữa']]));
    // In row order: the row-level error of row 4 before the cell error in row 4.
    expect(errs.map(where)).toEqual([
      { sheet: 'choices', row: 4, column: undefined, columnLetter: undefined, code: 'empty_list' },
      { sheet: 'choices', row: 4, column: 'name', columnLetter: 'B', code: 'missing_choice_name' },
      { sheet: 'choices', row: 5, column: 'name', columnLetter: 'B', code: 'duplicate_choice' },
    ]);
    expect(errs[2]!.messageEn).toContain('first at row 2');
  });

  test('a group never closed reports where it opened and where the sheet ended', () => {
    const [e, ...rest] = errorsOf(minimal([['begin group', 'g', 'G'], ['text', 'q3', 'C3']]));
    expect(rest).toEqual([]);
    expect(where(e!)).toEqual({ sheet: 'survey', row: 4, column: 'type', columnLetter: 'A', code: 'unclosed_block' });
    expect(e!.messageEn).toContain('opened at row 4');
    expect(e!.messageEn).toContain('ends at row 5');
  });

  test('an end without begin, and an end of the wrong kind', () => {
    const errs = errorsOf(minimal([['end group'], ['begin repeat', 'r', 'R'], ['text', 'q3', 'C3'], ['end group']]));
    expect(errs.map(where)).toEqual([
      { sheet: 'survey', row: 4, column: 'type', columnLetter: 'A', code: 'unopened_end' },
      { sheet: 'survey', row: 7, column: 'type', columnLetter: 'A', code: 'mismatched_end' },
    ]);
    expect(errs[1]!.messageEn).toContain('opened at row 5');
  });

  test('a cycle among calculations is reported with its path', () => {
    const errs = errorsOf(minimal([['calculate', 'a', null, null, '${b} + 1'], ['calculate', 'b', null, null, '${c} + 1'], ['calculate', 'c', null, null, '${a} + 1']]));
    expect(errs.map(where)).toEqual([{ sheet: 'survey', row: 4, column: 'calculation', columnLetter: 'E', code: 'reference_cycle' }]);
    expect(errs[0]!.messageEn).toContain('a → b → c → a');
  });

  test('a group relevant on a question inside it is a cycle', () => {
    const errs = errorsOf(minimal([['begin group', 'g', 'G', '${q3} = 1'], ['integer', 'q3', 'C3'], ['end group']]));
    expect(errs.map((e) => [e.row, e.code])).toEqual([[4, 'reference_cycle']]);
    expect(errs[0]!.messageEn).toContain('g → q3 → g');
  });

  test('unknown types are named and get a suggestion (signature → image, as ODK spells it)', () => {
    const errs = errorsOf(minimal([['geopont', 'gps', 'GPS'], ['signature', 'sig', 'Ký'], ['integr', 'n', 'N']]));
    expect(errs.map(where)).toEqual([
      { sheet: 'survey', row: 4, column: 'type', columnLetter: 'A', code: 'unknown_type' },
      { sheet: 'survey', row: 5, column: 'type', columnLetter: 'A', code: 'unknown_type' },
      { sheet: 'survey', row: 6, column: 'type', columnLetter: 'A', code: 'unknown_type' },
    ]);
    expect(errs[0]!.message).toContain('"geopont"');
    expect(errs.map((e) => e.expected)).toEqual(['geopoint', 'image', 'integer']);
  });

  test('a choice_filter on an unknown column suggests the real column', () => {
    const [e] = errorsOf(minimal([['select_one yn', 'q3', 'C3', null, null, null, 'regoin = ${q1}']]));
    expect(where(e!)).toEqual({ sheet: 'survey', row: 4, column: 'choice_filter', columnLetter: 'G', code: 'unknown_filter_column' });
    expect(e!.expected).toBe('region');
  });

  test('missing survey sheet and missing columns', () => {
    expect(errorsOf({ choices: [['list_name', 'name']] }).map((e) => [e.sheet, e.row, e.code])).toEqual([['survey', 0, 'missing_sheet']]);
    expect(errorsOf({ Survey: [['type', 'label'], ['text', 'A']] }).map((e) => [e.sheet, e.row, e.code])).toEqual([['Survey', 1, 'missing_column']]);
  });

  test('missing codes: bad settings and undeclared codes in the missing column', () => {
    const s = minimal([['integer', 'q3', 'C3']]);
    s['survey']![0]!.push('missing');
    s['survey']![3]!.push(null, null, null, null, '7');
    s['settings'] = [['form_id', 'version', 'missing_codes'], ['m', '1', '8=not_applicable 9=whatever']];
    // The survey sheet comes before settings in the workbook, so its error is listed first.
    expect(errorsOf(s).map(where)).toEqual([
      { sheet: 'survey', row: 4, column: 'missing', columnLetter: 'H', code: 'unknown_missing_code' },
      { sheet: 'settings', row: 2, column: 'missing_codes', columnLetter: 'C', code: 'invalid_missing_codes' },
    ]);
  });

  test('range parameters must be key=value numbers', () => {
    const s = minimal();
    s['survey']![0]!.push('parameters');
    s['survey']!.push(['range', 'r', 'R', null, null, null, null, 'start=a step']);
    expect(errorsOf(s).map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'parameters', 'invalid_parameters'],
      [4, 'parameters', 'invalid_parameters'],
    ]);
  });

  test('all errors are collected, not only the first', () => {
    const errs = errorsOf(minimal([['text', 'q1'], ['select_one nope', 'q4'], ['integer', 'q5', 'C5', '${zzz}'], ['audoi', 'rec']]));
    expect(errs.map((e) => e.code).sort()).toEqual(['duplicate_name', 'unknown_list', 'unknown_reference', 'unknown_type']);
  });

  test('formatFormError gives a one-line cell address', () => {
    const [e] = errorsOf(minimal([['text', 'q1', 'again']]));
    expect(formatFormError(e!, 'en')).toBe('form.xlsx survey!B4 (name) [duplicate_name] Name "q1" is already used at row 2; every question and group needs its own name.');
  });
});
