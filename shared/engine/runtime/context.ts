// The EvalContext the expression engine reads answers through: ${name} from the current
// instance (siblings in the same repeat instance, node-sets from outside a repeat), '.',
// position(..), indexed-repeat(), jr:choice-name() and the injectable clock.
import { ExprEvalError, type EvalContext, type XValue } from '../expr';
import { CHOICE_COLUMN_REF_PREFIX, type Choice } from '../../forms/model';
import { localized } from './messages';
import { commonScope, isAncestorScope, type FormPlan, type PlanNode, ROOT_SCOPE } from './plan';
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

  constructor(
    private readonly plan: FormPlan,
    readonly root: Instance,
    private readonly language: string,
    private readonly clock: () => Date,
  ) {
    this.inst = root;
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
