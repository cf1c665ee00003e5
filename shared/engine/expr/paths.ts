// Location paths over instance trees: `/data/g/q`, `../q`, bare names (relative to the context
// node), `instance('list')/root/item[name = ${x}]/label`, `current()/../q`, predicates with
// position(), and unions. Only the child, self and parent axes exist (ODK XForms, "XPath Axes").

import type { Expr, Step } from './ast';
import { toBoolean } from './coerce';
import { ExprEvalError } from './errors';
import { isNodeSet, type EvalContext, type XNode, type XNodeSet, type XValue } from './values';

export type Evaluate = (expr: Expr, ctx: EvalContext) => XValue;

/**
 * The context inside a predicate: `.` and relative paths start from the node being tested,
 * position() is its proximity position; everything else (${name}, current(), instance(), the
 * clock) is the enclosing expression's.
 */
class PredicateContext implements EvalContext {
  node: XNode;
  index = 1;
  size = 1;

  constructor(readonly base: EvalContext, node: XNode) {
    this.node = node;
  }

  resolve(name: string): XValue {
    return this.base.resolve(name);
  }
  current(): XValue {
    return this.node.value();
  }
  /** position(..) inside a predicate: the position of the tested node's parent. */
  position(): number {
    return this.node.parent()?.position() ?? NaN;
  }
  /** position() without an argument inside a predicate. */
  proximity(): number {
    return this.index;
  }
  indexedRepeat(field: string, repeat: string, index: number): XValue {
    return this.base.indexedRepeat(field, repeat, index);
  }
  choiceName(value: string, questionName: string): string {
    return this.base.choiceName(value, questionName);
  }
  now(): Date {
    return this.base.now();
  }
  contextNode(): XNode | null {
    return this.node;
  }
  /** current() is always the question's node, however deep the predicates nest. */
  originNode(): XNode | null {
    return originOf(this.base);
  }
  documentRoot(): XNode | null {
    return this.base.documentRoot?.() ?? null;
  }
  instance(id: string): XNode | null {
    return this.base.instance?.(id) ?? null;
  }
  nodesOf(name: string): readonly XNode[] {
    return this.base.nodesOf?.(name) ?? [];
  }
  lastSaved(name: string): XValue {
    return this.base.lastSaved?.(name) ?? '';
  }
  itext(id: string): string {
    return this.base.itext?.(id) ?? '';
  }
  indexedRepeatPath(field: string, levels: readonly (readonly [string, number])[]): XValue {
    if (!this.base.indexedRepeatPath) throw new ExprEvalError('indexed-repeat() with nested repeats needs a form');
    return this.base.indexedRepeatPath(field, levels);
  }
}

/** The node current() names: the question being evaluated, even inside predicates. */
export function originOf(ctx: EvalContext): XNode | null {
  if (ctx instanceof PredicateContext) return ctx.originNode();
  return ctx.contextNode?.() ?? null;
}

/** position() without an argument: the proximity position inside a predicate, else 1. */
export function proximityOf(ctx: EvalContext): number {
  return ctx instanceof PredicateContext ? ctx.proximity() : 1;
}

export function nodeSetOf(nodes: readonly XNode[]): XNodeSet {
  const values = new Array<string>(nodes.length);
  for (let i = 0; i < nodes.length; i++) values[i] = (nodes[i] as XNode).value();
  return { kind: 'nodeset', values, nodes, blankWhenEmpty: true };
}

/** The elements of a value used where a node-set is needed (a path's start, union, position()). */
function nodesOfValue(v: XValue, what: string): readonly XNode[] {
  if (isNodeSet(v)) {
    if (v.nodes) return v.nodes;
    if (v.values.length === 0) return [];
  }
  throw new ExprEvalError(`${what} needs a node-set (a path or instance(…)), not a value`,
    `${what} cần một tập nút (đường dẫn hoặc instance(…)), không phải một giá trị`);
}

function filter(nodes: readonly XNode[], predicates: readonly Expr[], ctx: EvalContext, ev: Evaluate): readonly XNode[] {
  let out = nodes;
  for (const p of predicates) {
    if (out.length === 0) return out;
    const pc = new PredicateContext(ctx, out[0] as XNode);
    pc.size = out.length;
    const kept: XNode[] = [];
    for (let i = 0; i < out.length; i++) {
      pc.node = out[i] as XNode;
      pc.index = i + 1;
      const v = ev(p, pc);
      // A number selects by position ([2]); anything else is tested as a boolean.
      const keep = typeof v === 'number' ? v === i + 1 : toBoolean(v);
      if (keep) kept.push(out[i] as XNode);
    }
    out = kept;
  }
  return out;
}

function applyStep(nodes: readonly XNode[], step: Step, ctx: EvalContext, ev: Evaluate): readonly XNode[] {
  const out: XNode[] = [];
  const seen = new Set<XNode>();
  for (const n of nodes) {
    let selected: readonly XNode[];
    if (step.axis === 'self') selected = [n];
    else if (step.axis === 'parent') {
      const p = n.parent();
      selected = p ? [p] : [];
    } else {
      const children = step.axis === 'attribute' ? (n.attributes?.() ?? []) : n.children();
      selected = step.name === '*' ? children : children.filter((c) => c.name === step.name);
    }
    // Predicates count positions within each context node's selection (XPath 1.0).
    if (step.predicates.length > 0) selected = filter(selected, step.predicates, ctx, ev);
    for (const s of selected) {
      if (seen.has(s)) continue;
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}

export function evaluatePath(e: Extract<Expr, { kind: 'path' }>, ctx: EvalContext, ev: Evaluate): XNodeSet {
  let nodes: readonly XNode[];
  const start = e.start;
  if (start.kind === 'root') {
    const root = ctx.documentRoot?.() ?? null;
    nodes = root ? [root] : [];
  } else if (start.kind === 'context') {
    const node = ctx.contextNode?.() ?? null;
    nodes = node ? [node] : [];
  } else {
    const base = start.expr;
    nodes = base.kind === 'ref' ? (ctx.nodesOf?.(base.name) ?? []) : nodesOfValue(ev(base, ctx), 'A path');
    if (start.predicates.length > 0) nodes = filter(nodes, start.predicates, ctx, ev);
  }
  for (const step of e.steps) {
    if (nodes.length === 0) break;
    nodes = applyStep(nodes, step, ctx, ev);
  }
  return nodeSetOf(nodes);
}

export function evaluateUnion(e: Extract<Expr, { kind: 'union' }>, ctx: EvalContext, ev: Evaluate): XNodeSet {
  const left = nodesOfValue(ev(e.left, ctx), "'|'");
  const right = nodesOfValue(ev(e.right, ctx), "'|'");
  const seen = new Set(left);
  return nodeSetOf([...left, ...right.filter((n) => !seen.has(n))]);
}

/** position(node): the first node's position among its same-named siblings (a repeat instance's index). */
export function positionOf(v: XValue): number {
  if (isNodeSet(v) && v.nodes && v.nodes.length > 0) return (v.nodes[0] as XNode).position();
  throw new ExprEvalError('position() needs a node, e.g. position(..)', 'position() cần một nút, ví dụ position(..)');
}
