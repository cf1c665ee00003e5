import { describe, expect, test } from 'vitest';
import { CHOICE_COLUMN_REF_PREFIX, compileForm, listQuestions, type FormError, type QuestionNode } from '../../../shared/forms';
import { ALL_TYPES, minimal, workbook, type SheetArrays } from '../../fixtures/forms/workbooks';

function compileOk(sheets: SheetArrays) {
  const r = compileForm(workbook('form.xlsx', sheets));
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r;
}
function errorsOf(sheets: SheetArrays): FormError[] {
  const r = compileForm(workbook('form.xlsx', sheets));
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
function q(name: string): QuestionNode {
  const found = listQuestions(compileOk(ALL_TYPES).form).find((x) => x.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

describe('compiling every supported type and column', () => {
  test('the all-types fixture compiles without errors or warnings', () => {
    const r = compileOk(ALL_TYPES);
    expect(r.warnings).toEqual([]);
    expect(r.form.formId).toBe('mau');
    expect(r.form.version).toBe('2025.1');
    expect(r.form.title).toEqual({ vi: 'Phiếu mẫu' });
    expect(r.form.defaultLanguage).toBe('vi');
    expect(r.form.languages).toEqual([{ code: 'vi', name: 'Tiếng Việt' }, { code: 'en', name: 'English' }]);
  });

  test('each type word maps to its question type, metadata included', () => {
    const types = Object.fromEntries(listQuestions(compileOk(ALL_TYPES).form).map((x) => [x.name, x.type]));
    expect(types).toMatchObject({
      start: 'start', end: 'end', today: 'today', deviceid: 'deviceid', username: 'username', intro: 'note',
      enum: 'text', age: 'integer', income: 'decimal', visit_date: 'date', visit_time: 'time', visit_at: 'datetime',
      sex: 'select_one', reasons: 'select_multiple', priorities: 'rank', secret: 'hidden', consent: 'acknowledge',
      score: 'range', age_group: 'calculate',
    });
  });

  test('labels and hints are kept per language', () => {
    expect(q('enum').labels).toEqual({ vi: 'Mã điều tra viên', en: 'Enumerator ID' });
    expect(q('enum').hints).toEqual({ vi: 'Ghi mã', en: 'Write the code' });
    expect(q('enum').requiredMessage).toEqual({ vi: 'Bắt buộc nhập' });
    expect(q('age').constraintMessage).toEqual({ vi: 'Tuổi 18–120', en: 'Age 18–120' });
  });

  test('select types keep list name and or_other, tolerant of case and spaces', () => {
    expect(q('sex')).toMatchObject({ listName: 'sex', orOther: false, required: true });
    expect(q('reasons')).toMatchObject({ listName: 'reasons', orOther: true });
    expect(q('priorities').listName).toBe('priorities');
  });

  test('expressions keep their source, a parsed tree and the names they use', () => {
    const calc = q('age_group').calculation;
    expect(calc?.source).toBe("if(${age} < 30, 'young', 'old')");
    expect(calc?.ast).toMatchObject({ kind: 'call', name: 'if' });
    expect(calc?.refs).toEqual(['age']);
    expect(q('age').constraint?.refs).toEqual([]);
    expect(q('ACC2').readOnly).toMatchObject({ source: '${ACC1} = 5', refs: ['ACC1'] });
  });

  test('choice_filter columns become reserved refs and are listed', () => {
    const cf = q('ward').choiceFilter;
    expect(cf?.choiceColumns).toEqual(['district']);
    expect(cf?.refs).toEqual(['district']);
    expect(cf?.ast).toMatchObject({ kind: 'binary', left: { kind: 'ref', name: `${CHOICE_COLUMN_REF_PREFIX}district` }, right: { kind: 'ref', name: 'district' } });
    const ward = compileOk(ALL_TYPES).form.choiceLists['ward'];
    expect(ward?.choices[0]?.extra).toEqual({ district: 'd1' });
  });

  test('range parameters, default, appearance and missing column are read', () => {
    expect(q('score').parameters).toEqual({ start: '0', end: '10', step: '2' });
    expect(q('visit_date').default).toBe('2025-07-01');
    expect(q('ward').appearance).toBe('minimal');
    expect(q('age').missingCodes).toEqual(['9']);
  });

  test('groups and repeats nest their questions, with appearance, relevance and repeat_count', () => {
    const form = compileOk(ALL_TYPES).form;
    const group = form.children.find((n) => n.name === 'g_sat');
    expect(group).toMatchObject({ kind: 'group', appearance: 'field-list', relevant: { refs: ['consent'] } });
    expect(group?.kind === 'group' && group.children.map((c) => c.path)).toEqual(['/g_sat/ACC1', '/g_sat/ACC2']);
    const fixed = form.children.find((n) => n.name === 'members');
    expect(fixed).toMatchObject({ kind: 'repeat', repeatCount: { source: '${age} - 17' } });
    const open = form.children.find((n) => n.name === 'visits');
    expect(open?.kind === 'repeat' && open.repeatCount).toBeUndefined();
  });

  test('choices named as declared missing codes are marked, and selects accept them', () => {
    const form = compileOk(ALL_TYPES).form;
    const sat5 = form.choiceLists['sat5']?.choices ?? [];
    expect(sat5.filter((c) => c.missing).map((c) => [c.name, c.missing])).toEqual([['8', 'not_applicable'], ['9', 'dont_know']]);
    expect(q('ACC1').missingCodes).toEqual(['8', '9']);
    expect(form.missingCodes.map((m) => m.code)).toEqual(['8', '9']);
  });

  test('plain label columns belong to the default language', () => {
    const r = compileOk({ survey: [['type', 'name', 'label', 'label::English (en)'], ['text', 'a', 'Câu A', 'Question A']], settings: [['form_id', 'version', 'default_language'], ['x', '1', 'vi']] });
    expect(listQuestions(r.form)[0]?.labels).toEqual({ vi: 'Câu A', en: 'Question A' });
  });

  test('without default_language, plain label columns are Vietnamese and keep their text next to English', () => {
    const r = compileOk({ survey: [['type', 'name', 'label', 'label::English (en)'], ['text', 'a', 'Câu A', 'Question A']], settings: [['form_id', 'version'], ['x', '1']] });
    expect(r.form.defaultLanguage).toBe('vi');
    expect(r.form.languages.map((l) => l.code)).toEqual(['vi', 'en']);
    expect(listQuestions(r.form)[0]?.labels).toEqual({ vi: 'Câu A', en: 'Question A' });
  });
});

describe('settings', () => {
  test('a missing form_id defaults from the file name with a warning', () => {
    const r = compileForm(workbook('Khảo sát 2025.xlsx', { survey: [['type', 'name', 'label'], ['text', 'a', 'A']] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.form.formId).toBe('Khảo_sát_2025');
    expect(r.form.version).toBe('1');
    expect(r.warnings.map((w) => [w.code, w.column])).toEqual([['missing_setting', 'form_id'], ['missing_setting', 'version']]);
  });

  test('without missing_codes the DOMAIN defaults 8/9 apply but list choices are not marked', () => {
    const r = compileOk(minimal([['select_one n', 'q3', 'C3']], [['n', 8, 'Tám'], ['n', 9, 'Chín']]));
    expect(r.form.missingCodes.map((m) => [m.code, m.kind])).toEqual([['8', 'not_applicable'], ['9', 'dont_know']]);
    expect(r.form.choiceLists['n']?.choices.some((c) => c.missing)).toBe(false);
  });

  test('instance_name is compiled and its references checked', () => {
    const s = minimal();
    s['settings'] = [['form_id', 'version', 'instance_name'], ['m', '1', "concat(${q1}, '-', ${q9})"]];
    expect(errorsOf(s)).toEqual([expect.objectContaining({ sheet: 'settings', row: 2, column: 'instance_name', columnLetter: 'C', code: 'unknown_reference' })]);
  });
});

describe('index configuration', () => {
  test('defaults to ACC/PRO/CIV/RES/FBK items by name', () => {
    const r = compileOk(ALL_TYPES);
    expect(r.form.index.origin).toBe('default');
    expect(r.form.index.components.map((c) => [c.id, c.items.map((i) => i.question)])).toEqual([['ACC', ['ACC1', 'ACC2']]]);
  });

  test('the index sheet sets components, labels, weights and settings the codes', () => {
    const s = minimal([['integer', 'a1', 'A1'], ['select_one yn', 'a2', 'A2']]);
    s['index'] = [
      ['component', 'label::Tiếng Việt (vi)', 'question', 'weight'],
      ['ACC', 'Tiếp cận', null, 2],
      ['ACC', null, 'a1', 1],
      ['ACC', null, 'a2', 0.5],
    ];
    s['settings'] = [['form_id', 'version', 'index_satisfied', 'index_valid'], ['m', '1', '3 4 5', '1-5']];
    const idx = compileOk(s).form.index;
    expect(idx).toEqual({
      origin: 'sheet',
      satisfiedCodes: [3, 4, 5],
      validCodes: [1, 2, 3, 4, 5],
      components: [{ id: 'ACC', labels: { vi: 'Tiếp cận', en: 'Access to services' }, weight: 2, items: [{ question: 'a1', weight: 1 }, { question: 'a2', weight: 0.5 }] }],
    });
  });

  test('index rows naming unknown or unscorable questions are errors at their cell', () => {
    const s = minimal();
    s['index'] = [['component', 'question', 'weight'], ['ACC', 'q3', null], ['ACC', 'q1', 'x'], ['', 'q2']];
    expect(errorsOf(s).map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['index', 2, 'question', 'index_unknown_question'],
      ['index', 3, 'question', 'index_bad_question_type'],
      ['index', 3, 'weight', 'index_invalid_weight'],
      ['index', 4, 'component', 'index_missing_component'],
    ]);
  });
});
