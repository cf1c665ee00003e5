// ${last-saved#name}: which questions a form reads from the surveyor's previous interview, so the
// main process sends only those answers, and how a runtime is given them (RuntimeOptions.lastSaved).
import { lastSavedNames } from '../expr';
import { walkNodes, type CompiledExpression, type FormModel } from '../../forms/model';
import type { AnswerValue } from './types';

/** Names written `${last-saved#name}` anywhere in the form, deduplicated. */
export function lastSavedNamesOf(form: FormModel): Set<string> {
  const out = new Set<string>();
  const add = (e: CompiledExpression | boolean | undefined): void => {
    if (e && typeof e === 'object') for (const n of lastSavedNames(e.ast)) out.add(n);
  };
  add(form.instanceName);
  walkNodes(form.children, (n) => {
    add(n.relevant);
    if (n.kind === 'repeat') add(n.repeatCount);
    if (n.kind !== 'question') return;
    add(n.required);
    add(n.constraint);
    add(n.calculation);
    add(n.choiceFilter);
    add(n.readOnly);
  });
  return out;
}

/** The answers `${last-saved#…}` reads, from a previous interview's stored answers (repeat instances in order). */
export function lastSavedAnswers(form: FormModel, answers: readonly { path: string; value: AnswerValue }[]): { path: string; value: AnswerValue }[] {
  const names = lastSavedNamesOf(form);
  const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  // `r[10]` after `r[9]`: compare instance numbers, not text.
  const key = (path: string) => path.replace(/\[(\d+)\]/g, (_m, d: string) => `[${d.padStart(6, '0')}]`);
  return answers
    .filter((a) => names.has(nameOf(a.path)))
    .map((a) => ({ path: a.path, value: a.value }))
    .sort((a, b) => (key(a.path) < key(b.path) ? -1 : key(a.path) > key(b.path) ? 1 : 0));
}
