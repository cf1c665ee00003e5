// Finds reference cycles among calculations and relevance (`A` computed from `B`, `B` from `A`;
// a group shown only when a question inside it is answered), reporting the path.

export interface DependencyEdge {
  to: string;
  /** Column the reference is written in (`calculation`, `relevant`, or `(nhóm)` for the parent). */
  column: string;
}

/** Each cycle once, as the list of names starting and ending at the same node. */
export function findCycles(graph: ReadonlyMap<string, readonly DependencyEdge[]>): { path: string[]; firstColumn: string }[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: { name: string; column: string }[] = [];
  const seen = new Set<string>();
  const out: { path: string[]; firstColumn: string }[] = [];

  const visit = (name: string): void => {
    state.set(name, 'open');
    for (const e of graph.get(name) ?? []) {
      stack.push({ name, column: e.column });
      const s = state.get(e.to);
      if (s === 'open') {
        const start = stack.findIndex((f) => f.name === e.to);
        const frames = stack.slice(start);
        const path = [...frames.map((f) => f.name), e.to];
        const key = [...new Set(path)].sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          out.push({ path, firstColumn: frames[0]?.column ?? e.column });
        }
      } else if (s === undefined && graph.has(e.to)) {
        visit(e.to);
      }
      stack.pop();
    }
    state.set(name, 'done');
  };
  for (const name of graph.keys()) if (!state.has(name)) visit(name);
  return out;
}
