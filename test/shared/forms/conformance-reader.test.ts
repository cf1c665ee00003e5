// The conformance reader itself: a case's tables, expectations and checks are read as written,
// so a suite case cannot silently test an empty or different form.
import { describe, expect, test } from 'vitest';
import { readCases } from './conformance/reader';

const MD = [
  '### a select with or_other',
  '',
  '```xlsform expect=error:unknown_list,duplicate_name warn=missing_label',
  '| survey  |                        |      |       |',
  '|         | type                   | name | label |',
  '|         | select_one yn or_other | q    |       |',
  '|         | text                   | q    | a \\| b |',
  '| choices |           |      |',
  '|         | list_name | name |',
  '@ q.orOther = true',
  '@ form.formId = conf',
  '```',
  '',
  '```xlsform expect=ok settings=none',
  '| survey |      |      |',
  '|        | type | name |',
  '|        | note | n    |',
  '```',
].join('\n');

describe('conformance reader', () => {
  const [a, b] = readCases('x.md', MD);

  test('tables become sheets: first row the header, empty cells null, trailing empties dropped, \\| a pipe', () => {
    expect(a?.workbook.sheets['survey']?.rows).toEqual([
      ['type', 'name', 'label'],
      ['select_one yn or_other', 'q'],
      ['text', 'q', 'a | b'],
    ]);
    expect(a?.workbook.sheets['choices']?.rows).toEqual([['list_name', 'name']]);
  });

  test('expectations, warnings, checks and the title are read', () => {
    expect(a?.title).toBe('a select with or_other');
    expect(a?.expect).toEqual({ ok: false, errors: ['unknown_list', 'duplicate_name'] });
    expect(a?.warnings).toEqual(['missing_label']);
    expect(a?.checks).toEqual([{ path: 'q.orOther', value: true }, { path: 'form.formId', value: 'conf' }]);
  });

  test('a settings sheet is added unless the case says settings=none; ok cases expect no warnings', () => {
    expect(a?.workbook.sheets['settings']?.rows).toEqual([['form_id', 'version'], ['conf', '1']]);
    expect(b?.workbook.sheets['settings']).toBeUndefined();
    expect(b?.expect).toEqual({ ok: true });
    expect(b?.warnings).toEqual([]);
  });

  test('a malformed case is an error, not a skipped case', () => {
    expect(() => readCases('y.md', '```xlsform expect=maybe\n| survey |\n|  | type |\n```')).toThrow(/expect=/);
    expect(() => readCases('y.md', '```xlsform expect=ok\nnot a row\n```')).toThrow(/table row/);
  });
});
