import { describe, expect, it } from 'vitest';
import { evaluateRecord } from '../../../../shared/engine/runtime';
import { formOf, SAT5 } from './formFixture';

describe('evaluateRecord', () => {
  const form = formOf(
    [
      { type: 'select_one yn', name: 'used', label: 'Đã dùng', required: 'yes' },
      { type: 'begin group', name: 'block', label: 'Khối', relevant: "${used} = '1'" },
      { type: 'select_one sat5', name: 'sat', label: 'Hài lòng', required: 'yes' },
      { type: 'end group', name: '' },
      { type: 'integer', name: 'n', label: 'Số người', constraint: '. <= 3' },
      { type: 'begin repeat', name: 'person', label: 'Người', repeat_count: '${n}' },
      { type: 'integer', name: 'age', label: 'Tuổi', required: 'yes' },
      { type: 'end repeat', name: '' },
      { type: 'calculate', name: 'total', calculation: 'sum(${age})' },
    ],
    [{ list_name: 'yn', name: 1, label: 'Có' }, { list_name: 'yn', name: 2, label: 'Không' }, ...SAT5],
    { form_id: 'r', version: '1', missing_codes: '8=not_applicable 9=dont_know' },
  );

  it('a fully filled record is complete, with calculations done', () => {
    const snap = evaluateRecord(form, { used: 1, sat: 4, n: 2, person: [{ age: 30 }, { age: 20 }] });
    expect(snap.errors).toEqual([]);
    expect(snap.complete).toBe(true);
    expect(snap.values).toEqual({ used: '1', sat: '4', n: 2, person: [{ age: 30 }, { age: 20 }], total: '50' });
  });

  it('answers in a skipped branch are cleared and reported as skipped', () => {
    const snap = evaluateRecord(form, { used: 2, sat: 5, n: 0 });
    expect(snap.values).toEqual({ used: '2', n: 0, total: '0' });
    expect(snap.statuses['sat']).toBe('skipped');
    expect(snap.complete).toBe(true);
  });

  it('a DK code is accepted as a missing answer', () => {
    const snap = evaluateRecord(form, { used: 1, sat: 9, n: 0 });
    expect(snap.complete).toBe(true);
    expect(snap.missing).toEqual({ sat: 'dont_know' });
  });

  it('unknown names, at the top or inside a repeat, are errors, never ignored', () => {
    const snap = evaluateRecord(form, { used: 1, sat: 4, n: 1, person: [{ age: 3, shoe: 40 }], colour: 'red' }, { language: 'en' });
    expect(snap.errors).toEqual([
      { name: 'shoe', path: 'person[1]/shoe', kind: 'type', message: 'No such question "shoe" in the form.' },
      { name: 'colour', path: 'colour', kind: 'type', message: 'No such question "colour" in the form.' },
    ]);
    expect(snap.complete).toBe(false);
  });

  it('more instances than repeat_count, and values of the wrong kind, are errors', () => {
    const snap = evaluateRecord(form, { used: { x: 1 }, n: 1, person: [{ age: 3 }, { age: 4 }] });
    expect(snap.errors.map((e) => [e.path, e.kind])).toEqual([
      ['used', 'type'],
      ['person[2]', 'type'],
      ['used', 'required'],
    ]);
  });

  it('validation errors of the record come with their paths', () => {
    const snap = evaluateRecord(form, { used: 1, n: 5, person: [] });
    expect(snap.errors.map((e) => [e.path, e.kind])).toEqual([
      ['sat', 'required'],
      ['n', 'constraint'],
      ...[1, 2, 3, 4, 5].map((i) => [`person[${i}]/age`, 'required']),
    ]);
  });
});
