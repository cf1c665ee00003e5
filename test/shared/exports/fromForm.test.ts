import { describe, expect, test } from 'vitest';
import { buildDataset } from '../../../shared/exports/fromForm';
import { NameAllocator, sanitiseName } from '../../../shared/exports/names';
import { sampleForm, SAMPLE_INTERVIEWS } from '../../fixtures/exports/sample';

const dataset = () => buildDataset(sampleForm(), SAMPLE_INTERVIEWS);
const table = (name: string) => {
  const t = dataset().tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
const column = (tableName: string, variable: string) => {
  const t = table(tableName);
  const i = t.variables.findIndex((v) => v.name === variable);
  if (i < 0) throw new Error(`no variable ${variable}`);
  return { variable: t.variables[i], values: t.rows.map((r) => r.values[i]), statuses: t.rows.map((r) => r.statuses[i]) };
};

describe('variable names valid in SPSS and Stata', () => {
  test('Vietnamese letters lose their marks, other characters become _, a leading digit gets v_', () => {
    expect(sanitiseName('tuổi')).toBe('tuoi');
    expect(sanitiseName('Đánh_giá.chung')).toBe('Danh_gia_chung');
    expect(sanitiseName('1st')).toBe('v_1st');
    expect(sanitiseName('_x')).toBe('v_x');
  });
  test('reserved words of either program are renamed and names stop at 32 characters', () => {
    expect(sanitiseName('with')).toBe('with_v');
    expect(sanitiseName('BY')).toBe('BY_v');
    expect(sanitiseName('long')).toBe('long_v');
    expect(sanitiseName('a'.repeat(40))).toHaveLength(32);
  });
  test('names are unique ignoring case, the later one numbered', () => {
    const n = new NameAllocator();
    expect([n.allocate('tuổi'), n.allocate('tuoi'), n.allocate('TUOI'), n.allocate('a'.repeat(40)), n.allocate('a'.repeat(33))]).toEqual(['tuoi', 'tuoi_2', 'TUOI_3', 'a'.repeat(32), `${'a'.repeat(30)}_2`]);
  });
});

describe('the dataset built from a compiled form', () => {
  test('the interviews table: metadata columns, then questions in form order, select_multiple expanded', () => {
    expect(table('interviews').variables.map((v) => v.name)).toEqual([
      'interview_id', 'revision', 'device_id', 'surveyor', 'unit_code', 'outcome', 'started_at', 'ended_at',
      'tuoi', 'ACC1', 'ACC2', 'ghichu', 'kenh', 'kenh_tv', 'kenh_web', 'kenh_ban',
    ]);
    expect(column('interviews', 'tuoi').variable).toMatchObject({ source: 'tuổi', label: 'Tuổi của người trả lời', type: 'numeric', statusName: 'tuoi_st' });
  });

  test('a numeric select keeps its codes, value labels from the choices and the missing codes with their kind', () => {
    const acc1 = column('interviews', 'ACC1');
    expect(acc1.variable?.type).toBe('numeric');
    expect(acc1.variable?.valueLabels).toContainEqual({ value: 5, label: 'Rất hài lòng' });
    expect(acc1.variable?.missing.map((m) => [m.value, m.kind])).toEqual([[8, 'not_applicable'], [9, 'dont_know']]);
    expect(acc1.values).toEqual([5, 9, 5, 8]);
    expect(acc1.statuses).toEqual(['answered', 'missing', 'answered', 'missing']);
  });

  test('skipped, unanswered and don\'t know are told apart', () => {
    expect(column('interviews', 'ACC2').statuses).toEqual(['answered', 'skipped', 'unanswered', 'skipped']);
    expect(column('interviews', 'ACC2').values).toEqual([4, null, null, null]);
    // An empty text counts as unanswered, not as an answer.
    expect(column('interviews', 'ghichu').statuses).toEqual(['answered', 'answered', 'unanswered', 'unanswered']);
  });

  test('select_multiple: the raw string plus one 0/1 column per choice; a missing code fills every column', () => {
    expect(column('interviews', 'kenh').values).toEqual(['tv ban', 'web', null, '9']);
    expect(column('interviews', 'kenh_tv').values).toEqual([1, 0, null, 9]);
    expect(column('interviews', 'kenh_ban').values).toEqual([1, 0, null, 9]);
    expect(column('interviews', 'kenh_ban').statuses).toEqual(['answered', 'answered', 'unanswered', 'missing']);
    expect(column('interviews', 'kenh_web').variable).toMatchObject({ label: 'Kênh thông tin: Cổng thông tin điện tử', source: 'kenh/web', role: 'choice' });
  });

  test('a repeat group is its own table, linked by interview_id and the instance number', () => {
    const t = table('members');
    expect(t.variables.map((v) => v.name)).toEqual(['interview_id', 'members_n', 'ten', 'tuoi_tv']);
    expect(t.rows.map((r) => r.values)).toEqual([
      ['iv-1', 1, 'Trần Thị Bình', 60],
      ['iv-1', 2, 'Lê Đức Anh', 9],
      ['iv-3', 1, 'Võ Văn Tường', null],
    ]);
    expect(t.rows[2]?.statuses).toEqual(['answered', 'answered', 'answered', 'unanswered']);
  });

  test('string widths are the widest value in UTF-8 bytes', () => {
    // "Cán bộ "rất" nhiệt tình, nhanh chóng\nCảm ơn": 40 characters, 55 bytes.
    expect(column('interviews', 'ghichu').variable?.width).toBe(55);
    expect(column('members', 'ten').variable?.width).toBe(Math.max(...['Trần Thị Bình', 'Lê Đức Anh', 'Võ Văn Tường'].map((s) => Buffer.byteLength(s))));
  });
});

describe('bad input', () => {
  test('a non-number stored for a numeric question names the interview and the answer path', () => {
    const bad = { ...SAMPLE_INTERVIEWS[0]!, interviewId: 'iv-9', answers: { ...SAMPLE_INTERVIEWS[0]!.answers, 'members[2]/tuoi_tv': 'sáu mươi' } };
    expect(() => buildDataset(sampleForm(), [bad])).toThrow('Phỏng vấn iv-9, câu members[2]/tuoi_tv: cần một số, nhận "sáu mươi" / interview iv-9, question members[2]/tuoi_tv: expected a number, got "sáu mươi"');
  });
});
