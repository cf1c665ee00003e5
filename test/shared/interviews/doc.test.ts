// docs/interviews.md shows the life cycle exactly as shared/interviews/status.ts defines it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../../shared/contract/schemas';
import { MISSING_KINDS } from '../../../shared/forms/model';
import { renderTransitionTable } from '../../../shared/interviews/doc';
import { EDITABLE_STATUSES, transitionFor, TRANSITIONS } from '../../../shared/interviews/status';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/interviews.md'), 'utf8');

describe('interview life cycle', () => {
  it('docs/interviews.md holds the table rendered from TRANSITIONS, and names every outcome and missing kind', () => {
    expect(doc).toContain(renderTransitionTable());
    for (const o of OUTCOMES) expect(doc).toContain(`\`${o}\``);
    for (const k of MISSING_KINDS) expect(doc).toContain(`\`${k}\``);
  });

  it('only drafts are editable; reopening is the one transition that starts a new revision', () => {
    expect([...EDITABLE_STATUSES]).toEqual(['draft']);
    expect(TRANSITIONS.filter((t) => t.newRevision).map((t) => t.action)).toEqual(['reopen']);
    expect(transitionFor('reopen', 'completed')).toBeNull();
    expect(transitionFor('complete', 'draft')?.to).toBe('completed');
  });
});
