import { describe, expect, it } from 'vitest';
import { createFormRuntime } from '../../../../shared/engine/runtime';
import { formOf, SAT5 } from './formFixture';

const form = formOf(
  [
    { type: 'select_one yn', name: 'used', label: 'Đã dùng dịch vụ' },
    { type: 'select_one sat5', name: 'sat', label: 'Hài lòng', required: 'yes', relevant: "${used} = '1'" },
    { type: 'integer', name: 'visits', label: 'Số lần', constraint: '. < 5' },
    { type: 'decimal', name: 'fee', label: 'Phí' },
    { type: 'select_multiple yn', name: 'both', label: 'Cả hai' },
    { type: 'acknowledge', name: 'ack', label: 'Xác nhận' },
    { type: 'date', name: 'day', label: 'Ngày' },
    { type: 'begin repeat', name: 'roster', label: 'Thành viên' },
    { type: 'integer', name: 'age', label: 'Tuổi' },
    { type: 'end repeat' },
  ],
  [{ list_name: 'yn', name: 1, label: 'Có' }, { list_name: 'yn', name: 2, label: 'Không' }, ...SAT5],
  { form_id: 's', version: '1', missing_codes: '8=not_applicable 9=dont_know' },
);

describe('runtime subscribe and typed answers', () => {
  it('tells listeners the paths whose value or relevance changed, and bumps the version', () => {
    const rt = createFormRuntime(form);
    const seen: string[][] = [];
    rt.subscribe((paths) => seen.push([...paths].sort()));
    const v0 = rt.version;
    rt.setAnswer('used', '1');
    expect(rt.version).toBe(v0 + 1);
    // `sat` became relevant (and required): it is reported with the answered question.
    expect(seen[0]).toEqual(['sat', 'used']);
    rt.setAnswer('visits', 7);
    expect(seen[1]).toEqual(['visits']);
    rt.setAnswer('used', '2');
    expect(seen[2]).toEqual(['sat', 'used']);
  });

  it('an answer that changes nothing notifies nobody and keeps the version', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('visits', 3);
    const v = rt.version;
    let calls = 0;
    const off = rt.subscribe(() => calls++);
    rt.setAnswer('visits', 3);
    expect(calls).toBe(0);
    expect(rt.version).toBe(v);
    off();
    rt.setAnswer('visits', 4);
    expect(calls).toBe(0);
  });

  it('repeat instances are reported by path and grow the structure version', () => {
    const rt = createFormRuntime(form);
    const seen: string[][] = [];
    rt.subscribe((paths) => seen.push([...paths]));
    const s0 = rt.structureVersion;
    rt.addRepeatInstance('roster');
    expect(rt.structureVersion).toBe(s0 + 1);
    expect(seen[0]).toContain('roster');
    rt.setAnswer('roster[1]/age', 40);
    expect(seen[1]).toEqual(['roster[1]/age']);
    rt.removeRepeatInstance('roster', 1);
    expect(rt.structureVersion).toBe(s0 + 2);
  });

  it('batch notifies once with every change', () => {
    const rt = createFormRuntime(form);
    const seen: string[][] = [];
    rt.subscribe((paths) => seen.push([...paths].sort()));
    rt.batch(() => {
      rt.setAnswer('used', '1');
      rt.setAnswer('sat', '4');
    });
    expect(seen).toEqual([['sat', 'used']]);
  });

  it('getAnswer types values for the screen and keeps missing codes as codes', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('used', '1');
    rt.setMissing('sat', '9');
    rt.setAnswer('visits', '3');
    rt.setAnswer('fee', 2.5);
    rt.setAnswer('both', ['1', '2']);
    rt.setAnswer('ack', true);
    rt.setAnswer('day', '2025-07-01');
    expect(rt.getAnswer('used')).toEqual({ value: '1', missing: null, status: 'answered' });
    expect(rt.getAnswer('sat')).toEqual({ value: '9', missing: 'dont_know', status: 'missing' });
    expect(rt.getAnswer('visits').value).toBe(3);
    expect(rt.getAnswer('fee').value).toBe(2.5);
    expect(rt.getAnswer('both').value).toEqual(['1', '2']);
    expect(rt.getAnswer('ack').value).toBe(true);
    expect(rt.getAnswer('day').value).toBe('2025-07-01');
    rt.setAnswer('used', '2');
    expect(rt.getAnswer('sat')).toEqual({ value: null, missing: null, status: 'skipped' });
  });
});

describe('runtime getError', () => {
  it("gives one question's error in the language asked, null once fixed", () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('used', '1');
    expect(rt.getError('sat')?.kind).toBe('required');
    expect(rt.getError('sat', 'en')?.message).toBe('This question is required.');
    rt.setAnswer('visits', 9);
    expect(rt.getError('visits')?.kind).toBe('constraint');
    rt.setAnswer('visits', 2);
    expect(rt.getError('visits')).toBeNull();
  });
});
