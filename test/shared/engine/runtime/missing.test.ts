import { describe, expect, it } from 'vitest';
import { createFormRuntime, RuntimeInputError } from '../../../../shared/engine/runtime';
import { formOf, SAT5 } from './formFixture';

describe('missing codes', () => {
  const form = formOf(
    [
      { type: 'select_one yn', name: 'used', label: 'Đã dùng dịch vụ' },
      { type: 'select_one sat5', name: 'sat', label: 'Hài lòng', required: 'yes', relevant: "${used} = '1'", constraint: '. >= 4' },
      { type: 'integer', name: 'visits', label: 'Số lần', required: 'yes', missing: 'yes', constraint: '. < 5' },
      { type: 'text', name: 'note', label: 'Ghi chú' },
    ],
    [{ list_name: 'yn', name: 1, label: 'Có' }, { list_name: 'yn', name: 2, label: 'Không' }, ...SAT5],
    { form_id: 'm', version: '1', missing_codes: '8=not_applicable 9=dont_know 7=refused' },
  );

  it('a DK code satisfies required, skips the constraint and is reported as missing(kind)', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('used', 1);
    rt.setMissing('sat', '9');
    rt.setMissing('visits', '7');
    const snap = rt.snapshot();
    expect(snap.errors).toEqual([]);
    expect(snap.complete).toBe(true);
    expect(snap.missing).toEqual({ sat: 'dont_know', visits: 'refused' });
    expect(snap.statuses).toEqual({ used: 'answered', sat: 'missing', visits: 'missing', note: 'unanswered' });
  });

  it('a select value equal to a declared missing code counts as missing', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('used', 1);
    rt.setAnswer('sat', 8);
    expect(rt.getStatus('sat')).toBe('missing');
    expect(rt.snapshot().missing['sat']).toBe('not_applicable');
    rt.setAnswer('sat', 2);
    expect(rt.snapshot().errors.map((e) => [e.path, e.kind])).toEqual([['sat', 'constraint'], ['visits', 'required']]);
  });

  it('skipped, unanswered and missing are told apart', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('used', 2);
    rt.setMissing('visits', '8');
    expect([rt.getStatus('sat'), rt.getStatus('note'), rt.getStatus('visits'), rt.getStatus('used')]).toEqual(['skipped', 'unanswered', 'missing', 'answered']);
    // A missing answer is excluded from nothing in the record: its code is kept.
    expect(rt.snapshot().values).toEqual({ used: '2', visits: 8 });
  });

  it('a code the question does not accept is refused', () => {
    const rt = createFormRuntime(form);
    expect(() => rt.setMissing('note', '9')).toThrow(RuntimeInputError);
    expect(() => rt.setMissing('visits', '6')).toThrow(/missing code/);
  });
});
