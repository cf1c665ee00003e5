// Row spools: rows go to disk as they are made and come back the same, as often as a writer reads
// them, whatever they hold (Vietnamese, quotes, tabs and newlines in text, nulls, decimals).
import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpoolFolder } from '../../../electron/exports/spool';
import type { DatasetRow } from '../../../shared/exports/dataset';

const row = (i: number): DatasetRow => ({
  values: [`iv-${i}`, i, i % 3 === 0 ? null : i / 8, `Ý kiến "số" ${i}\tcột\nmới ✓ 𝄞`, i % 2 ? '' : 'x'.repeat(i % 500)],
  statuses: ['answered', 'answered', i % 3 === 0 ? 'skipped' : 'answered', i % 5 === 0 ? 'missing' : 'answered', i % 2 ? 'unanswered' : 'answered'],
});

describe('RowSpool', () => {
  it('gives back every row, in order, on every pass, across read chunks; the folder goes with dispose()', () => {
    const folder = new SpoolFolder();
    const spool = folder.create('interviews');
    const N = 20_000;
    for (let i = 0; i < N; i++) spool.push(row(i));
    expect(spool.length).toBe(N);
    // Bigger than one 1 MiB read: rows straddle chunk boundaries.
    expect([...spool].length).toBe(N);
    expect(statSync(spool.file).size).toBeGreaterThan(2 * 2 ** 20);
    let i = 0;
    for (const r of spool) expect(r).toEqual(row(i++));
    expect(i).toBe(N);
    folder.dispose();
    expect(existsSync(folder.dir)).toBe(false);
  });

  it('an empty spool has no rows', () => {
    const folder = new SpoolFolder();
    try {
      const spool = folder.create('members');
      expect(spool.length).toBe(0);
      expect([...spool]).toEqual([]);
    } finally {
      folder.dispose();
    }
  });
});
