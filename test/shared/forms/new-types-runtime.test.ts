// The types added for real ODK/Kobo forms must not break the runtime, which does not know them
// yet: a form using all of them loads, takes typed/pasted values, and a loop repeats once per choice.
import { describe, expect, test } from 'vitest';
import { createFormRuntime, evaluateRecord } from '../../../shared/engine/runtime';
import { compileForm, type FormModel } from '../../../shared/forms';
import { workbook } from '../../fixtures/forms/workbooks';

function compiled(): FormModel {
  const r = compileForm(
    workbook('new-types.xlsx', {
      survey: [
        ['type', 'name', 'label', 'relevant'],
        ['email', 'email'],
        ['simserial', 'sim'],
        ['audit', 'audit'],
        ['gps', 'where', 'Vị trí'],
        ['geotrace', 'route', 'Tuyến'],
        ['q picture', 'photo', 'Ảnh'],
        ['audio', 'rec', 'Ghi âm'],
        ['file', 'doc', 'Tệp'],
        ['barcode', 'code', 'Mã vạch'],
        ['select_one_from_file units.csv', 'unit', 'Đơn vị'],
        ['phone number', 'tel', 'Điện thoại'],
        ['text', 'after_sim', 'Chỉ khi có SIM', "${sim} != ''"],
        ['begin loop over tvs', 'tv', 'TV'],
        ['integer', 'hours', 'Số giờ xem %(label)s (%(name)s)'],
        ['end loop'],
      ],
      choices: [['list_name', 'name', 'label'], ['tvs', 'a', 'Đài HTV'], ['tvs', 'b', 'Đài VTV']],
      settings: [['form_id', 'version'], ['nt', '1']],
    }),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(r.warnings.map((w) => w.code)).toEqual(['not_collected']);
  return r.form;
}

describe('new question types in the runtime', () => {
  test('typed values of geo, media, barcode and from-file questions are kept', () => {
    const rt = createFormRuntime(compiled());
    rt.setAnswer('where', '10.7769 106.7009 5 10');
    rt.setAnswer('route', '10.1 106.1 0 0;10.2 106.2 0 0');
    rt.setAnswer('photo', 'photo-1.jpg');
    rt.setAnswer('code', '8938505974192');
    rt.setAnswer('unit', '26734');
    const v = rt.snapshot().values;
    expect(v).toMatchObject({ where: '10.7769 106.7009 5 10', photo: 'photo-1.jpg', code: '8938505974192', unit: '26734' });
  });

  test('a not-collected question reads as empty: a question relevant on it is skipped', () => {
    const s = evaluateRecord(compiled(), { after_sim: 'x' });
    expect(s.relevant).not.toContain('after_sim');
  });

  test('phone number keeps its digits-only constraint', () => {
    const rt = createFormRuntime(compiled());
    rt.setAnswer('tel', '09a');
    expect(rt.snapshot().errors.map((e) => [e.path, e.kind])).toContainEqual(['tel', 'constraint']);
    rt.setAnswer('tel', '0909123456');
    expect(rt.snapshot().errors.filter((e) => e.path === 'tel')).toEqual([]);
  });

  test('a loop has one instance per choice of its list', () => {
    const s = evaluateRecord(compiled(), { tv: [{ hours: 1 }, { hours: 2 }] });
    expect(s.values['tv']).toEqual([{ hours: 1 }, { hours: 2 }]);
    expect(s.relevant.filter((p) => p.startsWith('tv['))).toHaveLength(2);
  });

  test('inside a loop, %(label)s and %(name)s are the choice of that instance (pyxform)', () => {
    const rt = createFormRuntime(compiled());
    rt.setAnswer('tv[1]/hours', 1);
    rt.setAnswer('tv[2]/hours', 2);
    expect(rt.renderLabel('tv[1]/hours')).toBe('Số giờ xem Đài HTV (a)');
    expect(rt.renderLabel('tv[2]/hours')).toBe('Số giờ xem Đài VTV (b)');
  });
});
