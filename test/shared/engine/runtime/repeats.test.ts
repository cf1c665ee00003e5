import { describe, expect, it } from 'vitest';
import { createFormRuntime, RuntimeInputError } from '../../../../shared/engine/runtime';
import { formOf } from './formFixture';

describe('repeats', () => {
  const form = formOf([
    { type: 'integer', name: 'n', label: 'Số người' },
    { type: 'begin repeat', name: 'member', label: 'Thành viên', repeat_count: '${n}' },
    { type: 'integer', name: 'age', label: 'Tuổi' },
    { type: 'text', name: 'job', label: 'Nghề', relevant: '${age} >= 18' },
    { type: 'calculate', name: 'pos', calculation: 'position(..)' },
    { type: 'calculate', name: 'prev_age', calculation: 'if(position(..) > 1, indexed-repeat(${age}, ${member}, position(..) - 1), 0)' },
    { type: 'end repeat', name: '' },
    { type: 'calculate', name: 'count', calculation: 'count(${member})' },
    { type: 'calculate', name: 'total_age', calculation: 'sum(${age})' },
    { type: 'calculate', name: 'oldest', calculation: 'max(${age})' },
    { type: 'calculate', name: 'second_age', calculation: 'indexed-repeat(${age}, ${member}, 2)' },
    { type: 'begin repeat', name: 'visit', label: 'Lần đến' },
    { type: 'text', name: 'office', label: 'Cơ quan', required: 'yes' },
    { type: 'end repeat', name: '' },
    { type: 'calculate', name: 'visits', calculation: 'count(${visit})' },
  ]);

  it('a repeat_count repeat gets exactly that many instances, recomputed when the count changes', () => {
    const rt = createFormRuntime(form);
    expect(rt.repeatInstanceCount('member')).toBe(0);
    rt.setAnswer('n', 3);
    expect(rt.repeatInstanceCount('member')).toBe(3);
    rt.setAnswer('member[3]/age', 40);
    rt.setAnswer('n', 2);
    expect(rt.repeatInstanceCount('member')).toBe(2);
    expect(() => rt.setAnswer('member[3]/age', 1)).toThrow(RuntimeInputError);
    expect(() => rt.addRepeatInstance('member')).toThrow(/fixed/);
  });

  it('inside an instance, ${sibling} is the same instance and position(..) its index', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('n', 2);
    rt.setAnswer('member[1]/age', 30);
    rt.setAnswer('member[2]/age', 10);
    expect(rt.isRelevant('member[1]/job')).toBe(true);
    expect(rt.isRelevant('member[2]/job')).toBe(false);
    expect([rt.getValue('member[1]/pos'), rt.getValue('member[2]/pos')]).toEqual(['1', '2']);
    expect(rt.getValue('member[2]/prev_age')).toBe('30');
  });

  it('from outside, a field of the repeat is every instance: count, sum, max, indexed-repeat', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('n', 3);
    rt.setAnswer('member[1]/age', 30);
    rt.setAnswer('member[2]/age', 12);
    rt.setAnswer('member[3]/age', 65);
    expect(rt.getValue('count')).toBe('3');
    expect(rt.getValue('total_age')).toBe('107');
    expect(rt.getValue('oldest')).toBe('65');
    expect(rt.getValue('second_age')).toBe('12');
    rt.setAnswer('member[2]/age', 20);
    expect(rt.getValue('total_age')).toBe('115');
    expect(rt.getValue('second_age')).toBe('20');
    expect(rt.getValue('member[3]/prev_age')).toBe('20');
  });

  it('an open-ended repeat grows and shrinks on request, and instances are renumbered', () => {
    const rt = createFormRuntime(form);
    expect(rt.addRepeatInstance('visit')).toBe(1);
    expect(rt.addRepeatInstance('visit')).toBe(2);
    expect(rt.getValue('visits')).toBe('2');
    rt.setAnswer('visit[1]/office', 'UBND phường');
    rt.setAnswer('visit[2]/office', 'Sở Tư pháp');
    expect(rt.snapshot().errors).toEqual([]);
    rt.addRepeatInstance('visit');
    expect(rt.snapshot().errors.map((e) => [e.path, e.kind])).toEqual([['visit[3]/office', 'required']]);
    rt.removeRepeatInstance('visit', 1);
    expect(rt.getValue('visit[1]/office')).toBe('Sở Tư pháp');
    expect(rt.getValue('visits')).toBe('2');
  });

  it('the snapshot gives repeats as arrays of objects and paths with 1-based instances', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('n', 2);
    rt.setAnswer('member[1]/age', 30);
    rt.setAnswer('member[1]/job', 'kỹ sư');
    rt.setAnswer('member[2]/age', 5);
    const snap = rt.snapshot();
    expect(snap.values['member']).toEqual([
      { age: 30, job: 'kỹ sư', pos: '1', prev_age: '0' },
      { age: 5, pos: '2', prev_age: '30' },
    ]);
    expect(snap.statuses['member[2]/job']).toBe('skipped');
    expect(snap.relevant).toContain('member[1]/job');
  });
});

describe('nested repeats', () => {
  const form = formOf([
    { type: 'begin repeat', name: 'hh', label: 'Hộ' },
    { type: 'integer', name: 'size', label: 'Số người' },
    { type: 'begin repeat', name: 'person', label: 'Người', repeat_count: '${size}' },
    { type: 'integer', name: 'age', label: 'Tuổi' },
    { type: 'end repeat', name: '' },
    { type: 'calculate', name: 'hh_total', calculation: 'sum(${age})' },
    { type: 'end repeat', name: '' },
  ]);

  it('each household counts only its own people', () => {
    const rt = createFormRuntime(form);
    rt.addRepeatInstance('hh');
    rt.addRepeatInstance('hh');
    rt.setAnswer('hh[1]/size', 2);
    rt.setAnswer('hh[2]/size', 1);
    expect(rt.repeatInstanceCount('hh[1]/person')).toBe(2);
    rt.setAnswer('hh[1]/person[1]/age', 40);
    rt.setAnswer('hh[1]/person[2]/age', 35);
    rt.setAnswer('hh[2]/person[1]/age', 70);
    expect(rt.getValue('hh[1]/hh_total')).toBe('75');
    expect(rt.getValue('hh[2]/hh_total')).toBe('70');
  });
});

describe('repeat relevance', () => {
  const form = formOf([
    { type: 'select_one yn', name: 'has_kids', label: 'Có con' },
    { type: 'begin group', name: 'kids_block', label: 'Con', relevant: "${has_kids} = 'yes'" },
    { type: 'begin repeat', name: 'kid', label: 'Con' },
    { type: 'integer', name: 'kid_age', label: 'Tuổi', required: 'yes' },
    { type: 'end repeat', name: '' },
    { type: 'end group', name: '' },
  ], [
    { list_name: 'yn', name: 'yes', label: 'Có' },
    { list_name: 'yn', name: 'no', label: 'Không' },
  ]);

  it('questions in a repeat inside a skipped group are skipped, not required, and cleared', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('has_kids', 'yes');
    rt.addRepeatInstance('kid');
    expect(rt.snapshot().errors.map((e) => e.path)).toEqual(['kid[1]/kid_age']);
    rt.setAnswer('kid[1]/kid_age', 7);
    rt.setAnswer('has_kids', 'no');
    expect(rt.getStatus('kid[1]/kid_age')).toBe('skipped');
    expect(rt.getValue('kid[1]/kid_age')).toBe('');
    expect(rt.snapshot().complete).toBe(true);
  });
});

