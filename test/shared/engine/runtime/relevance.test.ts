import { describe, expect, it } from 'vitest';
import { createFormRuntime } from '../../../../shared/engine/runtime';
import { formOf } from './formFixture';

describe('relevance', () => {
  const form = formOf([
    { type: 'integer', name: 'age', label: 'Tuổi' },
    { type: 'text', name: 'job', label: 'Nghề', relevant: '${age} >= 18' },
    { type: 'begin group', name: 'work', label: 'Công việc', relevant: "${job} != ''" },
    { type: 'integer', name: 'hours', label: 'Giờ' },
    { type: 'text', name: 'employer', label: 'Nơi làm', relevant: '${hours} > 0' },
    { type: 'end group', name: '' },
    { type: 'text', name: 'after', label: 'Sau' },
  ]);

  it('a question is relevant only when its expression holds', () => {
    const rt = createFormRuntime(form);
    expect(rt.isRelevant('job')).toBe(false);
    rt.setAnswer('age', 20);
    expect(rt.isRelevant('job')).toBe(true);
    rt.setAnswer('age', 10);
    expect(rt.isRelevant('job')).toBe(false);
  });

  it('questions inside a group inherit its relevance', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('age', 30);
    expect(rt.isRelevant('hours')).toBe(false);
    rt.setAnswer('job', 'giáo viên');
    expect(rt.isRelevant('hours')).toBe(true);
    rt.setAnswer('hours', 8);
    expect(rt.isRelevant('employer')).toBe(true);
    rt.setAnswer('job', '');
    expect(rt.isRelevant('hours')).toBe(false);
    // employer's own expression would hold, but its group is not relevant.
    expect(rt.isRelevant('employer')).toBe(false);
  });

  it('a question that becomes non-relevant loses its value, down the whole chain', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('age', 30);
    rt.setAnswer('job', 'thợ may');
    rt.setAnswer('hours', 8);
    rt.setAnswer('employer', 'Xưởng may');
    rt.setAnswer('age', 12);
    expect(rt.getValue('job')).toBe('');
    expect(rt.getValue('hours')).toBe('');
    expect(rt.getValue('employer')).toBe('');
    const snap = rt.snapshot();
    expect(snap.values).toEqual({ age: 12 });
    expect(snap.relevant).toEqual(['age', 'after']);
    // Relevant again later: the cleared values do not come back.
    rt.setAnswer('age', 30);
    expect(rt.getValue('job')).toBe('');
  });

  it('an answer given to a non-relevant question is not kept', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('job', 'bác sĩ');
    expect(rt.getValue('job')).toBe('');
    expect(rt.getStatus('job')).toBe('skipped');
  });
});
