// The record in memory: a tree of instances (the root, then one per repeat instance), each with
// one cell per node of its scope. Cells are allocated once per instance and updated in place.
import type { MissingKind } from '../../forms/model';
import type { TypeProblem } from './messages';
import type { FormPlan, Scope } from './plan';

/** Which check failed, if any (the first in the order type → required → constraint). */
export type ErrorKind = 'required' | 'constraint' | 'type' | null;

export interface Cell {
  /** The value as expressions see it (XForms string, '' = empty). */
  xs: string;
  /** Relevant, including inherited relevance. */
  rel: boolean;
  missing: MissingKind | null;
  err: ErrorKind;
  /** Detail of a Type error (or an expression that failed to evaluate). */
  problem: TypeProblem | null;
  problemDetail: string;
  readOnly: boolean;
  /** The default is applied once, the first time the cell is relevant. */
  pendingDefault: boolean;
  /** Choices left by the choice_filter (null = the whole list). */
  allowed: ReadonlySet<string> | null;
}

export interface Instance {
  scope: number;
  /** 1-based position among its siblings; 0 for the root. */
  index: number;
  parent: Instance | null;
  cells: Cell[];
  /** One list per child scope (Scope.children order). */
  repeats: Instance[][];
}

function newCell(): Cell {
  return { xs: '', rel: false, missing: null, err: null, problem: null, problemDetail: '', readOnly: false, pendingDefault: false, allowed: null };
}

export function createInstance(plan: FormPlan, scope: number, parent: Instance | null, index: number, initial: (node: number) => string): Instance {
  const s = plan.scopes[scope] as Scope;
  const cells: Cell[] = new Array(s.nodes.length);
  for (let slot = 0; slot < s.nodes.length; slot++) {
    const i = s.nodes[slot] as number;
    const c = newCell();
    const n = plan.nodes[i]?.node;
    if (n?.kind === 'question') {
      c.xs = initial(i);
      c.pendingDefault = n.default !== undefined && n.default !== '' && !n.calculation;
    }
    cells[slot] = c;
  }
  return { scope, index, parent, cells, repeats: s.children.map(() => []) };
}

/** The instance of `scope` enclosing `inst` (itself included); the scope must be an ancestor. */
export function ancestorAt(inst: Instance, scope: number): Instance {
  let a: Instance | null = inst;
  while (a !== null && a.scope !== scope) a = a.parent;
  if (a === null) throw new Error(`scope ${scope} does not enclose the instance`);
  return a;
}

/** Calls `visit` on every instance of `scope` under `anchor` (anchor's scope must enclose it). */
export function forEachInstance(plan: FormPlan, anchor: Instance, scope: number, visit: (inst: Instance) => void): void {
  if (anchor.scope === scope) {
    visit(anchor);
    return;
  }
  const chain = (plan.scopes[scope] as Scope).chain;
  const depth = (plan.scopes[anchor.scope] as Scope).depth;
  descend(plan, anchor, chain, depth + 1, visit);
}

function descend(plan: FormPlan, inst: Instance, chain: readonly number[], d: number, visit: (inst: Instance) => void): void {
  const next = chain[d] as number;
  const list = inst.repeats[plan.childPos[next] as number] as Instance[];
  const last = d === chain.length - 1;
  for (const child of list) {
    if (last) visit(child);
    else descend(plan, child, chain, d + 1, visit);
  }
}
