// The life-cycle table of docs/interviews.md, rendered from TRANSITIONS so the documentation
// cannot tell the life cycle another way (checked by test/shared/interviews/doc.test.ts).
import { TRANSITIONS } from './status';

export function renderTransitionTable(): string {
  const rows = TRANSITIONS.map(
    (t) => `| \`${t.action}\` | ${t.from} | ${t.to} | ${t.by} | ${t.newRevision ? 'yes' : 'no'} | \`${t.audit}\` |`,
  );
  return ['| action | from | to | by | new revision | audit action |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
