// Read-only walks over a parsed expression: what it depends on and what it calls, for the form
// compiler (unknown names and functions) and the runtime's dependency graph.

import type { Expr } from './ast';
import { QUOTED_REF } from './parser';

function visit(expr: Expr, onNode: (e: Expr) => void): void {
  onNode(expr);
  switch (expr.kind) {
    case 'neg':
      visit(expr.operand, onNode);
      return;
    case 'binary':
      visit(expr.left, onNode);
      visit(expr.right, onNode);
      return;
    case 'call':
      for (const a of expr.args) visit(a, onNode);
      return;
    default:
      return;
  }
}

/**
 * Names referenced as ${name}, in order of first appearance, deduplicated. The question named in
 * jr:choice-name(x, '${q}') counts too, so the compiler checks that it exists.
 */
export function referencedNames(expr: Expr): string[] {
  const seen = new Set<string>();
  visit(expr, (e) => {
    if (e.kind === 'ref') seen.add(e.name);
    else if (e.kind === 'call' && e.name === 'jr:choice-name') {
      const q = e.args[1];
      // Names in the first argument come first in the source, so add them before q.
      if (q?.kind === 'string') {
        const first = e.args[0];
        if (first) visit(first, (inner) => inner.kind === 'ref' && seen.add(inner.name));
        const m = QUOTED_REF.exec(q.value);
        if (m) seen.add(m[1] as string);
      }
    }
  });
  return [...seen];
}

/** Function names called, in order of first appearance, deduplicated (e.g. 'selected', 'jr:choice-name'). */
export function calledFunctions(expr: Expr): string[] {
  const seen = new Set<string>();
  visit(expr, (e) => {
    if (e.kind === 'call') seen.add(e.name);
  });
  return [...seen];
}
