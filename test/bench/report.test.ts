// The bench runner without the slow benches: budgets, the markdown tables (one figure per
// column), when docs/benchmarks.md may be rewritten, and the exit code.
import { describe, expect, test } from 'vitest';
import {
  benchPassed,
  budgetMet,
  failures,
  measurementTable,
  parseBenchArgs,
  recordDecision,
  renderMarkdown,
  type BenchResult,
} from './report';
import { runBenchSuite, type BenchEntry, type RunnerIo } from './runner';

const timing = (p99: number): BenchResult => ({
  name: 'Save one answer',
  rows: [
    { label: 'service save', median: 0.275, p99, unit: 'ms' },
    { label: 'bare commit', median: 0.218, p99: 0.473, unit: 'ms' },
  ],
  ratio: p99 / 0.473,
  ratioLabel: 'service p99 / bare commit p99',
  budgets: [{ label: 'service save p99', measured: p99, limit: 5, unit: 'ms' }],
  notes: ['2000 saves per side'],
});

const counts = (lost: number): BenchResult => ({
  name: 'Durability',
  rows: [
    { label: 'rounds', value: 200, unit: 'rounds' },
    { label: 'acknowledged answers lost', value: lost, unit: 'answers' },
  ],
  ratio: lost / 4785,
  ratioLabel: 'Lost / acknowledged',
  budgets: [{ label: 'acknowledged answers lost', measured: lost, limit: 0, unit: 'answers' }],
  notes: [],
});

/** Splits a markdown table line into its cells. */
function cells(line: string): string[] {
  return line.replace(/^\| /, '').replace(/ \|$/, '').split(' | ');
}

describe('budgets', () => {
  test('met at or under the limit, missed above it or when the figure is not a number', () => {
    expect(budgetMet({ label: 'x', measured: 5, limit: 5, unit: 'ms' })).toBe(true);
    expect(budgetMet({ label: 'x', measured: 5.01, limit: 5, unit: 'ms' })).toBe(false);
    expect(budgetMet({ label: 'x', measured: Number.NaN, limit: 5, unit: 'ms' })).toBe(false);
    expect(budgetMet({ label: 'x', measured: 0, limit: 0, unit: 'answers' })).toBe(true);
    expect(budgetMet({ label: 'x', measured: 1, limit: 0, unit: 'answers' })).toBe(false);
  });

  test('a bench passes only when every budget is met, and a bench without budgets does not pass', () => {
    expect(benchPassed(timing(0.5))).toBe(true);
    expect(benchPassed(timing(6))).toBe(false);
    expect(benchPassed({ ...timing(0.5), budgets: [] })).toBe(false);
    expect(failures([timing(6), counts(0), counts(2)])).toEqual(['Save one answer — service save p99', 'Durability — acknowledged answers lost']);
  });
});

describe('tables', () => {
  test('timings get median and p99 columns; every line has as many cells as the header', () => {
    const t = measurementTable(timing(0.539).rows);
    expect(cells(t[0]!)).toEqual(['measurement', 'median (p50)', 'p99', 'unit']);
    for (const line of t.slice(2)) expect(cells(line)).toHaveLength(4);
    expect(cells(t[2]!)).toEqual(['service save', '0.2750', '0.5390', 'ms']);
  });

  test('counts get a value column, never a median/p99 heading', () => {
    const t = measurementTable(counts(0).rows);
    expect(cells(t[0]!)).toEqual(['measurement', 'value', 'unit']);
    expect(cells(t[2]!)).toEqual(['rounds', '200', 'rounds']);
    expect(t.join('\n')).not.toMatch(/median|p99|p50/);
  });

  test('a row lacking a figure the others have leaves only that cell empty', () => {
    const t = measurementTable([
      { label: 'a', median: 1.5, p99: 2.5, unit: 'ms' },
      { label: 'b', median: 1.25, unit: 'ms' },
    ]);
    expect(cells(t[3]!)).toEqual(['b', '1.25', '', 'ms']);
  });

  test('the document: budget table with measured, limit and met; a pipe in a label cannot break a row', () => {
    const r = timing(0.5);
    r.rows[0]!.label = 'a | b';
    const md = renderMarkdown([r, counts(0)], { when: new Date('2026-12-01T00:00:00Z'), machine: '2 × cpu' });
    expect(md).toContain('Last run: 2026-12-01T00:00:00.000Z on 2 × cpu.');
    expect(md).toContain('| budget | measured | limit | unit | met |');
    expect(md).toContain('| service save p99 | 0.5000 | 5 | ms | yes |');
    expect(md).toContain('| a \\| b | 0.2750 | 0.5000 | ms |');
    expect(md).not.toMatch(/Budgets missed/);
    // Every table line has as many cells as its header.
    const lines = md.split('\n');
    let width = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      const n = line.split(/(?<!\\)\|/).length - 2;
      if (width === 0) width = n;
      expect(n).toBe(width);
    }
  });

  test('a recorded failing run says at the top which budgets were missed', () => {
    const md = renderMarkdown([timing(6), counts(0)], { when: new Date(0), machine: 'm' });
    expect(md).toMatch(/\*\*Budgets missed in this run \(recorded with `--record --force`\): Save one answer — service save p99\.\*\*/);
    expect(md).toContain('| service save p99 | 6 | 5 | ms | **NO** |');
  });
});

describe('arguments and recording', () => {
  const known = ['answer-save', 'durability', 'engine'];

  test('flags and bench names', () => {
    expect(parseBenchArgs([], known)).toEqual({ only: [], record: false, force: false });
    expect(parseBenchArgs(['engine', '--record', '--force'], known)).toEqual({ only: ['engine'], record: true, force: true });
    expect(() => parseBenchArgs(['--recrod'], known)).toThrow(/unknown option --recrod/);
    expect(() => parseBenchArgs(['engin'], known)).toThrow(/unknown bench engin/);
    expect(() => parseBenchArgs(['--force'], known)).toThrow(/--force only makes sense with --record/);
  });

  test.each([
    [[], true, true, false],
    [['--record'], true, true, true],
    [['--record'], false, true, false],
    [['--record'], true, false, false],
    [['--record', '--force'], true, false, true],
    [['--record', '--force'], false, false, false],
  ] as const)('args %j, all benches %s, passed %s → write %s', (argv, allBenches, passed, write) => {
    expect(recordDecision({ args: parseBenchArgs([...argv], known), allBenches, passed }).write).toBe(write);
  });
});

describe('runBenchSuite', () => {
  function harness() {
    const out: string[] = [];
    const err: string[] = [];
    const written: string[] = [];
    const io: RunnerIo = {
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
      writeRecord: (md) => void written.push(md),
      machine: 'test machine',
      now: () => new Date(0),
    };
    return { io, out: () => out.join(''), err: () => err.join(''), written };
  }
  const suite = (save: BenchResult): BenchEntry[] => [
    { id: 'answer-save', run: async () => save },
    { id: 'durability', run: async () => counts(0) },
  ];

  test('a passing run exits 0 and writes nothing unless --record', async () => {
    const h = harness();
    expect(await runBenchSuite(suite(timing(0.5)), [], h.io)).toBe(0);
    expect(h.written).toEqual([]);
    expect(h.out()).toMatch(/not recorded \(add --record/);
    const r = harness();
    expect(await runBenchSuite(suite(timing(0.5)), ['--record'], r.io)).toBe(0);
    expect(r.written).toHaveLength(1);
    expect(r.written[0]).toContain('## Save one answer');
  });

  test('a missed budget exits 1, names it, and is not recorded without --force', async () => {
    const h = harness();
    expect(await runBenchSuite(suite(timing(6)), ['--record'], h.io)).toBe(1);
    expect(h.err()).toMatch(/budgets NOT met: Save one answer — service save p99/);
    expect(h.out()).toMatch(/budget: service save p99: 6 ≤ 5 ms {2}NOT MET/);
    expect(h.written).toEqual([]);
    const f = harness();
    expect(await runBenchSuite(suite(timing(6)), ['--record', '--force'], f.io)).toBe(1);
    expect(f.written).toHaveLength(1);
    expect(f.written[0]).toMatch(/Budgets missed in this run/);
  });

  test('a partial run is never recorded; unknown arguments exit 2 before any bench runs', async () => {
    const h = harness();
    expect(await runBenchSuite(suite(timing(0.5)), ['durability', '--record'], h.io)).toBe(0);
    expect(h.out()).not.toMatch(/answer-save/);
    expect(h.written).toEqual([]);
    let ran = false;
    const bad = harness();
    expect(await runBenchSuite([{ id: 'engine', run: async () => ((ran = true), timing(0.5)) }], ['--recrod'], bad.io)).toBe(2);
    expect(ran).toBe(false);
  });
});
