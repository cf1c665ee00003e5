// The report's JSON shape (issue 9 §3) from computed indices: percentages 0–100 rounded half up
// to 0.1 point, mean scores to 0.01, n as counts. Rounding happens only here, never in between.
import type { ComponentIndex, GroupIndices, Interval } from './types';

export interface ItemReport {
  index: number | null;
  mean: number | null;
  n: number;
  ci: [number, number] | null;
}
export interface ComponentReport {
  index: number;
  n: number;
  ci: [number, number] | null;
  items: Record<string, ItemReport>;
}
export interface GroupReport {
  index: number | null;
  n: number;
  ci: [number, number] | null;
  components: Record<string, ComponentReport>;
  components_missing: string[];
}
export interface UnitReport extends GroupReport {
  code: string;
  name: string;
}

/** Half up to `decimals` places; values here are never negative. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
const pct = (x: number) => roundTo(x * 100, 1);
const pctInterval = (ci: Interval | null): [number, number] | null => (ci ? [pct(ci.lo), pct(ci.hi)] : null);

function componentReport(c: ComponentIndex): ComponentReport {
  const items: Record<string, ItemReport> = {};
  for (const it of c.items) {
    items[it.question] = {
      index: it.index === null ? null : pct(it.index),
      mean: it.mean === null ? null : roundTo(it.mean, 2),
      n: it.n,
      ci: pctInterval(it.ci),
    };
  }
  return { index: pct(c.index), n: c.n, ci: pctInterval(c.ci), items };
}

export function groupReport(g: GroupIndices): GroupReport {
  const components: Record<string, ComponentReport> = {};
  for (const c of g.components) components[c.id] = componentReport(c);
  return { index: g.index === null ? null : pct(g.index), n: g.n, ci: pctInterval(g.ci), components, components_missing: [...g.componentsMissing] };
}

/** A Unit's entry; `name` from the sampling frame (the code itself when the frame has none). */
export function unitReport(g: GroupIndices, name?: string): UnitReport {
  return { code: g.key, name: name ?? g.key, ...groupReport(g) };
}
