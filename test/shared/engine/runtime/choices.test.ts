import { describe, expect, it } from 'vitest';
import { createFormRuntime } from '../../../../shared/engine/runtime';
import { formOf } from './formFixture';

describe('choice filters', () => {
  const form = formOf(
    [
      { type: 'select_one province', name: 'prov', label: 'Tỉnh' },
      { type: 'select_one ward', name: 'ward', label: 'Phường', choice_filter: 'province = ${prov}' },
      { type: 'select_one ward', name: 'named', label: 'Tên', choice_filter: "starts-with(label, 'Phường')" },
      { type: 'calculate', name: 'ward_label', calculation: "jr:choice-name(${ward}, '${ward}')" },
    ],
    [
      { list_name: 'province', name: 'hcm', 'label::Tiếng Việt (vi)': 'TP.HCM', 'label::English (en)': 'HCMC' },
      { list_name: 'province', name: 'hn', 'label::Tiếng Việt (vi)': 'Hà Nội', 'label::English (en)': 'Hanoi' },
      { list_name: 'ward', name: 'w1', 'label::Tiếng Việt (vi)': 'Phường Bến Thành', 'label::English (en)': 'Ben Thanh Ward', province: 'hcm' },
      { list_name: 'ward', name: 'w2', 'label::Tiếng Việt (vi)': 'Xã Cần Giờ', 'label::English (en)': 'Can Gio Commune', province: 'hcm' },
      { list_name: 'ward', name: 'w3', 'label::Tiếng Việt (vi)': 'Phường Hoàn Kiếm', 'label::English (en)': 'Hoan Kiem Ward', province: 'hn' },
    ],
  );
  const names = (rt: ReturnType<typeof createFormRuntime>, path: string) => rt.availableChoices(path).map((c) => c.name);

  it('a cascading select offers only the choices whose column matches the earlier answer', () => {
    const rt = createFormRuntime(form);
    expect(names(rt, 'ward')).toEqual([]);
    rt.setAnswer('prov', 'hcm');
    expect(names(rt, 'ward')).toEqual(['w1', 'w2']);
    rt.setAnswer('prov', 'hn');
    expect(names(rt, 'ward')).toEqual(['w3']);
  });

  it('a value the filter no longer allows is a type error', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('prov', 'hcm');
    rt.setAnswer('ward', 'w2');
    expect(rt.snapshot().errors).toEqual([]);
    rt.setAnswer('prov', 'hn');
    expect(rt.snapshot().errors.map((e) => [e.path, e.kind])).toEqual([['ward', 'type']]);
  });

  it('a filter on label reads the label in the runtime language', () => {
    expect(names(createFormRuntime(form), 'named')).toEqual(['w1', 'w3']);
    expect(names(createFormRuntime(form, { language: 'en' }), 'named')).toEqual([]);
  });

  it('jr:choice-name gives the label of the chosen value in the runtime language', () => {
    const rt = createFormRuntime(form, { language: 'en' });
    rt.setAnswer('prov', 'hcm');
    rt.setAnswer('ward', 'w1');
    expect(rt.getValue('ward_label')).toBe('Ben Thanh Ward');
  });
});

describe('or_other', () => {
  const form = formOf(
    [{ type: 'select_one eth or_other', name: 'eth', label: 'Dân tộc', required: 'yes' }],
    [
      { list_name: 'eth', name: 'kinh', label: 'Kinh' },
      { list_name: 'eth', name: 'hoa', label: 'Hoa' },
    ],
  );

  it('choosing "other" makes the <name>_other text relevant and required', () => {
    const rt = createFormRuntime(form);
    expect(rt.availableChoices('eth').map((c) => c.name)).toEqual(['kinh', 'hoa', 'other']);
    rt.setAnswer('eth', 'kinh');
    expect(rt.getStatus('eth_other')).toBe('skipped');
    expect(rt.snapshot().complete).toBe(true);
    rt.setAnswer('eth', 'other');
    expect(rt.snapshot().errors.map((e) => [e.path, e.kind])).toEqual([['eth_other', 'required']]);
    rt.setAnswer('eth_other', 'Chăm');
    const snap = rt.snapshot();
    expect(snap.complete).toBe(true);
    expect(snap.values).toEqual({ eth: 'other', eth_other: 'Chăm' });
  });
});
