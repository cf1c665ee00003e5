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
    case 'union':
      visit(expr.left, onNode);
      visit(expr.right, onNode);
      return;
    case 'path':
      if (expr.start.kind === 'expr') {
        visit(expr.start.expr, onNode);
        for (const p of expr.start.predicates) visit(p, onNode);
      }
      for (const s of expr.steps) for (const p of s.predicates) visit(p, onNode);
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

/** Names written `${last-saved#name}`, deduplicated: the compiler checks they name questions. */
export function lastSavedNames(expr: Expr): string[] {
  const seen = new Set<string>();
  visit(expr, (e) => {
    if (e.kind === 'lastSaved') seen.add(e.name);
  });
  return [...seen];
}

/** Whether the expression contains a location path or union (it may read any node of the record). */
export function usesPaths(expr: Expr): boolean {
  let found = false;
  visit(expr, (e) => {
    if (e.kind === 'path' || e.kind === 'union') found = true;
  });
  return found;
}

/**
 * Element names a path may read in the primary instance (`/data/g/q`, `../q`, `current()/../q`,
 * a bare `q`), for the runtime's dependency graph. Paths into `instance('…')` read a static
 * secondary instance: their steps and the bare names of their predicates are not the record's,
 * but `current()/…` and `/data/…` paths inside those predicates are.
 */
export function pathNames(expr: Expr): string[] {
  const seen = new Set<string>();
  const collect = (e: Expr, inSecondary: boolean): void => {
    switch (e.kind) {
      case 'path': {
        const start = e.start;
        let secondary = inSecondary;
        if (start.kind === 'root') secondary = false;
        else if (start.kind === 'expr') {
          const base = start.expr;
          secondary = base.kind === 'call' && base.name === 'instance';
          if (base.kind === 'call' && base.name === 'current') secondary = false;
          collect(base, inSecondary);
          for (const p of start.predicates) collect(p, secondary);
        }
        for (const s of e.steps) {
          if (!secondary && s.axis === 'child' && s.name !== '*') seen.add(s.name);
          for (const p of s.predicates) collect(p, secondary);
        }
        return;
      }
      case 'neg':
        collect(e.operand, inSecondary);
        return;
      case 'binary':
      case 'union':
        collect(e.left, inSecondary);
        collect(e.right, inSecondary);
        return;
      case 'call':
        for (const a of e.args) collect(a, inSecondary);
        return;
      default:
        return;
    }
  };
  collect(expr, false);
  return [...seen];
}
