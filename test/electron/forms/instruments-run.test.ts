// Every respondent type run end to end through the real reader, compiler and runtime
// (evaluateRecord) on both built-in instruments: a satisfied user, a dissatisfied user with a
// petition, a non-user, a refusal at consent, the two ways to be ineligible, and a business
// respondent whose wording is addressed to the organisation.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFormFile } from '../../../electron/forms/loadForm';
import { createFormRuntime, evaluateRecord, type RecordSnapshot } from '../../../shared/engine/runtime';
import { type FormModel, listQuestions } from '../../../shared/forms';

const INSTRUMENTS = ['hids-satisfaction', 'mttq-satisfaction'];
const now = () => new Date(2025, 6, 15, 10, 0, 0);
const SERVICE_ITEMS = ['ACC1', 'ACC2', 'ACC3', 'ACC4', 'PRO1', 'PRO2', 'PRO3', 'PRO4', 'CIV1', 'CIV2', 'CIV3', 'CIV4', 'CIV5', 'RES1', 'RES2', 'RES3'];
const FBK_ITEMS = ['FBK1', 'FBK2', 'FBK3'];
/** Asked of service users only (issue 7: non-users skip the service block, the site and the field). */
const USER_ONLY = [...SERVICE_ITEMS, ...FBK_ITEMS, 'META_SITE', 'META_FIELD', 'OVERALL'];

/** Consent, interview details and a passed screen: the part every eligible interview shares. */
function eligible(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    consent: 1, META_ENUM: 'DTV01', META_DATE: '2025-07-14', mode: 1, location_type: 1, META_UNIT: '27676', agency: '27676',
    DEM_TYPE: 1, SCR_AGE: 1, SCR_STAFF: 2,
    DEM_SEX: 2, DEM_AGE: 3, DEM_ETH: 1, DEM_EDU: 5, DEM_OCC: 6, EXP_MODE: 3,
    ...extra,
  };
}

/** Questions only some instruments have, answered when the form has them. */
function perceptionAndNeeds(form: FormModel, needs: number): Record<string, unknown> {
  const names = new Set(listQuestions(form).map((q) => q.name));
  const out: Record<string, unknown> = { NEED1: needs, NEED2: needs, NEED3: needs };
  if (names.has('POL1')) Object.assign(out, { POL1: 4, POL2: 3, POL3: 4, PER_HARASS: 2, PER_BRIBE: 9 });
  return out;
}

const rate = (names: string[], code: number) => Object.fromEntries(names.map((n) => [n, code]));

function satisfiedUser(form: FormModel): Record<string, unknown> {
  return eligible({ SCR_USE: 1, EXP_TTHC: 1, EXP_PAKN: 2, META_SITE: 2, META_FIELD: 12, ...rate(SERVICE_ITEMS, 5), OVERALL: 5, ...perceptionAndNeeds(form, 3), OPEN: 'Cán bộ rất nhiệt tình.' });
}

function dissatisfiedPetitioner(form: FormModel): Record<string, unknown> {
  return eligible({ SCR_USE: 1, EXP_TTHC: 1, EXP_PAKN: 1, META_SITE: 3, META_FIELD: 'other', META_FIELD_other: 'Cấp giấy phép lái xe', ...rate(SERVICE_ITEMS, 2), ...rate(FBK_ITEMS, 1), OVERALL: 1, ...perceptionAndNeeds(form, 1) });
}

function nonUser(form: FormModel): Record<string, unknown> {
  return eligible({ SCR_USE: 3, EXP_TTHC: 2, EXP_PAKN: 2, ...perceptionAndNeeds(form, 2) });
}

/** Every question the interviewer could be shown, except those named: none may be answered or relevant. */
function expectNothingElse(form: FormModel, snap: RecordSnapshot, allowed: string[]): void {
  for (const q of listQuestions(form)) {
    if (allowed.includes(q.name) || ['start', 'end', 'deviceid', 'username'].includes(q.type)) continue;
    expect(snap.statuses[q.name], q.name).toBe('skipped');
    expect(snap.values[q.name], q.name).toBeUndefined();
  }
}

describe.each(INSTRUMENTS)('built-in instrument %s', (file) => {
  let form: FormModel;
  beforeAll(async () => {
    const result = await loadFormFile(join(__dirname, '../../../shared/instruments', `${file}.xlsx`));
    if (!result.ok) throw new Error(result.errors.map((e) => e.messageEn).join('; '));
    form = result.form;
  });
  const run = (answers: Record<string, unknown>, language?: string) => evaluateRecord(form, answers, { now, deviceId: 'LAPTOP-01', username: 'dtv01', ...(language ? { language } : {}) });

  it('a satisfied user rates every service item, skips the feedback block, and completes', () => {
    const snap = run(satisfiedUser(form));
    expect(snap.errors).toEqual([]);
    expect(snap.complete).toBe(true);
    expect(snap.values['outcome']).toBe('completed');
    for (const n of [...SERVICE_ITEMS, 'OVERALL', 'META_SITE', 'META_FIELD']) expect(snap.statuses[n], n).toBe('answered');
    for (const n of FBK_ITEMS) expect(snap.statuses[n], n).toBe('skipped');
    expect(snap.values['deviceid']).toBe('LAPTOP-01');
  });

  it('a dissatisfied user with a petition is asked the feedback block, and cannot complete without it', () => {
    const answers = dissatisfiedPetitioner(form);
    const snap = run(answers);
    expect(snap.errors).toEqual([]);
    expect(snap.values['outcome']).toBe('completed');
    for (const n of FBK_ITEMS) expect(snap.values[n], n).toBe('1');
    expect(snap.values['META_FIELD_other']).toBe('Cấp giấy phép lái xe');
    const withoutFbk = run(Object.fromEntries(Object.entries(answers).filter(([k]) => !FBK_ITEMS.includes(k))));
    expect(withoutFbk.complete).toBe(false);
    expect(withoutFbk.errors.map((e) => [e.name, e.kind])).toEqual(FBK_ITEMS.map((n) => [n, 'required']));
  });

  it('a non-user completes without the service block, the site or the field; perception and needs are still asked', () => {
    const snap = run(nonUser(form));
    expect(snap.errors).toEqual([]);
    expect(snap.complete).toBe(true);
    expect(snap.values['outcome']).toBe('completed');
    expect(snap.values['service_user']).toBe('0');
    for (const n of USER_ONLY) expect(snap.statuses[n], n).toBe('skipped');
    for (const n of ['NEED1', 'NEED2', 'NEED3', 'EXP_TTHC', 'EXP_PAKN', 'DEM_SEX']) expect(snap.statuses[n], n).toBe('answered');
    if (file === 'mttq-satisfaction') for (const n of ['POL1', 'PER_HARASS']) expect(snap.statuses[n], n).toBe('answered');
  });

  it('a "never used" respondent cannot rate services: ratings given anyway are not kept', () => {
    const snap = run({ ...nonUser(form), ...rate(SERVICE_ITEMS, 4), ...rate(FBK_ITEMS, 4), OVERALL: 4, META_SITE: 1, META_FIELD: 11 });
    expect(snap.complete).toBe(true);
    for (const n of USER_ONLY) expect(snap.values[n], n).toBeUndefined();
  });

  it('someone who used the agency\'s service cannot say they never handled a procedure', () => {
    const snap = run({ ...satisfiedUser(form), EXP_TTHC: 2 });
    expect(snap.errors.map((e) => [e.name, e.kind])).toEqual([['EXP_TTHC', 'constraint']]);
    // Used it, but longer ago than the reference period: a non-user for the ratings, still consistent.
    const earlier = run({ ...nonUser(form), SCR_USE: 2, EXP_TTHC: 1 });
    expect(earlier.complete).toBe(true);
    expect(earlier.statuses['ACC1']).toBe('skipped');
  });

  it('a refusal at consent is complete with outcome refused and nothing else answered', () => {
    const snap = run({ consent: 2 });
    expect(snap.errors).toEqual([]);
    expect(snap.complete).toBe(true);
    expect(snap.values['outcome']).toBe('refused');
    expectNothingElse(form, snap, ['intro', 'consent', 'outcome']);
  });

  it('a refusal keeps nothing that was typed before the "no"', () => {
    const snap = run({ ...satisfiedUser(form), consent: 2 });
    expect(snap.complete).toBe(true);
    expectNothingElse(form, snap, ['intro', 'consent', 'outcome']);
  });

  it('before consent only intro and consent are open, and the record is not complete', () => {
    const snap = run({});
    expect(snap.complete).toBe(false);
    expect(snap.errors.map((e) => e.name)).toEqual(['consent']);
    expect(snap.values['outcome']).toBeUndefined();
    expectNothingElse(form, snap, ['intro', 'consent', 'outcome']);
  });

  it.each([
    ['under 18', { SCR_AGE: 2 }],
    ['staff of the agency rated', { SCR_STAFF: 1 }],
  ])('an ineligible respondent (%s) is complete with outcome ineligible and every later question skipped', (_why, screen) => {
    const answers = { consent: 1, META_ENUM: 'DTV01', META_DATE: '2025-07-14', mode: 2, location_type: 2, META_UNIT: '25807', agency: '102', DEM_TYPE: 1, SCR_AGE: 1, ...screen };
    const snap = run(answers);
    expect(snap.errors).toEqual([]);
    expect(snap.complete).toBe(true);
    expect(snap.values['outcome']).toBe('ineligible');
    expect(snap.relevant).toContain('END_INELIGIBLE');
    expectNothingElse(form, snap, ['intro', 'consent', 'outcome', ...Object.keys(answers), 'R_WHO', 'R_YOU', 'R_YOU_EN', 'R_WHOSE_EN', 'eligible', 'service_user', 'END_INELIGIBLE']);
    expect(snap.values['eligible']).toBe('0');
  });

  it('a business respondent sees the organisation\'s wording; a citizen sees DOMAIN.md\'s', () => {
    const rt = createFormRuntime(form, { now });
    for (const [k, v] of Object.entries(satisfiedUser(form))) rt.setAnswer(k, v as string | number);
    expect(rt.renderLabel('PRO2')).toBe('Thành phần hồ sơ người dân phải nộp là đúng quy định');
    expect(rt.renderLabel('SCR_USE')).toBe('Xin cho biết Ông/Bà đã từng giải quyết thủ tục hành chính tại cơ quan, đơn vị được đánh giá chưa?');
    rt.setAnswer('DEM_TYPE', '2');
    expect(rt.renderLabel('PRO2')).toBe('Thành phần hồ sơ tổ chức, doanh nghiệp phải nộp là đúng quy định');
    expect(rt.renderLabel('ACC4')).toBe('Trang thiết bị phục vụ tổ chức, doanh nghiệp đầy đủ, chất lượng tốt, giúp tổ chức, doanh nghiệp giải quyết công việc dễ dàng hơn.');
    expect(rt.renderLabel('NEED1')).toBe('Nâng cao hơn nữa thái độ phục vụ của cán bộ, công chức, viên chức đối với tổ chức, doanh nghiệp.');
    expect(rt.renderLabel('SCR_USE')).toBe('Xin cho biết tổ chức, doanh nghiệp của Ông/Bà đã từng giải quyết thủ tục hành chính tại cơ quan, đơn vị được đánh giá chưa?');
    expect(rt.renderLabel('SCR_USE', 'en')).toBe('Please tell us whether your organisation or business ever handled an administrative procedure at the agency being rated.');
    expect(rt.renderLabel('NEED2', 'en')).toBe("Expand IT use and digital transformation in handling organisations' and businesses' business.");
    // Same questions, same index: the business interview completes like a citizen's.
    const snap = rt.snapshot();
    expect(snap.errors).toEqual([]);
    expect(snap.values['outcome']).toBe('completed');
    expect(snap.values['DEM_TYPE']).toBe('2');
  });

  it("don't-know and not-applicable codes are accepted on satisfaction items and reported as missing", () => {
    const snap = run({ ...satisfiedUser(form), ACC1: '9', PRO3: '8', CIV2: 9 });
    expect(snap.errors).toEqual([]);
    expect(snap.missing).toMatchObject({ ACC1: 'dont_know', PRO3: 'not_applicable', CIV2: 'dont_know' });
    expect(snap.statuses['ACC1']).toBe('missing');
  });

  it('an out-of-scale satisfaction answer, an unknown agency and an unknown name are errors', () => {
    const snap = run({ ...satisfiedUser(form), agency: '99999', ACC2: '7', NOT_A_QUESTION: 1 }, 'en');
    expect(snap.errors.map((e) => [e.name, e.kind])).toEqual([['NOT_A_QUESTION', 'type'], ['agency', 'type'], ['ACC2', 'type']]);
  });
});
