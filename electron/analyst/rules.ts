// The import rules (issue 9 §1) as pure functions. What a revision *is* in the store (current,
// replaced, conflict) depends only on the set of revisions received for that interview, never
// on the order they came in; what an *arrival* was (new, replaced, unchanged, stale, conflict) is
// reported per batch and depends on what was there before it.
import type { RevisionStatus } from './schema';

export interface RevisionKey {
  revision: number;
  content_hash: string;
}

export type ArrivalVerdict = 'new' | 'replaced' | 'unchanged' | 'stale' | 'conflicts';

export interface ArrivalCounts {
  new: number;
  replaced: number;
  unchanged: number;
  stale: number;
  conflicts: number;
}

export function emptyCounts(): ArrivalCounts {
  return { new: 0, replaced: 0, unchanged: 0, stale: 0, conflicts: 0 };
}

/** What one incoming (revision, hash) is, given the rows already stored for its interview. */
export function verdictOf(existing: readonly RevisionKey[], incoming: RevisionKey): ArrivalVerdict {
  if (existing.length === 0) return 'new';
  if (existing.some((r) => r.revision === incoming.revision && r.content_hash === incoming.content_hash)) return 'unchanged';
  const highest = Math.max(...existing.map((r) => r.revision));
  if (incoming.revision > highest) return 'replaced';
  if (incoming.revision === highest) return 'conflicts';
  return 'stale';
}

export const revisionKey = (r: RevisionKey): string => `${r.revision}:${r.content_hash}`;

/**
 * Status of every stored row of one interview: the highest revision is `current` when it came
 * with one content, `conflict` (every copy) when with several; every lower revision is
 * `replaced` (history), whether it arrived before the higher one or after it (stale).
 */
export function statusesOf(rows: readonly RevisionKey[]): Map<string, RevisionStatus> {
  const out = new Map<string, RevisionStatus>();
  if (rows.length === 0) return out;
  const highest = Math.max(...rows.map((r) => r.revision));
  const atTop = new Set(rows.filter((r) => r.revision === highest).map((r) => r.content_hash));
  for (const r of rows) {
    out.set(revisionKey(r), r.revision < highest ? 'replaced' : atTop.size > 1 ? 'conflict' : 'current');
  }
  return out;
}

/** Sequences missing below each device's highest accepted one: batches that never arrived. */
export function sequenceGaps(accepted: readonly { device_id: string; sequence: number }[]): { device: string; missing: number[] }[] {
  const byDevice = new Map<string, Set<number>>();
  for (const a of accepted) {
    const set = byDevice.get(a.device_id) ?? new Set<number>();
    set.add(a.sequence);
    byDevice.set(a.device_id, set);
  }
  const gaps: { device: string; missing: number[] }[] = [];
  for (const device of [...byDevice.keys()].sort()) {
    const seen = byDevice.get(device)!;
    const max = Math.max(...seen);
    const missing: number[] = [];
    for (let s = 1; s < max; s++) if (!seen.has(s)) missing.push(s);
    if (missing.length > 0) gaps.push({ device, missing });
  }
  return gaps;
}
