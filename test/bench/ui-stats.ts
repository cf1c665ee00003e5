// Pure helpers of the `ui` bench: the page's measurements are checked on arrival (a broken probe
// must fail the bench, not report zeros) and summarised as median and p99.
import type { BenchRow } from './report';

/** One key press measured in the page: from the capturing keydown to the DOM showing the change, and to the frame after it. */
export interface FrameSample {
  /** ms from keydown to the DOM reflecting the key (the answer checked, the next page's questions). */
  dom: number;
  /** ms from keydown to the end of the next frame painted after that (rAF, then a MessageChannel task). */
  paint: number;
}

/** Nearest-rank percentile of ascending samples; NaN for none (so a budget on it is not met). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(label: string, samplesMs: readonly number[], unit = 'ms'): BenchRow {
  const sorted = [...samplesMs].sort((x, y) => x - y);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { label: `${label} (n=${samplesMs.length})`, median: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), unit };
}

/** Checks what page.evaluate handed back: a finite, non-negative dom ≤ paint; else a clear error naming the sample. */
export function parseFrameSample(raw: unknown, what: string): FrameSample {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${what}: the page returned ${JSON.stringify(raw)}, expected { dom, paint }`);
  const { dom, paint } = raw as Record<string, unknown>;
  if (typeof dom !== 'number' || typeof paint !== 'number' || !Number.isFinite(dom) || !Number.isFinite(paint)) {
    throw new Error(`${what}: dom and paint must be finite numbers (got ${JSON.stringify(raw)})`);
  }
  if (dom < 0 || paint < dom) throw new Error(`${what}: expected 0 ≤ dom ≤ paint (got dom ${dom}, paint ${paint})`);
  return { dom, paint };
}

/** A ratio of medians, NaN when the baseline is 0 or missing (so it cannot pass for a figure). */
export function ratioOf(measured: number | undefined, baseline: number | undefined): number {
  if (measured === undefined || baseline === undefined || !(baseline > 0)) return Number.NaN;
  return Math.round((measured / baseline) * 100) / 100;
}
