// The two built-in instruments through the real reader, compiler and runtime: a full interview,
// the feedback block skipped by EXP_PAKN, and don't-know codes on satisfaction items.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFormFile } from '../../../electron/forms/loadForm';
import { evaluateRecord } from '../../../shared/engine/runtime';
import { type FormModel, listQuestions } from '../../../shared/forms';

const INSTRUMENTS = ['hids-satisfaction', 'mttq-satisfaction'];
const now = () => new Date(2025, 6, 15, 10, 0, 0);

/** A plausible answer for every question the interviewer fills: first real choice, text, a past date. */
function fullRecord(form: FormModel): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of listQuestions(form)) {
    if (q.name === 'DEM_ETH_OTHER') continue;
    switch (q.type) {
      case 'text':
        answers[q.name] = 'Nguyễn Văn A';
        break;
      case 'date':
        answers[q.name] = '2025-07-14';
        break;
      case 'select_one': {
        const first = form.choiceLists[q.listName ?? '']?.choices.find((c) => !c.missing);
        answers[q.name] = q.name === 'DEM_ETH' || q.name === 'EXP_PAKN' ? '1' : first?.name;
        break;
      }
      default:
        break;
    }
  }
  for (const q of listQuestions(form)) if (q.listName === 'sat5') answers[q.name] = '4';
  return answers;
}

describe.each(INSTRUMENTS)('built-in instrument %s', (file) => {
  let form: FormModel;
  beforeAll(async () => {
    const result = await loadFormFile(join(__dirname, '../../../shared/instruments', `${file}.xlsx`));
    if (!result.ok) throw new Error(result.errors.map((e) => e.messageEn).join('; '));
    form = result.form;
  });

  it('a fully filled record is complete with no errors', () => {
    const snap = evaluateRecord(form, fullRecord(form), { now, deviceId: 'LAPTOP-01', username: 'dtv01' });
    expect(snap.errors).toEqual([]);
    expect(snap.complete).toBe(true);
    expect(snap.statuses['FBK1']).toBe('answered');
    expect(snap.values['deviceid']).toBe('LAPTOP-01');
  });

  it('an empty record lists every required question', () => {
    const snap = evaluateRecord(form, {}, { now });
    expect(snap.complete).toBe(false);
    expect(snap.errors.every((e) => e.kind === 'required')).toBe(true);
    expect(snap.errors.map((e) => e.name)).toContain('ACC1');
  });

  it('with no feedback submitted (EXP_PAKN = 2) the FBK block is skipped and its answers cleared', () => {
    const answers = { ...fullRecord(form), EXP_PAKN: '2' };
    const snap = evaluateRecord(form, answers, { now });
    expect(snap.complete).toBe(true);
    for (const name of ['FBK1', 'FBK2', 'FBK3']) {
      expect(snap.statuses[name]).toBe('skipped');
      expect(snap.values[name]).toBeUndefined();
    }
    expect(snap.relevant).not.toContain('FBK1');
    expect(snap.values['OVERALL']).toBe('4');
  });

  it("don't-know and not-applicable codes are accepted on satisfaction items and reported as missing", () => {
    const answers = { ...fullRecord(form), ACC1: '9', PRO3: '8', CIV2: 9 };
    const snap = evaluateRecord(form, answers, { now });
    expect(snap.errors).toEqual([]);
    expect(snap.missing).toEqual({ ACC1: 'dont_know', PRO3: 'not_applicable', CIV2: 'dont_know' });
    expect(snap.statuses['ACC1']).toBe('missing');
  });

  it('an out-of-scale satisfaction answer and an unknown name are errors', () => {
    const snap = evaluateRecord(form, { ...fullRecord(form), ACC2: '7', NOT_A_QUESTION: 1 }, { now, language: 'en' });
    expect(snap.errors.map((e) => [e.name, e.kind])).toEqual([['NOT_A_QUESTION', 'type'], ['ACC2', 'type']]);
  });
});
