import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadFormFile } from '../../../electron/forms/loadForm';
import { createFormRuntime } from '../../../shared/engine/runtime';
import { listQuestions, type FormModel } from '../../../shared/forms';

const dir = join(__dirname, '..', '..', '..', 'shared', 'instruments');

async function load(file: string): Promise<{ form: FormModel; warnings: unknown[] }> {
  const r = await loadFormFile(join(dir, file));
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r;
}

describe.each(['hids-satisfaction.xlsx', 'mttq-satisfaction.xlsx'])('built-in instrument %s', (file) => {
  test('compiles with zero errors and zero warnings, in Vietnamese and English', async () => {
    const { form, warnings } = await load(file);
    expect(warnings).toEqual([]);
    expect(form.languages.map((l) => l.code)).toEqual(['vi', 'en']);
    for (const q of listQuestions(form)) {
      if (['start', 'end', 'deviceid', 'username', 'calculate'].includes(q.type)) continue;
      expect(Object.keys(q.labels).sort(), q.name).toEqual(['en', 'vi']);
    }
  });

  test('offers all 168 units by 5-digit code', async () => {
    const { form } = await load(file);
    const units = form.choiceLists['units']?.choices ?? [];
    expect(units).toHaveLength(168);
    expect(units.every((u) => /^\d{5}$/.test(u.name) && u.labels['vi'] && u.labels['en'])).toBe(true);
    expect(listQuestions(form).find((q) => q.name === 'META_UNIT')?.listName).toBe('units');
  });

  test('unit labels show the former province and district, so alike names differ even without diacritics', async () => {
    const { form } = await load(file);
    const units = form.choiceLists['units']?.choices ?? [];
    const vi = (code: string) => units.find((u) => u.name === code)?.labels['vi'];
    expect(vi('25807')).toBe('Xã Thanh An (Bình Dương cũ: Huyện Dầu Tiếng, TP. Bến Cát)');
    expect(vi('27676')).toBe('Xã Thạnh An (TP.HCM cũ: Huyện Cần Giờ)');
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    for (const lang of ['vi', 'en']) {
      const folded = units.map((u) => fold(u.labels[lang] ?? ''));
      expect(new Set(folded).size, lang).toBe(168);
    }
    expect(units.find((u) => u.name === '25807')?.extra).toMatchObject({ former_province: 'Bình Dương', former_district: 'Huyện Dầu Tiếng, TP. Bến Cát' });
  });

  test('the agency list has the city departments and the People\'s Committee of every unit, with or_other', async () => {
    const { form } = await load(file);
    const agency = listQuestions(form).find((q) => q.name === 'agency');
    expect(agency).toMatchObject({ type: 'select_one', listName: 'agencies', orOther: true, required: true });
    const agencies = form.choiceLists['agencies']?.choices ?? [];
    const city = agencies.filter((a) => a.extra['agency_kind'] !== 'people_committee');
    const committees = agencies.filter((a) => a.extra['agency_kind'] === 'people_committee');
    expect(committees).toHaveLength(168);
    expect(committees.map((a) => a.name).sort()).toEqual((form.choiceLists['units']?.choices ?? []).map((u) => u.name).sort());
    expect(committees.find((a) => a.name === '27676')?.labels['vi']).toBe('Ủy ban nhân dân Xã Thạnh An (TP.HCM cũ: Huyện Cần Giờ)');
    expect(city.length).toBeGreaterThanOrEqual(15);
    expect(city.every((a) => /^1\d\d$/.test(a.name))).toBe(true);
    expect(city.map((a) => a.labels['vi'])).toEqual(expect.arrayContaining(['Sở Nội vụ', 'Sở Tư pháp', 'Sở Xây dựng', 'Sở Nông nghiệp và Môi trường', 'Trung tâm Phục vụ hành chính công Thành phố']));
    // No agency code is a missing code (8, 9): it would be read as "don't know".
    expect(agencies.some((a) => a.missing)).toBe(false);
  });

  test('the administrative field is a coded list with "Khác (ghi rõ)" as or_other; no code is a missing code', async () => {
    const { form } = await load(file);
    const field = listQuestions(form).find((q) => q.name === 'META_FIELD');
    expect(field).toMatchObject({ type: 'select_one', listName: 'fields', orOther: true });
    const fields = form.choiceLists['fields']?.choices ?? [];
    expect(fields.map((f) => f.labels['vi'])).toEqual(expect.arrayContaining(['Đất đai', 'Xây dựng', 'Đăng ký kinh doanh', 'Lao động – thương binh xã hội', 'Khác (ghi rõ)']));
    expect(fields.at(-1)).toMatchObject({ name: 'other', labels: { vi: 'Khác (ghi rõ)', en: 'Other (specify)' } });
    expect(fields.some((f) => f.missing)).toBe(false);
  });

  test('intro and consent come first; mode and location_type are coded; serial is not a form question', async () => {
    const { form } = await load(file);
    const qs = listQuestions(form);
    expect(qs.slice(0, 2).map((q) => [q.name, q.type])).toEqual([['intro', 'note'], ['consent', 'select_one']]);
    const list = (name: string) => (form.choiceLists[name]?.choices ?? []).map((c) => [c.name, c.labels['vi'], c.labels['en']]);
    expect(list('consent')).toEqual([['1', 'Đồng ý', 'Agree'], ['2', 'Không đồng ý', 'Decline']]);
    const byName = new Map(qs.map((q) => [q.name, q]));
    expect(byName.get('mode')?.listName).toBe('interview_mode');
    expect(list('interview_mode')).toEqual([['1', 'Trực tiếp', 'Face-to-face'], ['2', 'Điện thoại', 'Phone']]);
    expect(byName.get('location_type')?.listName).toBe('location_type');
    expect(list('location_type')).toEqual([['1', 'Tại bộ phận một cửa', 'At the one-stop desk'], ['2', 'Tại hộ gia đình', 'At the household']]);
    expect(byName.get('outcome')?.type).toBe('calculate');
    expect(byName.has('serial')).toBe(false);
    // The intro says what the survey is for, that answers are confidential and that taking part is voluntary.
    expect(form.children[0]?.labels['vi']).toMatch(/khảo sát sự hài lòng[\s\S]*giữ bí mật[\s\S]*tự nguyện/);
    expect(form.children[0]?.labels['en']).toMatch(/satisf[\s\S]*confidential[\s\S]*voluntary/);
  });

  test('maps the five components to their items in the index sheet', async () => {
    const { form } = await load(file);
    expect(form.index.origin).toBe('sheet');
    expect(form.index.satisfiedCodes).toEqual([4, 5]);
    expect(form.index.validCodes).toEqual([1, 2, 3, 4, 5]);
    expect(form.index.components.map((c) => [c.id, c.items.map((i) => i.question).join(' ')])).toEqual([
      ['ACC', 'ACC1 ACC2 ACC3 ACC4'],
      ['PRO', 'PRO1 PRO2 PRO3 PRO4'],
      ['CIV', 'CIV1 CIV2 CIV3 CIV4 CIV5'],
      ['RES', 'RES1 RES2 RES3'],
      ['FBK', 'FBK1 FBK2 FBK3'],
    ]);
  });

  test('satisfaction items accept missing codes 8 and 9; skip logic is in place', async () => {
    const { form } = await load(file);
    const qs = new Map(listQuestions(form).map((q) => [q.name, q]));
    expect(qs.get('CIV3')).toMatchObject({ listName: 'sat5', appearance: 'likert', missingCodes: ['8', '9'] });
    expect(qs.get('DEM_ETH_OTHER')?.relevant?.source).toBe('${DEM_ETH} = 2');
    const fbk = form.children.find((n) => n.name === 'G_FBK');
    expect(fbk).toMatchObject({ kind: 'group', appearance: 'field-list', relevant: { source: '${service_user} = 1 and ${EXP_PAKN} = 1' } });
    for (const g of ['SVC', 'G_ACC', 'G_PRO', 'G_CIV', 'G_RES']) expect(form.children.find((n) => n.name === g)?.relevant?.source, g).toBe('${service_user} = 1');
  });
});

test('the Fatherland Front asks overall satisfaction directly after the service items, before harassment and bribery', async () => {
  const { form } = await load('mttq-satisfaction.xlsx');
  const asked = listQuestions(form).filter((q) => q.type !== 'note' && q.type !== 'calculate').map((q) => q.name);
  const at = (name: string) => asked.indexOf(name);
  expect(at('OVERALL')).toBe(at('FBK3') + 1);
  expect(at('OVERALL')).toBeLessThan(at('PER_HARASS'));
  expect(at('PER_HARASS')).toBeLessThan(at('PER_BRIBE'));
});

test('the Fatherland Front instrument adds the policy block and the perception questions', async () => {
  const { form } = await load('mttq-satisfaction.xlsx');
  const names = listQuestions(form).map((q) => q.name);
  expect(names).toEqual(expect.arrayContaining(['POL1', 'POL2', 'POL3', 'PER_HARASS', 'PER_BRIBE']));
  const hids = (await load('hids-satisfaction.xlsx')).form;
  expect(listQuestions(hids).map((q) => q.name)).not.toContain('POL1');
});

// DOMAIN.md "Items": Vietnamese wording verbatim (with or without a final full stop, as written
// there), our English label, and the scale. Stems of single-choice items carry their options in the
// choices sheet instead, so they are checked through their lists below.
const DOMAIN_ITEMS: Record<string, [string, string, string]> = {
  META_ENUM: ['Mã điều tra viên', 'Enumerator ID', 'text'],
  META_DATE: ['Ngày khảo sát', 'Survey date', 'date'],
  META_FIELD: ['Lĩnh vực/thủ tục hành chính đã giải quyết', 'Administrative procedure/field handled', 'FIELDS'],
  EXP_TTHC: ['Giải quyết thủ tục hành chính', 'Has handled an administrative procedure', 'YESNO'],
  EXP_PAKN: ['Phản ánh, kiến nghị với cơ quan nhà nước (các cấp)', 'Has submitted feedback/petition to a state agency', 'YESNO'],
  ACC1: ['Cơ quan cung cấp thông tin về việc giải quyết thủ tục hành chính theo nhiều hình thức, dễ tiếp cận, dễ hiểu đối với mọi người dân.', 'The agency provides information on handling procedures in many forms, easy to access and understand for everyone.', 'SAT5'],
  ACC2: ['Trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính có biển hiệu, hướng dẫn rõ ràng, dễ thấy.', 'The office receiving applications and returning results has clear, visible signs and directions.', 'SAT5'],
  ACC3: ['Trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính sạch sẽ, văn minh.', 'The office is clean and orderly.', 'SAT5'],
  ACC4: ['Trang thiết bị phục vụ người dân đầy đủ, chất lượng tốt, giúp người dân giải quyết công việc dễ dàng hơn.', 'Equipment for the public is sufficient and of good quality, making it easier to get things done.', 'SAT5'],
  PRO1: ['Quy định thủ tục hành chính được niêm yết công khai tại trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính dễ thấy, dễ hiểu.', 'Procedure rules are publicly posted at the office, easy to see and understand.', 'SAT5'],
  PRO2: ['Thành phần hồ sơ người dân phải nộp là đúng quy định', 'The documents you had to submit were as prescribed.', 'SAT5'],
  PRO3: ['Mức phí/lệ phí người dân phải nộp là đúng quy định.', 'The fees/charges you paid were as prescribed.', 'SAT5'],
  PRO4: ['Thời hạn giải quyết thủ tục hành chính cho người dân là đúng quy định.', 'The processing time was as prescribed.', 'SAT5'],
  CIV1: ['Công chức có thái độ giao tiếp lịch sự, tôn trọng đối với người dân.', 'Civil servants communicate politely and respectfully.', 'SAT5'],
  CIV2: ['Công chức cung cấp thông tin, trả lời kịp thời, đầy đủ các câu hỏi, ý kiến của người dân.', 'Civil servants answer questions and comments promptly and fully.', 'SAT5'],
  CIV3: ['Công chức hướng dẫn hồ sơ dễ hiểu, đảm bảo người dân có thể hoàn thiện hồ sơ sau một lần hướng dẫn.', 'Guidance on the file is easy to understand, so it can be completed after one round of guidance.', 'SAT5'],
  CIV4: ['Công chức tuân thủ đúng quy định trong giải quyết công việc cho người dân.', 'Civil servants follow the rules when handling your case.', 'SAT5'],
  CIV5: ['Công chức tận tình đối với người dân trong quá trình giải quyết công việc.', 'Civil servants are attentive and dedicated throughout the process.', 'SAT5'],
  RES1: ['Kết quả giải quyết thủ tục hành chính cho người dân được trả đúng hẹn.', 'The result was returned on the appointed date.', 'SAT5'],
  RES2: ['Kết quả giải quyết thủ tục hành chính cho người dân có thông tin đầy đủ, chính xác', 'The result contains complete and accurate information.', 'SAT5'],
  RES3: ['Kết quả giải quyết thủ tục hành chính cho người dân đảm bảo tính công bằng.', 'The result was fair.', 'SAT5'],
  FBK1: ['Cơ quan có bố trí hình thức tiếp nhận phản ánh, kiến nghị, giúp người dân phản ánh, kiến nghị dễ dàng', 'The agency provides channels that make it easy to submit feedback and petitions.', 'SAT5'],
  FBK2: ['Cơ quan tiếp nhận, xử lý phản ánh, kiến nghị của người dân đúng quy định.', 'The agency receives and handles feedback/petitions according to the rules.', 'SAT5'],
  FBK3: ['Cơ quan thông báo kết quả xử lý phản ánh kiến nghị cho người dân kịp thời.', 'The agency informs you of the outcome of your feedback/petition in a timely way.', 'SAT5'],
  OVERALL: ['Nhìn chung, Ông/Bà hài lòng như thế nào đối với sự phục vụ của cơ quan khi giải quyết thủ tục hành chính?', "Overall, how satisfied are you with the agency's service in handling your procedure?", 'SAT5'],
  NEED1: ['Nâng cao hơn nữa thái độ phục vụ của cán bộ, công chức, viên chức đối với người dân.', "Further improve staff's service attitude.", 'NEED3'],
  NEED2: ['Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số trong giải quyết công việc cho người dân.', "Expand IT use and digital transformation in handling citizens' business.", 'NEED3'],
  NEED3: ['Nâng cao hơn nữa chất lượng tiếp nhận, giải quyết ý kiến góp ý, phản ánh, kiến nghị của người dân.', 'Further improve handling of comments, feedback and petitions.', 'NEED3'],
  OPEN: ['Ý kiến khác (xin ghi cụ thể):', 'Other comments (please specify):', 'text'],
};
// META_FIELD is a coded list of administrative fields now (issue 7), not free text.
const SCALE_LIST: Record<string, string | undefined> = { SAT5: 'sat5', NEED3: 'need3', YESNO: 'yesno', FIELDS: 'fields', text: undefined, date: undefined };

/** Labels as a citizen (DEM_TYPE = 1) sees them: `${R_WHO}` and friends filled in by the runtime. */
function citizenLabels(form: FormModel): (name: string) => { vi: string; en: string } {
  const rt = createFormRuntime(form);
  rt.setAnswer('consent', '1');
  rt.setAnswer('DEM_TYPE', '1');
  return (name) => ({ vi: rt.renderLabel(name, 'vi'), en: rt.renderLabel(name, 'en') });
}

describe.each(['hids-satisfaction.xlsx', 'mttq-satisfaction.xlsx'])('%s against DOMAIN.md', (file) => {
  test('every seed item has its wording and scale', async () => {
    const { form } = await load(file);
    const qs = new Map(listQuestions(form).map((q) => [q.name, q]));
    const shown = citizenLabels(form);
    for (const [id, [vi, en, scale]] of Object.entries(DOMAIN_ITEMS)) {
      const q = qs.get(id);
      expect(shown(id), id).toEqual({ vi, en });
      expect(q?.listName, id).toBe(SCALE_LIST[scale]);
      if (!SCALE_LIST[scale]) expect(q?.type, id).toBe(scale);
    }
    const labels = (list: string) => (form.choiceLists[list]?.choices ?? []).filter((c) => !c.missing).map((c) => c.labels['vi']);
    expect(labels('sat5')).toEqual(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
    expect(labels('need3')).toEqual(['Rất nhiều', 'Nhiều', 'Ít']);
    expect(labels('yesno')).toEqual(['Đã từng/Có', 'Chưa từng/Không']);
    expect(labels('age')).toEqual(['Từ 18 - 24 tuổi', 'Từ 25-34 tuổi', 'Từ 35-49 tuổi', 'Từ 50-60 tuổi', 'Trên 60 tuổi']);
    expect(form.missingCodes.map((m) => [m.code, m.kind])).toEqual([['8', 'not_applicable'], ['9', 'dont_know']]);
  });
});

test('the Fatherland Front policy items are worded as in DOMAIN.md', async () => {
  const { form } = await load('mttq-satisfaction.xlsx');
  const vi = (name: string) => listQuestions(form).find((q) => q.name === name)?.labels['vi'];
  expect(vi('POL1')).toBe('Cơ quan nhà nước cung cấp, giải thích thông tin về các chính sách theo nhiều hình thức, giúp mọi người dân dễ tìm, dễ thấy');
  expect(vi('POL2')).toBe('Cơ quan nhà nước tổ chức xin ý kiến góp ý của người dân đối với các chính sách theo nhiều hình thức, giúp mọi người dân tham gia góp ý kiến dễ dàng');
  expect(vi('POL3')).toBe('Chính sách của địa phương đã góp phần giúp cho chất lượng cuộc sống của người dân địa phương ngày càng tốt hơn trong thời gian qua.');
});
