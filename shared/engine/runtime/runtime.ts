// The form runtime: holds one interview's answers against a compiled form and keeps relevance,
// calculations, required/constraint/type errors and repeat instances up to date. After one
// answer only the cells that transitively depend on it are re-evaluated, in topological order.
import { evaluate, toBoolean, toNumber, toXString, type XValue } from '../expr';
import { numberToString } from '../expr/coerce';
import { parkMiller, shuffle } from '../expr/random';
import { floatingToDateString, isoLocalDateTime, localFloatingMs } from '../expr/dates';
import { NOT_ENTERED_TYPES, type Choice, type CompiledExpression, type FormModel, type QuestionNode, type QuestionType, type RepeatNode } from '../../forms/model';
import { typeProblem } from './checks';
import { RecordContext } from './context';
import { SecondaryInstances } from './instances';
import { PrimaryTree } from './primary';
import { localized } from './messages';
import { locate } from './paths';
import { buildPlan, closureOf, type FormPlan, type PlanNode, ROOT_SCOPE, type Scope } from './plan';
import { ancestorAt, type Cell, createInstance, forEachInstance, type Instance } from './record';
import { buildSnapshot, errorMessage, statusOf, typedValue } from './snapshot';
import {
  type AnswerValue,
  MAX_REPEAT_INSTANCES,
  type QuestionStatus,
  type RecordError,
  type RecordSnapshot,
  type RuntimeListener,
  type TypedAnswer,
  RuntimeInputError,
  type RuntimeOptions,
} from './types';

/** Types whose value the app or the form computes: never required, never type-checked. */
export const NOT_ENTERED: ReadonlySet<QuestionType> = NOT_ENTERED_TYPES;
const FREE_TEXT: ReadonlySet<QuestionType> = new Set<QuestionType>(['text', 'note', 'hidden', 'calculate']);

export interface RuntimeStats {
  /** Cell evaluations since creation (or the last reset): what the dependency graph saves. */
  evaluations: number;
  /** Evaluations of one node's cells (all instances). */
  evaluationsOf(name: string): number;
  reset(): void;
}

export interface FormRuntime {
  readonly form: FormModel;
  readonly language: string;
  setAnswer(path: string, value: AnswerValue | null): void;
  /** Records a coded don't know / refused / not applicable; `code` must be one of the question's missing codes. */
  setMissing(path: string, code: string): void;
  /** Adds an instance to an open-ended repeat (`roster`, or `hh[1]/members` when nested); returns its 1-based index. */
  addRepeatInstance(repeatPath: string): number;
  removeRepeatInstance(repeatPath: string, index: number): void;
  repeatInstanceCount(repeatPath: string): number;
  /** The value as expressions see it ('' = empty). */
  getValue(path: string): string;
  getStatus(path: string): QuestionStatus;
  isRelevant(path: string): boolean;
  isReadOnly(path: string): boolean;
  /** Choices to offer now: the list after its choice_filter, `other` for or_other, then missing codes. */
  availableChoices(path: string): Choice[];
  /**
   * The label of a question, group (`name`) or repeat instance (`roster[2]`) in `language` (else the
   * form's default language), with every `${name}` replaced by its current value as seen from there,
   * as ODK shows `<output>`: the stored value (a select's choice name; `jr:choice-name` in a calculate gives its label).
   */
  renderLabel(path: string, language?: string): string;
  /** The hint, like renderLabel. */
  renderHint(path: string, language?: string): string;
  snapshot(): RecordSnapshot;
  readonly stats: RuntimeStats;
  /** The answer typed for the screen: a number for integer/decimal/range, string[] for select_multiple/rank, true for an acknowledged question, else a string; with its missing kind. */
  getAnswer(path: string): TypedAnswer;
  /** The question's current error (required, constraint, type) with its message in `language`, or null. */
  getError(path: string, language?: string): RecordError | null;
  /** Whether a question, a group (`name`) or a repeat instance (`roster[2]`) is relevant now. */
  isNodeRelevant(path: string): boolean;
  /** Grows by one after every change that anyone could see (answers, relevance, errors, repeats). */
  readonly version: number;
  /** Grows when repeat instances are added or removed (the list of pages changes). */
  readonly structureVersion: number;
  /**
   * Calls `listener` after each change with the paths whose value, relevance, error, read-only
   * state or missing kind changed (groups by name, repeats by path). Returns the unsubscribe.
   */
  subscribe(listener: RuntimeListener): () => void;
  /** Runs `fn` (e.g. loading a stored record) and notifies listeners once, with every change it made. */
  batch(fn: () => void): void;
}

const REF_IN_TEXT = /\$\{([\p{L}_][\p{L}\p{M}\p{N}_.-]*)\}/gu;

/** Value of a calculation as stored: XPath string(), but NaN/Infinity (e.g. 0 div 0) become empty. */
function calculated(v: XValue): string {
  return typeof v === 'number' && !Number.isFinite(v) ? '' : toXString(v);
}

/** An answer as the XForms string expressions read: numbers in decimal, multiple choices space-separated. */
export function toStoredValue(q: QuestionNode, value: AnswerValue | null): string {
  if (value === null) return '';
  let s: string;
  if (Array.isArray(value)) s = value.join(' ');
  else if (typeof value === 'number') s = numberToString(value);
  else if (typeof value === 'boolean') s = q.type === 'acknowledge' ? (value ? 'OK' : '') : value ? 'true' : 'false';
  else s = value;
  return FREE_TEXT.has(q.type) ? s : s.trim();
}

/** ${last-saved#name}'s values: by question name, in record order (every instance's in a repeat). */
function lastSavedValues(plan: FormPlan, answers: RuntimeOptions['lastSaved']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of answers ?? []) {
    const name = a.path.slice(a.path.lastIndexOf('/') + 1);
    const i = plan.byName.get(name);
    const n = i === undefined ? undefined : plan.nodes[i]?.node;
    if (n?.kind !== 'question') continue;
    let list = out.get(name);
    if (!list) out.set(name, (list = []));
    list.push(toStoredValue(n, a.value));
  }
  return out;
}

export function createFormRuntime(form: FormModel, opts: RuntimeOptions = {}): FormRuntime {
  if (opts.plan && opts.plan.form !== form) throw new Error('createFormRuntime: the plan given was built for another form');
  const plan: FormPlan = opts.plan ?? buildPlan(form);
  const nodes = plan.nodes;
  const language = opts.language ?? form.defaultLanguage;
  const clock = opts.now ?? (() => new Date());
  const evalCounts = new Int32Array(nodes.length);
  const stats: RuntimeStats = {
    evaluations: 0,
    evaluationsOf: (name) => {
      const i = plan.byName.get(name);
      return i === undefined ? 0 : (evalCounts[i] as number);
    },
    reset: () => {
      stats.evaluations = 0;
      evalCounts.fill(0);
    },
  };
  // Change tracking for subscribers: (node index, instance) pairs flattened, flushed after each public change.
  const changedCells: (number | Instance)[] = [];
  const extraChanged: string[] = [];
  const listeners = new Set<RuntimeListener>();
  let version = 0;
  let structureVersion = 0;
  let batching = 0;
  // Pending re-evaluations: per node, the instances under which its cells must be re-evaluated.
  const dirty: Instance[][] = nodes.map(() => []);
  const endNodes = nodes.filter((pn) => pn.node.kind === 'question' && pn.node.type === 'end' && pn.scope === ROOT_SCOPE).map((pn) => pn.index);

  const initialValue = (i: number): string => {
    const n = (nodes[i] as PlanNode).node;
    if (n.kind !== 'question') return '';
    switch (n.type) {
      case 'start':
      case 'end':
        return isoLocalDateTime(clock());
      case 'today':
        return floatingToDateString(localFloatingMs(clock()));
      case 'deviceid':
        return opts.deviceId ?? '';
      case 'username':
        return opts.username ?? '';
      default:
        return '';
    }
  };
  const root = createInstance(plan, ROOT_SCOPE, null, 0, initialValue);
  const instanceId = opts.instanceId ?? '';
  const tree = new PrimaryTree(plan, root, () => (instanceId === '' ? '' : `uuid:${instanceId}`));
  const ctx = new RecordContext(plan, root, language, clock, tree, new SecondaryInstances(form, language), lastSavedValues(plan, opts.lastSaved));

  const noteFailure = (c: Cell, e: CompiledExpression, err: unknown): void => {
    c.problem = 'expression';
    const m = err as { message?: string; messageVi?: string };
    c.problemDetail = `${e.source}: ${(language === 'en' ? m.message : (m.messageVi ?? m.message)) ?? String(err)}`;
  };
  const evalBool = (e: CompiledExpression, c: Cell, fallback: boolean): boolean => {
    try {
      return toBoolean(evaluate(e.ast, ctx));
    } catch (err) {
      noteFailure(c, e, err);
      return fallback;
    }
  };

  /** `text` with each `${name}` replaced by its value as seen from `inst` (ODK's <output> in labels, hints and messages). */
  const interpolate = (text: string, inst: Instance, lang?: string): string => {
    if (text.includes('%(')) text = loopSubstitute(text, inst, lang ?? language);
    if (!text.includes('${')) return text;
    const [savedInst, savedCell, savedNode] = [ctx.inst, ctx.cell, ctx.node];
    ctx.inst = inst;
    ctx.cell = null;
    ctx.node = null;
    try {
      return text.replace(REF_IN_TEXT, (whole, name: string) => {
        try {
          return toXString(ctx.resolve(name));
        } catch {
          return whole;
        }
      });
    } finally {
      ctx.inst = savedInst;
      ctx.cell = savedCell;
      ctx.node = savedNode;
    }
  };

  /**
   * pyxform's `begin loop over L`: inside the instance for L's i-th choice, `%(name)s` is that
   * choice's name and `%(label)s` its label (pyxform substitutes them per language when it writes
   * one group per choice; here the loop is a repeat with one instance per choice, so the nearest
   * loop instance says which choice). Outside a loop the text is left as written.
   */
  const loopSubstitute = (text: string, inst: Instance, lang: string): string => {
    for (let at: Instance | null = inst; at; at = at.parent) {
      const repeat = plan.scopes[at.scope]?.repeat ?? -1;
      const node = repeat >= 0 ? plan.nodes[repeat]?.node : undefined;
      const list = node?.kind === 'repeat' && node.loopList !== undefined ? form.choiceLists[node.loopList] : undefined;
      if (!list) continue;
      const choice = list.choices[at.index - 1];
      if (!choice) return text;
      const label = localized(choice.labels, lang, form.defaultLanguage) ?? choice.name;
      return text.replace(/%\((label|name)\)s/g, (_, which: string) => (which === 'label' ? label : choice.name));
    }
    return text;
  };

  const renderText = (path: string, which: 'labels' | 'hints', lang: string | undefined): string => {
    const { node: pn, inst } = locate(plan, root, path, 'node');
    const text = localized(pn.node[which], lang ?? language, form.defaultLanguage) ?? '';
    return interpolate(text, inst, lang);
  };

  /**
   * `randomize=true`: ODK shuffles the choices with `randomize(…, seed)`. The seed is the `seed`
   * parameter (a number or `${name}`, read from `ctx.inst`); without one, a seed drawn once per
   * runtime, so the order stays put while the interview is open.
   */
  const sessionSeed = 1 + Math.floor(Math.random() * 2147483645);
  const seedOf = (q: QuestionNode): number => {
    const written = q.parameters['seed'];
    if (written === undefined) return sessionSeed;
    const ref = /^\$\{([^}]+)\}$/.exec(written.trim());
    let n: number;
    try {
      n = ref ? toNumber(ctx.resolve(ref[1] as string)) : Number(written);
    } catch {
      n = NaN;
    }
    return Number.isFinite(n) ? n : sessionSeed;
  };

  /**
   * The choices of a select: its list, or for `select_one ${q}` the distinct answers given to q
   * in the repeat as seen from `ctx.inst` (name and label are the answer, as ODK shows them).
   */
  const listOf = (q: QuestionNode): readonly Choice[] => {
    if (q.choicesFrom === undefined) return form.choiceLists[q.listName ?? '']?.choices ?? [];
    let v: XValue;
    try {
      v = ctx.resolve(q.choicesFrom);
    } catch {
      return [];
    }
    const values = typeof v === 'object' ? v.values : [toXString(v)];
    const out: Choice[] = [];
    const seen = new Set<string>();
    for (const raw of values) {
      const name = raw.trim();
      if (name === '' || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, labels: { [form.defaultLanguage]: name }, extra: {}, source: q.source });
    }
    return out;
  };

  const filterChoices = (q: QuestionNode, filter: CompiledExpression | undefined, c: Cell): Set<string> => {
    const out = new Set<string>();
    for (const ch of listOf(q)) {
      if (!filter) {
        out.add(ch.name);
        continue;
      }
      // A missing-code choice (DK, N/A) is always offered.
      if (ch.missing) {
        out.add(ch.name);
        continue;
      }
      ctx.choice = ch;
      try {
        if (toBoolean(evaluate(filter.ast, ctx))) out.add(ch.name);
      } catch (err) {
        noteFailure(c, filter, err);
      }
    }
    ctx.choice = null;
    if (q.orOther) out.add('other');
    return out;
  };

  const validate = (q: QuestionNode, c: Cell): void => {
    if (c.problem === 'expression') {
      c.err = 'constraint';
      return;
    }
    if (NOT_ENTERED.has(q.type)) return;
    if (c.xs === '') {
      const required = typeof q.required === 'boolean' ? q.required : evalBool(q.required, c, false);
      // A read-only question cannot be answered by the interviewer, so it cannot be missing either.
      if (required && !c.readOnly) c.err = 'required';
      // evalBool may have recorded a failure of the required expression itself.
      if ((c.problem as string | null) === 'expression') c.err = 'constraint';
      return;
    }
    if (c.missing !== null) return;
    const p = typeProblem(q, c.xs, c.allowed);
    if (p !== null) {
      c.err = 'type';
      c.problem = p;
      return;
    }
    if (q.constraint && !evalBool(q.constraint, c, false)) c.err = 'constraint';
  };

  /** Re-evaluates one cell; true when what other nodes read of it changed (value, or relevance of a group/repeat). */
  const evalCell = (i: number, inst: Instance): boolean => {
    evalCounts[i] = (evalCounts[i] as number) + 1;
    stats.evaluations++;
    const pn = nodes[i] as PlanNode;
    const c = inst.cells[pn.slot] as Cell;
    const seen0 = c.xs;
    const seen1 = c.rel;
    const seen2 = c.err;
    const seen3 = c.readOnly;
    const seen4 = c.missing;
    const seen5 = c.problem;
    const result = evalCellInner(pn, inst, c);
    if (c.xs !== seen0 || c.rel !== seen1 || c.err !== seen2 || c.readOnly !== seen3 || c.missing !== seen4 || c.problem !== seen5) changedCells.push(i, inst);
    return result;
  };

  const evalCellInner = (pn: PlanNode, inst: Instance, c: Cell): boolean => {
    const n = pn.node;
    ctx.inst = inst;
    ctx.cell = c;
    ctx.node = pn;
    c.problem = null;
    c.err = null;
    // The parent's cell is in the same instance, except for a repeat: its parent lives in the enclosing instance.
    let rel = true;
    if (pn.parent >= 0) {
      const holder = n.kind === 'repeat' ? (inst.parent as Instance) : inst;
      rel = (holder.cells[(nodes[pn.parent] as PlanNode).slot] as Cell).rel;
    }
    if (rel && n.relevant) rel = evalBool(n.relevant, c, true);
    if (n.kind !== 'question') {
      const changed = rel !== c.rel;
      c.rel = rel;
      return changed;
    }
    const before = c.xs;
    if (!rel) {
      // ODK: a question skipped by logic holds no value.
      c.rel = false;
      c.xs = '';
      c.missing = null;
      c.allowed = null;
      c.problem = null;
      return before !== '';
    }
    c.rel = true;
    if (c.pendingDefault) {
      c.pendingDefault = false;
      if (c.xs === '') c.xs = n.default ?? '';
    }
    if (n.calculation) {
      try {
        c.xs = calculated(evaluate(n.calculation.ast, ctx));
      } catch (err) {
        c.xs = '';
        noteFailure(c, n.calculation, err);
      }
    }
    c.readOnly = typeof n.readOnly === 'boolean' ? n.readOnly : evalBool(n.readOnly, c, false);
    c.allowed = n.choiceFilter || n.choicesFrom !== undefined ? filterChoices(n, n.choiceFilter, c) : (plan.choiceNames[pn.index] ?? null);
    c.missing = c.xs !== '' && n.missingCodes.includes(c.xs) ? (plan.missingKinds.get(c.xs) ?? 'dont_know') : null;
    ctx.cell = c;
    validate(n, c);
    return c.xs !== before;
  };

  const markDependents = (pn: PlanNode, inst: Instance): void => {
    const deps = pn.dependents;
    for (let k = 0; k < deps.length; k++) {
      const d = deps[k] as number;
      const common = pn.dependentCommon[k] as number;
      const anchor = (nodes[d] as PlanNode).wide ? root : inst.scope === common ? inst : ancestorAt(inst, common);
      const list = dirty[d] as Instance[];
      if (!list.includes(anchor)) list.push(anchor);
    }
  };

  /** Re-evaluates what depends on node i after its cell in `inst` changed. */
  const propagate = (i: number, inst: Instance): void => {
    const pn0 = nodes[i] as PlanNode;
    let structural = pn0.feedsCount;
    markDependents(pn0, inst);
    const order = closureOf(plan, i);
    for (let k = 0; k < order.length; k++) {
      const m = order[k] as number;
      const anchors = dirty[m] as Instance[];
      if (anchors.length === 0) continue;
      const pn = nodes[m] as PlanNode;
      for (let a = 0; a < anchors.length; a++) {
        const anchor = anchors[a] as Instance;
        if (anchor.scope === pn.scope) {
          if (evalCell(m, anchor)) {
            structural ||= pn.feedsCount;
            markDependents(pn, anchor);
          }
        } else {
          forEachInstance(plan, anchor, pn.scope, (x) => {
            if (evalCell(m, x)) {
              structural ||= pn.feedsCount;
              markDependents(pn, x);
            }
          });
        }
      }
      anchors.length = 0;
    }
    // Only a dependency cycle (reported by the compiler) can leave marks behind; drop them.
    for (let k = 0; k < order.length; k++) (dirty[order[k] as number] as Instance[]).length = 0;
    (dirty[i] as Instance[]).length = 0;
    if (structural) recomputeAll();
  };

  /** Sets repeat_count repeats to their count under `inst` (recursively); true if any instance was added or removed. */
  const syncCounts = (inst: Instance): boolean => {
    let changed = false;
    const s = plan.scopes[inst.scope] as Scope;
    s.children.forEach((childScope, pos) => {
      const list = inst.repeats[pos] as Instance[];
      const r = (plan.scopes[childScope] as Scope).repeat;
      const repeat = (nodes[r] as PlanNode).node as RepeatNode;
      if (repeat.repeatCount) {
        ctx.inst = inst;
        ctx.cell = null;
        ctx.node = null;
        let n: number;
        try {
          n = toNumber(evaluate(repeat.repeatCount.ast, ctx));
        } catch {
          n = 0;
        }
        const want = Number.isFinite(n) ? Math.max(0, Math.min(MAX_REPEAT_INSTANCES, Math.trunc(n))) : 0;
        if (list.length > want) {
          list.length = want;
          changed = true;
        }
        while (list.length < want) {
          list.push(createInstance(plan, childScope, inst, list.length + 1, initialValue));
          changed = true;
        }
      }
      for (const child of list) if (syncCounts(child)) changed = true;
    });
    if (changed) structureVersion++;
    return changed;
  };

  /** Evaluates every cell in topological order, then settles repeat counts (a new instance is evaluated on the next round). */
  const recomputeAll = (): void => {
    for (let round = 0; round < 20; round++) {
      for (const i of plan.topo) {
        const pn = nodes[i] as PlanNode;
        if (pn.scope === ROOT_SCOPE) evalCell(i, root);
        else forEachInstance(plan, root, pn.scope, (x) => void evalCell(i, x));
      }
      if (!syncCounts(root)) return;
    }
  };

  const assign = (i: number, inst: Instance, xs: string): void => {
    const c = inst.cells[(nodes[i] as PlanNode).slot] as Cell;
    const before = c.xs;
    c.xs = xs;
    // An explicit answer (even clearing one) replaces a default not yet applied.
    c.pendingDefault = false;
    evalCell(i, inst);
    if (c.xs !== before) {
      // evalCell compared against the value already assigned: report the answered cell here.
      changedCells.push(i, inst);
      propagate(i, inst);
    }
  };

  const touchEnd = (): void => {
    if (endNodes.length === 0) return;
    const stamp = isoLocalDateTime(clock());
    for (const i of endNodes) assign(i, root, stamp);
  };

  const questionAt = (path: string): { pn: PlanNode; q: QuestionNode; inst: Instance; cell: Cell } => {
    const { node: pn, inst } = locate(plan, root, path, 'question');
    return { pn, q: pn.node as QuestionNode, inst, cell: inst.cells[pn.slot] as Cell };
  };

  const repeatAt = (path: string): { pn: PlanNode; list: Instance[]; parent: Instance } => {
    const { node: pn, inst } = locate(plan, root, path, 'repeat');
    return { pn, list: inst.repeats[plan.childPos[pn.scope] as number] as Instance[], parent: inst };
  };

  /** `roster[2]/` for a cell of that instance (nested repeats joined), '' at the root. */
  const prefixOf = (inst: Instance): string => {
    let out = '';
    for (let x: Instance | null = inst; x !== null && x.parent !== null; x = x.parent) {
      const repeat = (nodes[(plan.scopes[x.scope] as Scope).repeat] as PlanNode).node.name;
      out = `${repeat}[${x.index}]/${out}`;
    }
    return out;
  };

  /** Ends one public change: bumps the version and tells subscribers which paths changed. */
  const flush = (): void => {
    if (batching > 0) return;
    if (changedCells.length === 0 && extraChanged.length === 0) return;
    version++;
    if (listeners.size === 0) {
      changedCells.length = 0;
      extraChanged.length = 0;
      return;
    }
    const paths = new Set<string>(extraChanged);
    for (let k = 0; k < changedCells.length; k += 2) {
      const pn = nodes[changedCells[k] as number] as PlanNode;
      const inst = changedCells[k + 1] as Instance;
      // A repeat's own cell lives in its instance: report the instance (`roster[2]`).
      paths.add(pn.node.kind === 'repeat' ? prefixOf(inst).slice(0, -1) : prefixOf(inst) + pn.node.name);
    }
    changedCells.length = 0;
    extraChanged.length = 0;
    const list = [...paths];
    for (const l of [...listeners]) l(list);
  };

  recomputeAll();
  changedCells.length = 0;

  return {
    form,
    language,
    stats,
    setAnswer(path, value) {
      const { pn, q, inst, cell } = questionAt(path);
      const xs = toStoredValue(q, value);
      if (cell.readOnly && cell.rel && xs !== cell.xs) {
        throw new RuntimeInputError('read_only', `Câu "${q.name}" chỉ đọc, không nhập được.`, `Question "${q.name}" is read-only.`);
      }
      assign(pn.index, inst, xs);
      // Setting `end` itself (loading a stored record) must not be overwritten by the clock.
      if (q.type !== 'end') touchEnd();
      flush();
    },
    setMissing(path, code) {
      const { pn, q, inst } = questionAt(path);
      if (!q.missingCodes.includes(code)) {
        throw new RuntimeInputError(
          'invalid_missing_code',
          `Câu "${q.name}" không nhận mã thiếu "${code}" (nhận: ${q.missingCodes.join(', ') || '—'}).`,
          `Question "${q.name}" does not accept missing code "${code}" (accepted: ${q.missingCodes.join(', ') || '—'}).`,
        );
      }
      assign(pn.index, inst, code);
      touchEnd();
      flush();
    },
    addRepeatInstance(repeatPath) {
      const { pn, list, parent } = repeatAt(repeatPath);
      const repeat = pn.node as RepeatNode;
      if (repeat.repeatCount) {
        throw new RuntimeInputError('fixed_repeat', `Nhóm lặp "${repeat.name}" có số lần cố định (repeat_count).`, `Repeat "${repeat.name}" has a fixed number of instances (repeat_count).`);
      }
      if (list.length >= MAX_REPEAT_INSTANCES) {
        throw new RuntimeInputError('too_many_instances', `Nhóm lặp "${repeat.name}" đã đủ ${MAX_REPEAT_INSTANCES} lần.`, `Repeat "${repeat.name}" already has ${MAX_REPEAT_INSTANCES} instances.`);
      }
      list.push(createInstance(plan, pn.scope, parent, list.length + 1, initialValue));
      structureVersion++;
      recomputeAll();
      touchEnd();
      extraChanged.push(repeatPath);
      flush();
      return list.length;
    },
    removeRepeatInstance(repeatPath, index) {
      const { pn, list } = repeatAt(repeatPath);
      const repeat = pn.node as RepeatNode;
      if (repeat.repeatCount) {
        throw new RuntimeInputError('fixed_repeat', `Nhóm lặp "${repeat.name}" có số lần cố định (repeat_count).`, `Repeat "${repeat.name}" has a fixed number of instances (repeat_count).`);
      }
      if (!Number.isInteger(index) || index < 1 || index > list.length) {
        throw new RuntimeInputError('no_such_instance', `Nhóm lặp "${repeat.name}" không có lần thứ ${index}.`, `Repeat "${repeat.name}" has no instance ${index}.`);
      }
      list.splice(index - 1, 1);
      list.forEach((x, k) => (x.index = k + 1));
      structureVersion++;
      recomputeAll();
      touchEnd();
      extraChanged.push(repeatPath);
      flush();
    },
    repeatInstanceCount(repeatPath) {
      return repeatAt(repeatPath).list.length;
    },
    getValue(path) {
      return questionAt(path).cell.xs;
    },
    getStatus(path) {
      const { cell } = questionAt(path);
      return !cell.rel ? 'skipped' : cell.missing !== null ? 'missing' : cell.xs !== '' ? 'answered' : 'unanswered';
    },
    isRelevant(path) {
      return questionAt(path).cell.rel;
    },
    isReadOnly(path) {
      return questionAt(path).cell.readOnly;
    },
    availableChoices(path) {
      const { q, cell, inst } = questionAt(path);
      const [savedInst, savedCell, savedNode] = [ctx.inst, ctx.cell, ctx.node];
      ctx.inst = inst;
      ctx.cell = null;
      ctx.node = null;
      let list = listOf(q);
      if (q.parameters['randomize']?.toLowerCase() === 'true') list = shuffle(list, parkMiller(seedOf(q)));
      [ctx.inst, ctx.cell, ctx.node] = [savedInst, savedCell, savedNode];
      const out = list.filter((ch) => cell.allowed === null || cell.allowed.has(ch.name));
      if (q.orOther && !list.some((ch) => ch.name === 'other')) {
        out.push({ name: 'other', labels: { vi: 'Khác', en: 'Other' }, extra: {}, source: q.source });
      }
      for (const code of q.missingCodes) {
        if (out.some((ch) => ch.name === code)) continue;
        const m = form.missingCodes.find((x) => x.code === code);
        if (m) out.push({ name: m.code, labels: m.labels, extra: {}, missing: m.kind, source: q.source });
      }
      return out;
    },
    renderLabel(path, lang) {
      return renderText(path, 'labels', lang);
    },
    renderHint(path, lang) {
      return renderText(path, 'hints', lang);
    },
    snapshot() {
      return buildSnapshot(plan, root, language, interpolate);
    },
    getAnswer(path) {
      const { q, cell } = questionAt(path);
      if (cell.xs === '') return { value: null, missing: null, status: statusOf(cell) };
      if (cell.missing !== null) return { value: cell.xs, missing: cell.missing, status: 'missing' };
      const value = q.type === 'acknowledge' ? cell.xs === 'OK' : (typedValue(q, cell) as TypedAnswer['value']);
      return { value, missing: null, status: statusOf(cell) };
    },
    getError(path, lang) {
      const { q, inst, cell } = questionAt(path);
      if (!cell.rel || cell.err === null) return null;
      return { name: q.name, path, kind: cell.err, message: errorMessage(plan, q, cell, lang ?? language, inst, interpolate) };
    },
    isNodeRelevant(path) {
      const { node: pn, inst } = locate(plan, root, path, 'node');
      return (inst.cells[pn.slot] as Cell).rel;
    },
    get version() {
      return version;
    },
    get structureVersion() {
      return structureVersion;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    batch(fn) {
      batching++;
      try {
        fn();
      } finally {
        batching--;
      }
      flush();
    },
  };
}
