import { describe, expect, it } from 'vitest';
import { createFormRuntime } from '../../../../shared/engine/runtime';
import { buildScreenModel, createScreens } from '../../../../shared/engine/screens';
import { formOf, SAT5 } from '../runtime/formFixture';

const form = formOf(
  [
    { type: 'note', name: 'intro', label: 'Giới thiệu' },
    { type: 'begin group', name: 'G_EXP', label: 'Trải nghiệm', appearance: 'field-list' },
    { type: 'select_one yn', name: 'used', label: 'Đã dùng dịch vụ', required: 'yes' },
    { type: 'integer', name: 'visits', label: 'Số lần', relevant: "${used} = '1'" },
    { type: 'end group' },
    { type: 'begin group', name: 'G_SAT', label: 'Hài lòng', appearance: 'field-list', relevant: "${used} = '1'" },
    { type: 'select_one sat5', name: 'ACC1', appearance: 'likert', label: 'a1', required: 'yes' },
    { type: 'select_one sat5', name: 'ACC2', appearance: 'likert', label: 'a2', required: 'yes' },
    { type: 'select_one sat5', name: 'ACC3', appearance: 'likert', label: 'a3', required: 'yes' },
    { type: 'text', name: 'why', label: 'Vì sao' },
    { type: 'end group' },
    { type: 'begin group', name: 'G_HH', label: 'Hộ gia đình' },
    { type: 'begin repeat', name: 'roster', label: 'Thành viên' },
    { type: 'text', name: 'pname', label: 'Tên' },
    { type: 'integer', name: 'age', label: 'Tuổi' },
    { type: 'end repeat' },
    { type: 'end group' },
    { type: 'calculate', name: 'outcome', calculation: "if(${used} = '1', 'user', 'non')" },
    { type: 'text', name: 'closing', label: 'Kết thúc' },
  ],
  [{ list_name: 'yn', name: 1, label: 'Có' }, { list_name: 'yn', name: 2, label: 'Không' }, ...SAT5],
  { form_id: 's', version: '1', missing_codes: '8=not_applicable 9=dont_know' },
);

describe('screen model', () => {
  it('a field-list group is one page, other questions one page each; top-level groups are sections', () => {
    const rt = createFormRuntime(form);
    const m = buildScreenModel(form, rt);
    expect(m.sections.map((s) => s.name)).toEqual(['', 'G_EXP', 'G_SAT', 'G_HH', '']);
    expect(m.pages.map((p) => p.id)).toEqual(['intro', 'used', 'ACC1', 'repeat:roster', 'closing']);
    expect(m.pages[1]?.paths).toEqual(['used', 'visits']);
    expect(m.pages[1]?.titlePath).toBe('G_EXP');
  });

  it('two yes/no questions in a field-list stay questions', () => {
    const yn = formOf(
      [
        { type: 'begin group', name: 'G', label: 'g', appearance: 'field-list' },
        { type: 'select_one yn', name: 'a', label: 'a' },
        { type: 'select_one yn', name: 'b', label: 'b' },
        { type: 'end group' },
      ],
      [{ list_name: 'yn', name: 1, label: 'Có' }, { list_name: 'yn', name: 2, label: 'Không' }],
    );
    expect(buildScreenModel(yn, createFormRuntime(yn)).pages[0]?.blocks.map((b) => b.kind)).toEqual(['question', 'question']);
  });

  it('consecutive likert select_one on one list become a grid; calculates are never shown', () => {
    const rt = createFormRuntime(form);
    const page = buildScreenModel(form, rt).pages[2];
    expect(page?.blocks).toEqual([
      { kind: 'grid', listName: 'sat5', rows: ['ACC1', 'ACC2', 'ACC3'] },
      { kind: 'question', path: 'why' },
    ]);
    expect(buildScreenModel(form, rt).pages.some((p) => p.paths.includes('outcome'))).toBe(false);
  });

  it('only relevant pages are navigable, and they follow the answers', () => {
    const rt = createFormRuntime(form);
    const screens = createScreens(rt);
    expect(screens.relevantPages().map((p) => p.id)).toEqual(['intro', 'used', 'repeat:roster', 'closing']);
    rt.setAnswer('used', '1');
    expect(screens.relevantPages().map((p) => p.id)).toEqual(['intro', 'used', 'ACC1', 'repeat:roster', 'closing']);
    expect(screens.indexOf('ACC1')).toBe(2);
    rt.setAnswer('used', '2');
    expect(screens.indexOf('ACC1')).toBe(-1);
  });

  it('repeat instances get their own pages, rebuilt when instances are added or removed', () => {
    const rt = createFormRuntime(form);
    const screens = createScreens(rt);
    rt.addRepeatInstance('roster');
    rt.addRepeatInstance('roster');
    const ids = screens.relevantPages().map((p) => p.id);
    expect(ids).toEqual(['intro', 'used', 'repeat:roster', 'roster[1]/pname', 'roster[1]/age', 'roster[2]/pname', 'roster[2]/age', 'closing']);
    expect(screens.pageOf('roster[2]/age')?.repeatPath).toBe('roster[2]');
    rt.removeRepeatInstance('roster', 1);
    expect(screens.relevantPages().filter((p) => p.id.startsWith('roster[')).map((p) => p.id)).toEqual(['roster[1]/pname', 'roster[1]/age']);
  });
});

describe('or_other', () => {
  it('an or_other select is followed on its page by its "other (specify)" text', () => {
    const f = formOf(
      [{ type: 'select_one yn or_other', name: 'agency', label: 'Cơ quan' }],
      [{ list_name: 'yn', name: 1, label: 'Có' }, { list_name: 'yn', name: 2, label: 'Không' }],
    );
    const rt = createFormRuntime(f);
    expect(buildScreenModel(f, rt).pages[0]?.paths).toEqual(['agency', 'agency_other']);
    expect(rt.isRelevant('agency_other')).toBe(false);
    rt.setAnswer('agency', 'other');
    expect(rt.isRelevant('agency_other')).toBe(true);
  });
});
