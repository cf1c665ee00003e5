// The XLSForm conformance suite: every case in conformance/*.md (markdown tables in the style of
// pyxform's tests) compiled, with the expected accept/reject, error and warning codes and model
// properties. See conformance/reader.ts for the format.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AnswerValue } from '../../../shared/contract/schemas';
import { checkAnswer } from '../../../shared/engine/answers';
import { compileForm, type FormModel, type FormNode, walkNodes } from '../../../shared/forms';
import { readCases } from './conformance/reader';

const dir = join(__dirname, 'conformance');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

function nodeOf(form: FormModel, name: string): FormNode | undefined {
  let found: FormNode | undefined;
  walkNodes(form.children, (n) => {
    if (n.name === name && !found) found = n;
  });
  return found;
}

function valueAt(form: FormModel, path: string): unknown {
  const [head, ...rest] = path.split('.');
  let v: unknown = head === 'form' ? form : nodeOf(form, head ?? '');
  for (const key of rest) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[key];
  return v;
}

const codes = (xs: readonly { code: string }[]): string[] => [...new Set(xs.map((x) => x.code))].sort();

test('the conformance suite has cases', () => {
  const total = files.reduce((n, f) => n + readCases(f, readFileSync(join(dir, f), 'utf8')).length, 0);
  expect(total).toBeGreaterThanOrEqual(150);
});

for (const file of files) {
  describe(file, () => {
    for (const c of readCases(file, readFileSync(join(dir, file), 'utf8'))) {
      test(`${c.title} (line ${c.line})`, () => {
        const files = c.files;
        const r = compileForm(c.workbook, files ? { attachment: (f) => files[f] ?? null } : {});
        const summary = JSON.stringify(r.ok ? { warnings: r.warnings } : { errors: r.errors, warnings: r.warnings }, null, 1);
        if (c.expect.ok) {
          expect(r.ok, summary).toBe(true);
        } else {
          expect(r.ok, summary).toBe(false);
          if (!r.ok) expect(codes(r.errors), summary).toEqual([...c.expect.errors].sort());
        }
        if (c.warnings) expect(codes(r.warnings), summary).toEqual([...c.warnings].sort());
        for (const check of c.checks) {
          if (!r.ok) throw new Error(`@ ${check.path}: the form did not compile`);
          expect(valueAt(r.form, check.path), `@ ${check.path}`).toEqual(check.value);
        }
        for (const a of c.answers) {
          if (!r.ok) throw new Error(`answer ${a.path}: the form did not compile`);
          const checked = checkAnswer(r.form, { path: a.path, value: a.value as AnswerValue, missing: null });
          expect('answer' in checked, `answer ${a.accepted ? 'ok' : 'refused'} ${a.path} = ${JSON.stringify(a.value)}: ${JSON.stringify(checked)}`).toBe(a.accepted);
          if ('issue' in checked) expect(checked.issue.path).toBe(a.path);
        }
      });
    }
  });
}
