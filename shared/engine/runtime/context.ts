// The EvalContext the expression engine reads answers through: ${name} from the current
// instance (siblings in the same repeat instance, node-sets from outside a repeat), '.',
// position(..), indexed-repeat(), jr:choice-name() and the injectable clock.
import { ExprEvalError, type EvalContext, type XNode, type XValue } from '../expr';
import { CHOICE_COLUMN_REF_PREFIX, type Choice } from '../../forms/model';
import { localized } from './messages';
import type { SecondaryInstances } from './instances';
import { commonScope, isAncestorScope, type FormPlan, type PlanNode, ROOT_SCOPE, type Scope } from './plan';
import type { PrimaryTree } from './primary';
import { ancestorAt, type Cell, forEachInstance, type Instance } from './record';

const PREFIX_LENGTH = CHOICE_COLUMN_REF_PREFIX.length;

/** One mutable context per runtime, re-pointed before each evaluation instead of allocated. */
export class RecordContext implements EvalContext {
  /** Instance the evaluated node belongs to. */
  inst: Instance;
  /** Cell of the evaluated node ('.'); null when evaluating a repeat_count. */
  cell: Cell | null = null;
  /** The choice being filtered, while evaluating a choice_filter. */
  choice: Choice | null = null;
  /** The node being evaluated (null for a repeat_count or a label's ${name}): current() in paths. */
  node: PlanNode | null = null;

  constructor(
    private readonly plan: FormPlan,
    readonly root: Instance,
    private readonly language: string,
    private readonly clock: () => Date,
    private readonly tree: PrimaryTree,
    private readonly secondary: SecondaryInstances,
    /** ${last-saved#name}: values by question name, every instance's for a question in a repeat. */
    private readonly saved: ReadonlyMap<string, readonly string[]>,
  ) {
    this.inst = root;
  }

  contextNode(): XNode | null {
    if (this.node !== null) return this.tree.nodeAt(this.node, this.inst);
    return this.inst.parent === null ? this.tree.data : this.tree.instanceNode(this.inst);
  }

  documentRoot(): XNode {
    return this.tree.doc;
  }

  instance(id: string): XNode | null {
    return this.secondary.get(id);
  }

  itext(id: string): string {
    return this.secondary.itext(id);
  }

  nodesOf(name: string): readonly XNode[] {
    const i = this.plan.byName.get(name);
    if (i === undefined) throw new ExprEvalError(`\${${name}} is not a question of this form`, `\${${name}} không phải câu hỏi của phiếu`);
    const t = this.plan.nodes[i] as PlanNode;
    const scopes = this.plan.scopes;
    // A repeat's cell lives in its own scope; its instances hang under the enclosing one.
    const holder = t.node.kind === 'repeat' ? (scopes[t.scope] as Scope).parent : t.scope;
    const out: XNode[] = [];
    const anchor = isAncestorScope(scopes, holder, this.inst.scope)
      ? ancestorAt(this.inst, holder)
      : ancestorAt(this.inst, commonScope(scopes, holder, this.inst.scope));
    if (t.node.kind === 'repeat') {
      forEachInstance(this.plan, anchor, holder, (x) => {
        for (const r of x.repeats[this.plan.childPos[t.scope] as number] as Instance[]) out.push(this.tree.instanceNode(r));
      });
    } else {
      forEachInstance(this.plan, anchor, t.scope, (x) => out.push(this.tree.nodeAt(t, x)));
    }
    return out;
  }

  lastSaved(name: string): XValue {
    const values = this.saved.get(name);
    const i = this.plan.byName.get(name);
    if (i !== undefined && (this.plan.nodes[i] as PlanNode).scope === ROOT_SCOPE) return values?.[0] ?? '';
    return { kind: 'nodeset', values: values ? [...values] : [] };
  }

  indexedRepeatPath(field: string, levels: readonly (readonly [string, number])[]): XValue {
    let inst = this.root;
    for (const [repeat, index] of levels) {
      const r = this.plan.byName.get(repeat);
      const rn = r === undefined ? undefined : this.plan.nodes[r];
      const scope = rn === undefined ? undefined : (this.plan.scopes[rn.scope] as Scope);
      if (rn?.node.kind !== 'repeat' || scope === undefined || scope.parent !== inst.scope) {
        throw new ExprEvalError(`indexed-repeat(): \${${repeat}} is not a repeat directly inside the previous one`,
          `indexed-repeat(): \${${repeat}} không phải nhóm lặp nằm ngay trong nhóm lặp trước`);
      }
      const next = (inst.repeats[this.plan.childPos[rn.scope] as number] as Instance[])[index - 1];
      if (!next) return '';
      inst = next;
    }
    const f = this.plan.byName.get(field);
    if (f === undefined) throw new ExprEvalError(`\${${field}} is not a question of this form`, `\${${field}} không phải câu hỏi của phiếu`);
    return this.valueFrom(inst, this.plan.nodes[f] as PlanNode);
  }

  resolve(name: string): XValue {
    const i = this.plan.byName.get(name);
    if (i === undefined) {
      if (this.choice !== null && name.startsWith(CHOICE_COLUMN_REF_PREFIX)) return this.choiceColumn(name.slice(PREFIX_LENGTH));
      throw new ExprEvalError(`\${${name}} is not a question of this form`, `\${${name}} không phải câu hỏi của phiếu`);
    }
    return this.valueFrom(this.inst, this.plan.nodes[i] as PlanNode);
  }

  private valueFrom(inst: Instance, t: PlanNode): XValue {
    const scopes = this.plan.scopes;
    if (t.scope === inst.scope) return (inst.cells[t.slot] as Cell).xs;
    if (t.scope === ROOT_SCOPE) return (this.root.cells[t.slot] as Cell).xs;
    if (isAncestorScope(scopes, t.scope, inst.scope)) return (ancestorAt(inst, t.scope).cells[t.slot] as Cell).xs;
    // A field inside a repeat seen from outside it: every instance's value.
    const anchor = ancestorAt(inst, commonScope(scopes, t.scope, inst.scope));
    const values: string[] = [];
    forEachInstance(this.plan, anchor, t.scope, (x) => values.push((x.cells[t.slot] as Cell).xs));
    return { kind: 'nodeset', values };
  }

  private choiceColumn(column: string): string {
    const c = this.choice as Choice;
    if (column === 'name') return c.name;
    if (column === 'label') return localized(c.labels, this.language, this.plan.form.defaultLanguage) ?? '';
    return c.extra[column] ?? '';
  }

  current(): XValue {
    return this.cell === null ? '' : this.cell.xs;
  }

  position(): number {
    if (this.inst.index === 0) throw new ExprEvalError('position(..) is only meaningful inside a repeat', 'position(..) chỉ dùng được bên trong nhóm lặp');
    return this.inst.index;
  }

  indexedRepeat(field: string, repeat: string, index: number): XValue {
    const f = this.plan.byName.get(field);
    const r = this.plan.byName.get(repeat);
    const rn = r === undefined ? undefined : this.plan.nodes[r];
    if (f === undefined || rn === undefined || rn.node.kind !== 'repeat') {
      throw new ExprEvalError(`indexed-repeat(): \${${repeat}} is not a repeat`, `indexed-repeat(): \${${repeat}} không phải nhóm lặp`);
    }
    const scopes = this.plan.scopes;
    // The instances counted are those of the repeat under the parent instance enclosing us.
    const outer = (scopes[rn.scope] as { parent: number }).parent;
    const anchor = ancestorAt(this.inst, commonScope(scopes, outer, this.inst.scope));
    let n = 0;
    let found: Instance | undefined;
    forEachInstance(this.plan, anchor, rn.scope, (x) => {
      if (++n === index) found = x;
    });
    return found === undefined ? '' : this.valueFrom(found, this.plan.nodes[f] as PlanNode);
  }

  choiceName(value: string, questionName: string): string {
    const i = this.plan.byName.get(questionName);
    const q = i === undefined ? undefined : this.plan.nodes[i]?.node;
    if (q?.kind !== 'question' || !q.listName) return '';
    const c = this.plan.form.choiceLists[q.listName]?.choices.find((x) => x.name === value);
    return c ? (localized(c.labels, this.language, this.plan.form.defaultLanguage) ?? '') : '';
  }

  now(): Date {
    return this.clock();
  }
}
