// The audit log mapping's rules that the end-to-end export test does not single out: the recorded
// new value wins over the final answer, the columns follow the audit parameters (location columns
// empty on a laptop), unknown and help events are left out, nodes name groups and repeat instances.
import { describe, expect, it } from 'vitest';
import { auditColumns, auditLogRows, auditNode, auditValue, type AuditSourceEvent } from '../../../shared/exports/audit-log';
import type { AuditSettings } from '../../../shared/forms/audit';
import type { FormModel } from '../../../shared/forms/model';

const q = (name: string, path: string) => ({ kind: 'question', name, path, type: 'text', parameters: {} });
const FORM = {
  children: [
    q('a', '/a'),
    { kind: 'group', name: 'G', path: '/G', children: [{ kind: 'repeat', name: 'hh', path: '/G/hh', children: [{ kind: 'repeat', name: 'm', path: '/G/hh/m', children: [q('tuổi', '/G/hh/m/tuổi')] }] }] },
  ],
} as unknown as Pick<FormModel, 'children'>;
const NONE: AuditSettings = { trackChanges: false, identifyUser: false, changeReasons: false, location: false };
const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 9, 0, s)).toISOString();
const ms = (s: number) => Date.UTC(2026, 10, 30, 9, 0, s);

describe('the ODK audit log rows', () => {
  it('columns in ODK Collect order, each only when its parameter asks for it', () => {
    expect(auditColumns(NONE)).toEqual(['event', 'node', 'start', 'end']);
    expect(auditColumns({ trackChanges: true, identifyUser: true, changeReasons: true, location: true })).toEqual([
      'event', 'node', 'start', 'end', 'latitude', 'longitude', 'accuracy', 'old-value', 'new-value', 'user', 'change-reason',
    ]);
  });

  it('nodes are /data paths with the groups from the form and the instances from the answer path', () => {
    const paths = new Map([['a', '/a'], ['tuổi', '/G/hh/m/tuổi']]);
    expect(auditNode(paths, 'hh[2]/m[3]/tuổi')).toBe('/data/G/hh[2]/m[3]/tuổi');
    expect(auditNode(paths, 'a')).toBe('/data/a');
    // A path the form version does not have is written as it is, under /data.
    expect(auditNode(paths, 'gone')).toBe('/data/gone');
  });

  it('the recorded new value wins over the final answer; without track-changes no value columns', () => {
    const events: AuditSourceEvent[] = [
      { at: at(1), event: 'shown', path: 'a', detail: null },
      { at: at(2), event: 'answered', path: 'a', detail: { to: 'typed' } },
      { at: at(3), event: 'left', path: 'a', detail: null },
    ];
    const tracked = auditLogRows({ form: FORM, settings: { ...NONE, trackChanges: true }, events, answers: { a: 'final' }, user: 'DTV01' });
    expect(tracked).toEqual([['question', '/data/a', ms(1), ms(3), '', 'typed']]);
    expect(auditLogRows({ form: FORM, settings: NONE, events, answers: { a: 'final' }, user: 'DTV01' })).toEqual([['question', '/data/a', ms(1), ms(3)]]);
  });

  it('location columns are written empty; help and unknown events are left out; an open question has no end', () => {
    const events: AuditSourceEvent[] = [
      { at: at(0), event: 'created', path: null, detail: null },
      { at: at(1), event: 'help', path: 'a', detail: null },
      { at: at(2), event: 'teleported', path: 'a', detail: null },
      { at: at(3), event: 'shown', path: 'hh[1]/m[2]/tuổi', detail: null },
    ];
    expect(auditLogRows({ form: FORM, settings: { ...NONE, location: true, identifyUser: true }, events, answers: {}, user: 'DTV02' })).toEqual([
      ['form start', '', ms(0), null, null, null, null, 'DTV02'],
      ['question', '/data/G/hh[1]/m[2]/tuổi', ms(3), null, null, null, null, 'DTV02'],
    ]);
  });

  it('values as ODK writes them: lists space-separated, numbers as text, nothing as empty', () => {
    expect(auditValue(['1', '3'])).toBe('1 3');
    expect(auditValue(4.5)).toBe('4.5');
    expect(auditValue(null)).toBe('');
    expect(auditValue('text')).toBe('text');
  });
});
