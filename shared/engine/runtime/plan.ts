// Flattens a FormModel once into arrays keyed by node index: where each node's cell is stored
// (its scope), its parent, and the dependency graph in topological order, so that after one
// answer the runtime re-evaluates only what depends on it.
import { parseExpression, pathNames, referencedNames, usesPaths, type Expr } from '../expr';
import type { CompiledExpression, FormModel, FormNode, GroupNode, MissingKind, QuestionNode, RepeatNode } from '../../forms/model';

/** Scope 0 is the root instance; every repeat gets its own scope, holding its instances' cells. */
export const ROOT_SCOPE = 0;

export interface PlanNode {
  index: number;
  node: FormNode;
  /** Index of the enclosing group/repeat node, -1 at top level. Its cell is in the same instance, except for a repeat (in the enclosing one). */
  parent: number;
  /** Scope whose instances hold this node's cell (a repeat is its own scope). */
  scope: number;
  /** Position of the cell within an instance of `scope`. */
  slot: number;
  /** Topological rank: every node comes after all nodes it reads. */
  rank: number;
  /** Nodes reading this one (by ref or by inheriting its relevance), and the scope they share. */
  dependents: number[];
  dependentCommon: number[];
  /** A repeat_count reads this node: a change may add or remove instances. */
  feedsCount: boolean;
  /** Uses indexed-repeat() or an XPath path: may read other instances than its own, so any change re-evaluates all its instances. */
  wide: boolean;
  /** Synthesised `<name>_other` of an or_other select. */
  synthetic: boolean;
}

export interface Scope {
  id: number;
  /** Repeat node index, -1 for the root. */
  repeat: number;
  parent: number;
  depth: number;
  /** Scope ids from the root down to this one. */
  chain: number[];
  /** Node indices by slot. */
  nodes: number[];
  /** Child scopes (repeats directly inside), in form order; an instance keeps one list per entry. */
  children: number[];
  /** Form order of this scope's content: a node (its cell) or a child repeat (position in `children`). */
  order: ({ cell: number } | { repeat: number })[];
}

export interface FormPlan {
  form: FormModel;
  nodes: PlanNode[];
  scopes: Scope[];
  byName: Map<string, number>;
  /** Node indices in topological order. */
  topo: number[];
  /** Per question: the names its list accepts without a filter (plus `other` for or_other). */
  choiceNames: (ReadonlySet<string> | null)[];
  /** Missing code → kind, for the whole form. */
  missingKinds: Map<string, MissingKind>;
  /** Position of a child scope in its parent scope's `children`. */
  childPos: number[];
  /** Nodes transitively depending on a node, in topological order (filled lazily). */
  closure: (number[] | undefined)[];
}

function compiled(source: string): CompiledExpression {
  const ast = parseExpression(source);
  return { source, ast, refs: [...new Set(referencedNames(ast))] };
}

function usesIndexedRepeat(e: Expr): boolean {
  switch (e.kind) {
    case 'call':
      return e.name === 'indexed-repeat' || e.args.some(usesIndexedRepeat);
    case 'binary':
      return usesIndexedRepeat(e.left) || usesIndexedRepeat(e.right);
    case 'neg':
      return usesIndexedRepeat(e.operand);
    default:
      return false;
  }
}

/** Every expression a node evaluates when its cell is evaluated (repeat_count is evaluated by the parent instance). */
export function nodeExpressions(n: FormNode): CompiledExpression[] {
  const out: CompiledExpression[] = [];
  if (n.relevant) out.push(n.relevant);
  if (n.kind === 'question') {
    if (typeof n.required === 'object') out.push(n.required);
    if (n.constraint) out.push(n.constraint);
    if (n.calculation) out.push(n.calculation);
    if (n.choiceFilter) out.push(n.choiceFilter);
    if (typeof n.readOnly === 'object') out.push(n.readOnly);
  }
  return out;
}

/** The `<name>_other` text pyxform adds after an or_other select: relevant when `other` is chosen, then required. */
export function otherQuestion(q: QuestionNode): QuestionNode {
  const name = `${q.name}_other`;
  return {
    kind: 'question',
    type: 'text',
    name,
    path: `${q.path}_other`,
    labels: { vi: 'Khác (ghi rõ)', en: 'Other (specify)' },
    hints: {},
    relevant: compiled(`selected(\${${q.name}}, 'other')`),
    source: q.source,
    required: true,
    requiredMessage: {},
    constraintMessage: {},
    readOnly: false,
    orOther: false,
    parameters: {},
    missingCodes: [],
  };
}

export function buildPlan(form: FormModel): FormPlan {
  const nodes: PlanNode[] = [];
  const scopes: Scope[] = [{ id: ROOT_SCOPE, repeat: -1, parent: -1, depth: 0, chain: [ROOT_SCOPE], nodes: [], children: [], order: [] }];
  const byName = new Map<string, number>();
  const childPos: number[] = [0];
  const taken = new Set<string>();
  const walkNames = (ns: readonly FormNode[]): void => {
    for (const n of ns) {
      taken.add(n.name);
      if (n.kind !== 'question') walkNames(n.children);
    }
  };
  walkNames(form.children);

  const add = (node: FormNode, parent: number, scope: number, synthetic: boolean): number => {
    const index = nodes.length;
    let own = scope;
    if (node.kind === 'repeat') {
      const parentScope = scopes[scope] as Scope;
      own = scopes.length;
      childPos.push(parentScope.children.length);
      parentScope.children.push(own);
      parentScope.order.push({ repeat: childPos[own] as number });
      scopes.push({ id: own, repeat: index, parent: scope, depth: parentScope.depth + 1, chain: [...parentScope.chain, own], nodes: [], children: [], order: [] });
    }
    const s = scopes[own] as Scope;
    nodes.push({ index, node, parent, scope: own, slot: s.nodes.length, rank: 0, dependents: [], dependentCommon: [], feedsCount: false, wide: false, synthetic });
    s.nodes.push(index);
    if (node.kind === 'question') s.order.push({ cell: index });
    if (!byName.has(node.name)) byName.set(node.name, index);
    return index;
  };
  const visit = (ns: readonly FormNode[], parent: number, scope: number): void => {
    for (const n of ns) {
      const i = add(n, parent, scope, false);
      if (n.kind === 'question') {
        if (n.orOther && !taken.has(`${n.name}_other`)) add(otherQuestion(n), parent, scope, true);
      } else {
        visit((n as GroupNode | RepeatNode).children, i, (nodes[i] as PlanNode).scope);
      }
    }
  };
  visit(form.children, -1, ROOT_SCOPE);

  // Edges: reader depends on what it reads, a child on its parent's relevance.
  const reads: number[][] = nodes.map(() => []);
  for (const pn of nodes) {
    const n = pn.node;
    for (const e of nodeExpressions(n)) {
      if (usesIndexedRepeat(e.ast) || usesPaths(e.ast)) pn.wide = true;
      // Paths name elements, not ${questions}: every name they step through is a possible input.
      const names = usesPaths(e.ast) ? [...e.refs, ...pathNames(e.ast)] : e.refs;
      for (const ref of names) {
        const j = byName.get(ref);
        if (j !== undefined && j !== pn.index && !(reads[pn.index] as number[]).includes(j)) (reads[pn.index] as number[]).push(j);
      }
    }
    // select_one ${q}: the choices are q's answers, so the select is re-checked when they change.
    if (n.kind === 'question' && n.choicesFrom !== undefined) {
      const j = byName.get(n.choicesFrom);
      if (j !== undefined && j !== pn.index && !(reads[pn.index] as number[]).includes(j)) (reads[pn.index] as number[]).push(j);
    }
    if (pn.parent >= 0 && !(reads[pn.index] as number[]).includes(pn.parent)) (reads[pn.index] as number[]).push(pn.parent);
    if (n.kind === 'repeat' && n.repeatCount) {
      for (const ref of [...n.repeatCount.refs, ...pathNames(n.repeatCount.ast)]) {
        const j = byName.get(ref);
        if (j !== undefined) (nodes[j] as PlanNode).feedsCount = true;
      }
    }
  }
  for (const pn of nodes) {
    for (const j of reads[pn.index] as number[]) {
      const src = nodes[j] as PlanNode;
      src.dependents.push(pn.index);
      src.dependentCommon.push(commonScope(scopes, src.scope, pn.scope));
    }
  }

  // Kahn's algorithm in form order; nodes left in a cycle (the compiler reports those) go last.
  const indegree = nodes.map((pn) => (reads[pn.index] as number[]).length);
  const topo: number[] = [];
  const queue: number[] = [];
  for (const pn of nodes) if (indegree[pn.index] === 0) queue.push(pn.index);
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q] as number;
    topo.push(i);
    for (const d of (nodes[i] as PlanNode).dependents) {
      indegree[d] = (indegree[d] as number) - 1;
      if (indegree[d] === 0) queue.push(d);
    }
  }
  if (topo.length < nodes.length) {
    const placed = new Set(topo);
    for (const pn of nodes) if (!placed.has(pn.index)) topo.push(pn.index);
  }
  topo.forEach((i, rank) => ((nodes[i] as PlanNode).rank = rank));

  const choiceNames: (ReadonlySet<string> | null)[] = nodes.map((pn) => {
    const n = pn.node;
    if (n.kind !== 'question' || !n.listName) return null;
    const names = new Set((form.choiceLists[n.listName]?.choices ?? []).map((c) => c.name));
    if (n.orOther) names.add('other');
    return names;
  });
  const missingKinds = new Map(form.missingCodes.map((m) => [m.code, m.kind] as const));
  return { form, nodes, scopes, byName, topo, choiceNames, missingKinds, childPos, closure: [] };
}

/** The deepest scope containing both (ancestor-or-self of each). */
export function commonScope(scopes: readonly Scope[], a: number, b: number): number {
  const ca = (scopes[a] as Scope).chain;
  const cb = (scopes[b] as Scope).chain;
  let i = 0;
  while (i + 1 < ca.length && i + 1 < cb.length && ca[i + 1] === cb[i + 1]) i++;
  return ca[i] as number;
}

/** Whether scope `a` is `b` or encloses it. */
export function isAncestorScope(scopes: readonly Scope[], a: number, b: number): boolean {
  const sa = scopes[a] as Scope;
  return (scopes[b] as Scope).chain[sa.depth] === a;
}

/** Every node transitively depending on `i`, in topological order; computed once per node. */
export function closureOf(plan: FormPlan, i: number): number[] {
  const cached = plan.closure[i];
  if (cached) return cached;
  const seen = new Set<number>();
  const stack = [...(plan.nodes[i] as PlanNode).dependents];
  while (stack.length > 0) {
    const d = stack.pop() as number;
    if (seen.has(d) || d === i) continue;
    seen.add(d);
    for (const e of (plan.nodes[d] as PlanNode).dependents) if (!seen.has(e)) stack.push(e);
  }
  const out = [...seen].sort((x, y) => (plan.nodes[x] as PlanNode).rank - (plan.nodes[y] as PlanNode).rank);
  plan.closure[i] = out;
  return out;
}
