// Evaluates a whole filled record at once (the CLI's `khaosat form run`): answers are loaded in
// form order so relevance is respected, and every name the form does not know is reported.
import { METADATA_TYPES, type FormModel, type FormNode, type QuestionNode } from '../../forms/model';
import { type Bilingual, noSuchQuestion, pick } from './messages';
import { createFormRuntime, type FormRuntime } from './runtime';
import { type AnswerValue, type RecordError, type RecordSnapshot, RuntimeInputError, type RuntimeOptions } from './types';

const METADATA: ReadonlySet<string> = new Set<string>(METADATA_TYPES);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asAnswerValue(v: unknown): AnswerValue | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))) return v.map(String);
  return undefined;
}

const BAD_VALUE: Bilingual = { vi: 'Giá trị không đúng kiểu (cần chuỗi, số, đúng/sai hoặc danh sách).', en: 'Value of the wrong kind (expected text, number, boolean or a list).' };
const NOT_A_LIST: Bilingual = { vi: 'Nhóm lặp cần một danh sách các đối tượng.', en: 'A repeat needs a list of objects.' };
const NOT_AN_OBJECT: Bilingual = { vi: 'Mỗi lần lặp cần là một đối tượng { tên: giá trị }.', en: 'Each repeat instance must be an object { name: value }.' };
const TOO_MANY: Bilingual = { vi: 'Nhiều lần lặp hơn số lần cho phép (repeat_count).', en: 'More instances than the repeat allows (repeat_count).' };

/**
 * Loads `answers` (`{ name: value }`, repeats as arrays of objects, missing codes as their codes)
 * into a runtime and returns its snapshot, with input problems reported as 'type' errors.
 */
export function evaluateRecord(form: FormModel, answers: Record<string, unknown>, opts: RuntimeOptions = {}): RecordSnapshot {
  const rt = createFormRuntime(form, opts);
  const inputErrors: RecordError[] = [];
  const realNames = new Set<string>();
  const collect = (ns: readonly FormNode[]): void => {
    for (const n of ns) {
      realNames.add(n.name);
      if (n.kind !== 'question') collect(n.children);
    }
  };
  collect(form.children);

  // Two passes: the second fills answers whose relevance depended on a later question.
  for (const report of [true, false]) {
    const fail = (name: string, path: string, m: Bilingual): void => {
      if (report) inputErrors.push({ name, path, kind: 'type', message: pick(m, rt.language) });
    };
    const deferred: (() => void)[] = [];
    const setOne = (rt: FormRuntime, q: QuestionNode, name: string, path: string, obj: Record<string, unknown>, used: Set<string>): void => {
      if (!Object.hasOwn(obj, name)) return;
      used.add(name);
      const value = asAnswerValue(obj[name]);
      if (value === undefined) return fail(name, path, BAD_VALUE);
      // Computed values are recomputed, not taken from the file.
      if (name === q.name && (q.calculation || q.type === 'calculate')) return;
      const apply = (): void => {
        try {
          rt.setAnswer(path, value);
        } catch (err) {
          if (err instanceof RuntimeInputError) fail(name, path, { vi: err.messageVi, en: err.message });
          else throw err;
        }
      };
      if (METADATA.has(q.type)) deferred.push(apply);
      else apply();
    };
    const load = (ns: readonly FormNode[], obj: Record<string, unknown>, prefix: string, used: Set<string>): void => {
      for (const n of ns) {
        if (n.kind === 'group') {
          load(n.children, obj, prefix, used);
          continue;
        }
        if (n.kind === 'question') {
          setOne(rt, n, n.name, prefix + n.name, obj, used);
          const other = `${n.name}_other`;
          if (n.orOther && !realNames.has(other)) setOne(rt, n, other, prefix + other, obj, used);
          continue;
        }
        if (!Object.hasOwn(obj, n.name)) continue;
        used.add(n.name);
        const path = prefix + n.name;
        const list = obj[n.name];
        if (!Array.isArray(list)) {
          fail(n.name, path, NOT_A_LIST);
          continue;
        }
        if (!n.repeatCount) {
          try {
            while (rt.repeatInstanceCount(path) < list.length) rt.addRepeatInstance(path);
          } catch (err) {
            if (err instanceof RuntimeInputError) fail(n.name, path, { vi: err.messageVi, en: err.message });
            else throw err;
          }
        }
        const have = rt.repeatInstanceCount(path);
        list.forEach((item, k) => {
          const at = `${path}[${k + 1}]`;
          if (k >= have) return fail(n.name, at, TOO_MANY);
          if (!isRecord(item)) return fail(n.name, at, NOT_AN_OBJECT);
          const inner = new Set<string>();
          load(n.children, item, `${at}/`, inner);
          for (const key of Object.keys(item)) if (!inner.has(key)) fail(key, `${at}/${key}`, noSuchQuestion(key));
        });
      }
    };
    const used = new Set<string>();
    load(form.children, answers, '', used);
    for (const apply of deferred) apply();
    for (const key of Object.keys(answers)) if (!used.has(key)) fail(key, key, noSuchQuestion(key));
  }

  const snap = rt.snapshot();
  const errors = [...inputErrors, ...snap.errors];
  return { ...snap, errors, complete: errors.length === 0 };
}
