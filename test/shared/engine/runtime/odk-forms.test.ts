import { describe, expect, it } from 'vitest';
import { createFormRuntime, evaluateRecord } from '../../../../shared/engine/runtime';
import { compileForm } from '../../../../shared/forms';
import { formOf, SAT5 } from './formFixture';

const now = () => new Date(2025, 6, 15, 10, 0, 0);

describe('constructs of real ODK/Kobo forms', () => {
  it('relevance through nested groups and repeats', () => {
    const form = formOf([
      { type: 'select_one yn', name: 'a', label: 'a' },
      { type: 'integer', name: 'n', label: 'n' },
      { type: 'begin group', name: 'g1', label: 'g1', relevant: '${a} = 1' },
      { type: 'begin group', name: 'g2', label: 'g2' },
      { type: 'begin repeat', name: 'r', label: 'r', repeat_count: '${n}' },
      { type: 'text', name: 'x', label: 'x', required: 'yes' },
      { type: 'calculate', name: 'cx', calculation: 'concat(${x}, "!")' },
      { type: 'end repeat' },
      { type: 'end group' },
      { type: 'end group' },
      { type: 'calculate', name: 'cnt', calculation: 'count(${r})' },
      { type: 'calculate', name: 'c2', calculation: "if(${n} = '', 'empty', 'full')" },
    ], [{ list_name: 'yn', name: 1, label: 'Y' }, { list_name: 'yn', name: 2, label: 'N' }]);
    const rt = createFormRuntime(form);
    rt.setAnswer('a', '1');
    rt.setAnswer('n', 2);
    expect(rt.repeatInstanceCount('r')).toBe(2);
    rt.setAnswer('r[1]/x', 'hi');
    expect(rt.getValue('r[1]/cx')).toBe('hi!');
    expect(rt.snapshot().errors.map((e) => e.path)).toEqual(['r[2]/x']);
    rt.setAnswer('a', '2');
    expect(rt.isRelevant('r[1]/x')).toBe(false);
    expect(rt.getValue('r[1]/cx')).toBe('');
    expect(rt.getValue('c2')).toBe('full');
    expect(rt.getValue('cnt')).toBe('2');
    expect(rt.snapshot().errors).toEqual([]);
  });

  it('select_multiple functions', () => {
    const form = formOf([
      { type: 'select_multiple m', name: 'm', label: 'm', default: 'a c' },
      { type: 'calculate', name: 'has_a', calculation: "selected(${m}, 'a')" },
      { type: 'calculate', name: 'no_b', calculation: "not(selected(${m}, 'b'))" },
      { type: 'calculate', name: 'cs', calculation: 'count-selected(${m})' },
      { type: 'text', name: 't', label: 't', relevant: 'count-selected(${m}) >= 2' },
      { type: 'calculate', name: 'sl', calculation: 'string-length(${t}) > 0' },
      { type: 'calculate', name: 'empty', calculation: "${t} = ''" },
    ], ['a', 'b', 'c'].map((n) => ({ list_name: 'm', name: n, label: n })));
    const rt = createFormRuntime(form);
    expect(rt.getValue('m')).toBe('a c');
    expect(rt.getValue('has_a')).toBe('true');
    expect(rt.getValue('no_b')).toBe('true');
    expect(rt.getValue('cs')).toBe('2');
    expect(rt.getValue('sl')).toBe('false');
    expect(rt.getValue('empty')).toBe('true');
    rt.setAnswer('t', 'x');
    expect(rt.getValue('sl')).toBe('true');
    expect(rt.getValue('empty')).toBe('false');
    rt.setAnswer('m', ['b']);
    expect(rt.getValue('t')).toBe('');
    expect(rt.getValue('empty')).toBe('true');
  });

  it('numbers and dates', () => {
    const form = formOf([
      { type: 'integer', name: 'age', label: 'age', constraint: '. >= 18 and . <= 120' },
      { type: 'decimal', name: 'dec', label: 'dec' },
      { type: 'date', name: 'd', label: 'd', constraint: '. <= today()' },
      { type: 'calculate', name: 'adult', calculation: '${age} >= 18 and ${age} <= 120' },
      { type: 'calculate', name: 'co', calculation: "coalesce(${age}, 'none')" },
    ]);
    const rt = createFormRuntime(form, { now });
    expect(rt.getValue('adult')).toBe('false');
    expect(rt.getValue('co')).toBe('none');
    rt.setAnswer('age', '1.0');
    expect(rt.snapshot().errors.map((e) => [e.path, e.kind])).toEqual([['age', 'type']]);
    rt.setAnswer('age', '-0');
    expect(rt.snapshot().errors.map((e) => [e.path, e.kind])).toEqual([['age', 'constraint']]);
    rt.setAnswer('age', 30);
    rt.setAnswer('dec', '1e3');
    rt.setAnswer('d', '2025-07-16');
    expect(rt.snapshot().errors.map((e) => [e.path, e.kind])).toEqual([['dec', 'type'], ['d', 'constraint']]);
    rt.setAnswer('d', '2025-07-15');
    rt.setAnswer('dec', '-0.5');
    expect(rt.snapshot().errors).toEqual([]);
  });

  it('choice_filter numbers vs strings', () => {
    const form = formOf([
      { type: 'select_one dist', name: 'district', label: 'd' },
      { type: 'select_one ward', name: 'ward', label: 'w', choice_filter: 'district = ${district}' },
      { type: 'integer', name: 'dnum', label: 'dn' },
      { type: 'select_one ward', name: 'ward2', label: 'w2', choice_filter: 'district = ${dnum}' },
    ], [
      { list_name: 'dist', name: 1, label: 'D1' },
      { list_name: 'dist', name: 2, label: 'D2' },
      { list_name: 'ward', name: 'w1', label: 'W1', district: 1 },
      { list_name: 'ward', name: 'w2', label: 'W2', district: 2 },
      { list_name: 'ward', name: 'w3', label: 'W3', district: '01' },
    ]);
    const rt = createFormRuntime(form);
    rt.setAnswer('district', 1);
    expect(rt.availableChoices('ward').map((c) => c.name)).toEqual(['w1']);
    rt.setAnswer('dnum', 1);
    expect(rt.availableChoices('ward2').map((c) => c.name)).toEqual(['w1']);
  });

  it('or_other', () => {
    const form = formOf([
      { type: 'select_one eth or_other', name: 'eth', label: 'e', required: 'yes' },
    ], [{ list_name: 'eth', name: 'kinh', label: 'Kinh' }]);
    const snap = evaluateRecord(form, { eth: 'other', eth_other: 'Hoa' });
    expect(snap.errors).toEqual([]);
    expect(snap.values).toEqual({ eth: 'other', eth_other: 'Hoa' });
  });

  it('missing codes on sat5', () => {
    const form = formOf([{ type: 'select_one sat5', name: 'q', label: 'q', required: 'yes' }], SAT5, { form_id: 't', version: '1', missing_codes: '8=not_applicable 9=dont_know' });
    expect(evaluateRecord(form, { q: 9 }).missing).toEqual({ q: 'dont_know' });
    expect(evaluateRecord(form, { q: '8' }).missing).toEqual({ q: 'not_applicable' });
  });

  it('sum with empty member, position in repeat, indexed-repeat', () => {
    const form = formOf([
      { type: 'begin repeat', name: 'r', label: 'r' },
      { type: 'integer', name: 'v', label: 'v' },
      { type: 'calculate', name: 'p', calculation: 'position(..) * 10' },
      { type: 'end repeat' },
      { type: 'calculate', name: 's', calculation: 'sum(${v})' },
      { type: 'calculate', name: 'i2', calculation: 'indexed-repeat(${v}, ${r}, 2)' },
      { type: 'calculate', name: 'ps', calculation: 'sum(${p})' },
    ]);
    const snap = evaluateRecord(form, { r: [{ v: 1 }, { v: 2 }, {}] });
    expect(snap.values).toMatchObject({ r: [{ p: '10', v: 1 }, { p: '20', v: 2 }, { p: '30' }], i2: '2', ps: '60' });
  });

  it('cycles', () => {
    const r = compileForm({ fileName: 't.xlsx', sheets: { survey: { rows: [['type', 'name', 'calculation', 'label'], ['calculate', 'a', '${b} + 1', null], ['calculate', 'b', '${a} + 1', null]] } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toContain('reference_cycle');
  });

  it('names with dots and dashes; version as number; labels trimmed', () => {
    const r = compileForm({ fileName: 't.xlsx', sheets: {
      survey: { rows: [['type', 'name', 'label', 'relevant'], ['integer', 'a.b', '  A  ', null], ['text', 'c-d', 'C', '${a.b} > 1']] },
      settings: { rows: [['form_id', 'version'], ['x', 2025010101]] },
    } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.form.version).toBe('2025010101');
    expect(r.form.children[0]?.labels).toEqual({ vi: 'A' });
    const rt = createFormRuntime(r.form);
    rt.setAnswer('a.b', 2);
    expect(rt.isRelevant('c-d')).toBe(true);
  });
});

describe('labels with ${name} (ODK <output>)', () => {
  const form = formOf([
    { type: 'text', name: 'name', 'label::Tiếng Việt (vi)': 'Họ tên', 'label::English (en)': 'Name' },
    { type: 'select_one sex', name: 'sex', label: 'Giới tính' },
    { type: 'integer', name: 'n', 'label::Tiếng Việt (vi)': 'Số người trong hộ của ${name}', 'label::English (en)': "Size of ${name}'s household",
      'hint::Tiếng Việt (vi)': 'Tính cả ${name}', constraint: '. < 20', 'constraint_message::Tiếng Việt (vi)': '${name}: tối đa 19 người', required: 'yes',
      'required_message::English (en)': 'Ask ${name}' },
    { type: 'begin group', name: 'g', 'label::Tiếng Việt (vi)': 'Nhóm của ${name} (${sex})' },
    { type: 'begin repeat', name: 'member', 'label::Tiếng Việt (vi)': 'Thành viên ${m_name}', repeat_count: '${n}' },
    { type: 'text', name: 'm_name', label: 'Tên' },
    { type: 'note', name: 'm_note', 'label::Tiếng Việt (vi)': '${m_name} là thành viên của hộ ${name}' },
    { type: 'end repeat' },
    { type: 'end group' },
  ], [{ list_name: 'sex', name: 1, label: 'Nam' }, { list_name: 'sex', name: 2, label: 'Nữ' }]);

  it('renderLabel substitutes current values, in the requested language, per repeat instance', () => {
    const rt = createFormRuntime(form);
    expect(rt.renderLabel('n')).toBe('Số người trong hộ của ');
    rt.setAnswer('name', 'Lan');
    rt.setAnswer('sex', '2');
    expect(rt.renderLabel('n')).toBe('Số người trong hộ của Lan');
    expect(rt.renderLabel('n', 'en')).toBe("Size of Lan's household");
    expect(rt.renderHint('n')).toBe('Tính cả Lan');
    // A group, by name; a select shows its value (choice name), as ODK does.
    expect(rt.renderLabel('g')).toBe('Nhóm của Lan (2)');
    // Falls back to the default language.
    expect(rt.renderLabel('g', 'en')).toBe('Nhóm của Lan (2)');
    rt.setAnswer('n', 2);
    rt.setAnswer('member[2]/m_name', 'Minh');
    expect(rt.renderLabel('member[2]/m_note')).toBe('Minh là thành viên của hộ Lan');
    expect(rt.renderLabel('member[1]/m_note')).toBe(' là thành viên của hộ Lan');
    expect(rt.renderLabel('member[2]')).toBe('Thành viên Minh');
    expect(() => rt.renderLabel('member')).toThrow(/instance/);
    expect(() => rt.renderLabel('member[3]')).toThrow(/no instance 3/);
  });

  it('constraint and required messages are interpolated too', () => {
    const rt = createFormRuntime(form, { language: 'en' });
    rt.setAnswer('name', 'Lan');
    expect(rt.snapshot().errors.find((e) => e.name === 'n')?.message).toBe('Ask Lan');
    rt.setAnswer('n', 25);
    expect(rt.snapshot().errors.find((e) => e.name === 'n')?.message).toBe('Lan: tối đa 19 người');
  });

  it('the compiler reports an unknown ${name} in a label', () => {
    const r = compileForm({ fileName: 't.xlsx', sheets: {
      survey: { rows: [['type', 'name', 'label', 'hint'], ['text', 'name', 'Tên', null], ['integer', 'n', 'Hộ của ${nmae}', 'Tính cả ${name}']] },
      settings: { rows: [['form_id', 'version'], ['x', 1]] },
    } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.row, e.column, e.expected])).toEqual([['unknown_reference', 3, 'label', '${name}']]);
  });
});

describe('integer answers are 32-bit, as XForms int in ODK Collect', () => {
  it('a value beyond 2147483647 is a type error instead of silently losing digits', () => {
    const form = formOf([{ type: 'integer', name: 'i', label: 'i' }]);
    expect(evaluateRecord(form, { i: '2147483647' }).errors).toEqual([]);
    expect(evaluateRecord(form, { i: '-2147483647' }).errors).toEqual([]);
    expect(evaluateRecord(form, { i: '84901234567' }).errors.map((e) => e.kind)).toEqual(['type']);
    expect(evaluateRecord(form, { i: '12345678901234567890' }).errors.map((e) => e.kind)).toEqual(['type']);
  });
});
describe('defaults, or_other, jr:choice-name, once() and missing codes inside repeats', () => {
  it('defaults in repeats, or_other in repeats, choice-name, once', () => {
    const form = formOf([
      { type: 'begin repeat', name: 'r', label: 'r' },
      { type: 'select_multiple m or_other', name: 'm', label: 'm', default: 'a b' },
      { type: 'calculate', name: 'lbl', calculation: "jr:choice-name(selected-at(${m}, 0), '${m}')" },
      { type: 'calculate', name: 'first', calculation: 'once(${m})' },
      { type: 'integer', name: 'age', label: 'age', constraint: '. < 100', missing: '9' },
      { type: 'end repeat' },
      { type: 'text', name: 'who', label: 'who', required: 'count(${age}) > 1' },
    ], ['a', 'b', 'c'].map((n) => ({ list_name: 'm', name: n, label: `L${n}` })), { form_id: 't', version: '1', missing_codes: '9=dont_know' });
    const rt = createFormRuntime(form);
    rt.addRepeatInstance('r');
    expect(rt.getValue('r[1]/m')).toBe('a b');
    expect(rt.getValue('r[1]/lbl')).toBe('La');
    expect(rt.getValue('r[1]/first')).toBe('a b');
    rt.setAnswer('r[1]/m', ['c', 'other']);
    expect(rt.getValue('r[1]/first')).toBe('a b');
    expect(rt.getValue('r[1]/lbl')).toBe('Lc');
    expect(rt.snapshot().errors.map((e) => e.path)).toEqual(['r[1]/m_other']);
    rt.setAnswer('r[1]/m_other', 'x');
    rt.setAnswer('r[1]/age', 9);
    expect(rt.getStatus('r[1]/age')).toBe('missing');
    rt.addRepeatInstance('r');
    expect(rt.snapshot().errors.map((e) => e.path)).toEqual(['who']);
    const snap = evaluateRecord(form, { r: [{ m: ['other'], m_other: 'y', age: 120 }] });
    expect(snap.errors.map((e) => [e.path, e.kind])).toEqual([['r[1]/age', 'constraint']]);
  });
});
