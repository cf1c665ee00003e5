// Reads the record out of the runtime: relevant paths, typed values (repeats as arrays of
// objects), the four statuses, missing kinds and errors with messages in the runtime's language.
import { stringToNumber } from '../expr/coerce';
import type { QuestionNode, QuestionType } from '../../forms/model';
import { CONSTRAINT_MESSAGE, localized, pick, REQUIRED_MESSAGE, TYPE_MESSAGES } from './messages';
import type { FormPlan, PlanNode, Scope } from './plan';
import type { Cell, Instance } from './record';
import type { QuestionStatus, RecordError, RecordSnapshot } from './types';

const NUMERIC: ReadonlySet<QuestionType> = new Set<QuestionType>(['integer', 'decimal', 'range']);
const LISTS: ReadonlySet<QuestionType> = new Set<QuestionType>(['select_multiple', 'select_multiple_from_file', 'rank']);

export function statusOf(c: Cell): QuestionStatus {
  return !c.rel ? 'skipped' : c.missing !== null ? 'missing' : c.xs !== '' ? 'answered' : 'unanswered';
}

/** A stored value typed back: numbers for numeric types, arrays for select_multiple/rank, else the string. */
export function typedValue(q: QuestionNode, c: Cell): unknown {
  if (NUMERIC.has(q.type)) {
    const n = stringToNumber(c.xs);
    return Number.isFinite(n) ? n : c.xs;
  }
  if (LISTS.has(q.type) && c.missing === null) return c.xs.split(/\s+/).filter(Boolean);
  return c.xs;
}

/** Replaces each `${name}` of a form's text by its value as seen from the instance. */
export type Interpolate = (text: string, inst: Instance) => string;

/** The message of a cell's error in `language` (the form's own required/constraint message first). */
export function errorMessage(plan: FormPlan, q: QuestionNode, c: Cell, language: string, inst: Instance, interpolate: Interpolate): string {
  const dl = plan.form.defaultLanguage;
  const own = (text: string | undefined): string | undefined => (text === undefined ? undefined : interpolate(text, inst));
  if (c.err === 'required') return own(localized(q.requiredMessage, language, dl)) ?? pick(REQUIRED_MESSAGE, language);
  if (c.problem === 'expression') return `${pick(TYPE_MESSAGES.expression, language)} — ${c.problemDetail}`;
  if (c.err === 'constraint') return own(localized(q.constraintMessage, language, dl)) ?? pick(CONSTRAINT_MESSAGE, language);
  return pick(TYPE_MESSAGES[c.problem ?? 'choice'], language);
}

export function buildSnapshot(plan: FormPlan, root: Instance, language: string, interpolate: Interpolate): RecordSnapshot {
  const relevant: string[] = [];
  const statuses: RecordSnapshot['statuses'] = {};
  const missing: RecordSnapshot['missing'] = {};
  const errors: RecordError[] = [];

  const walk = (inst: Instance, prefix: string, out: Record<string, unknown>): void => {
    const s = plan.scopes[inst.scope] as Scope;
    for (const item of s.order) {
      if ('cell' in item) {
        const pn = plan.nodes[item.cell] as PlanNode;
        const q = pn.node as QuestionNode;
        const c = inst.cells[pn.slot] as Cell;
        const path = prefix + q.name;
        statuses[path] = statusOf(c);
        if (!c.rel) continue;
        relevant.push(path);
        if (c.xs !== '') out[q.name] = typedValue(q, c);
        if (c.missing !== null) missing[path] = c.missing;
        if (c.err !== null) errors.push({ name: q.name, path, kind: c.err, message: errorMessage(plan, q, c, language, inst, interpolate) });
      } else {
        const childScope = plan.scopes[s.children[item.repeat] as number] as Scope;
        const name = (plan.nodes[childScope.repeat] as PlanNode).node.name;
        const list = inst.repeats[item.repeat] as Instance[];
        if (list.length === 0) continue;
        out[name] = list.map((x) => {
          const o: Record<string, unknown> = {};
          walk(x, `${prefix}${name}[${x.index}]/`, o);
          return o;
        });
      }
    }
  };
  const values: Record<string, unknown> = {};
  walk(root, '', values);
  return { relevant, values, statuses, missing, errors, complete: errors.length === 0 };
}
