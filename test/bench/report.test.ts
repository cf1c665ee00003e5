// The bench runner without the slow benches: budgets, the markdown tables (one figure per
// column), how a run of some benches is merged into docs/benchmarks.md (their sections and
// summary rows replaced, everything else kept), when it may be written, and the exit code.
import { describe, expect, test } from 'vitest';
import {
  benchPassed,
  budgetMet,
  failures,
  measurementTable,
  mergeRecord,
  parseBenchArgs,
  recordDecision,
  type BenchResult,
  type RecordedBench,
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

const MACHINE = '2 × cpu';
const at = (iso: string, load = 0.5) => ({ when: new Date(iso), machine: MACHINE, load: [load, load, load] });
const rec = (id: string, result: BenchResult, iso = '2026-12-01T00:00:00Z', load = 0.5): RecordedBench => ({ id, result, run: at(iso, load) });

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

/** The durability bench as named in the file. */
const durability = (): BenchResult => ({ ...counts(0), name: 'Durability: SIGKILL at random moments while saving answers' });

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
    const md = mergeRecord(null, [rec('answer-save', r), rec('durability', counts(0))], ['answer-save', 'durability']);
    expect(md).toContain('Run 2026-12-01T00:00:00.000Z on 2 × cpu; load average at start 0.50 / 0.50 / 0.50 (1 / 5 / 15 min).');
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

  test('a recorded failing run says in its section which budgets were missed, and its summary row says no', () => {
    const md = mergeRecord(null, [rec('answer-save', timing(6)), rec('durability', counts(0))], ['answer-save', 'durability']);
    expect(md).toMatch(/\*\*Budgets missed in this run \(recorded with `--record --force`\): service save p99\.\*\*/);
    expect(md).toContain('| service save p99 | 6 | 5 | ms | **NO** |');
    expect(md).toContain('| `answer-save` (2026-12-01 00:00 UTC, load 0.5): Save one answer | service p99 / bare commit p99: 12.68 | 1 budget | **no**: service save p99 |');
    expect(md).toContain('| `durability` (2026-12-01 00:00 UTC, load 0.5): Durability | Lost / acknowledged: 0.00 | 1 budget | yes |');
  });
});

/** docs/benchmarks.md as written before sections carried their id, with the lead's summary and notes. */
const LEGACY = `# Benchmarks

Written by \`npm run bench -- --record\` (do not edit by hand). Every figure is measured next to a
baseline in the same run, on the same machine; compare the ratios, not the absolute times.

Last run: 2026-11-29T03:18:21.741Z on 2 × AMD EPYC.

> **Not yet recorded.**
>
> | bench | measured | budget | met |
> |---|---|---|---|
> | \`ui\` (quiet): key → painted | median 13.4 ms | ≤ 16 ms | yes |
> | \`durability\` (loaded): by hand | 0 lost | 0 | yes |
> | \`exports\` (loaded) at 50,000 | XLSX 377 MB | ≤ 300 MB | **no** |
>
> Where the misses come from: written by hand.

## Save one answer

| measurement | median (p50) | p99 | unit |
|---|---|---|---|
| service save | 0.2750 | 0.5390 | ms |

- old notes of answer-save

## Durability: SIGKILL at random moments (old wording)

| measurement | value | unit |
|---|---|---|
| rounds | 100 | rounds |

## Method of the \`ui\` bench (surveyor screen in Chromium)

Hand-written method.
`;

const ORDER = ['answer-save', 'durability', 'engine', 'exports', 'ui'];

describe('recording some benches into the file as it is', () => {
  test('a file written before the markers: the named bench replaces its section and summary rows; every other section, row and paragraph stays', () => {
    const md = mergeRecord(LEGACY, [rec('durability', durability(), '2026-12-01T07:00:00Z', 14.93)], ORDER);
    // Its section: found by the heading's part before the colon, replaced in place, with its own run line.
    expect(md).not.toContain('old wording');
    expect(md).not.toContain('| rounds | 100 | rounds |');
    expect(md.indexOf('## Save one answer')).toBeLessThan(md.indexOf('<!-- bench:durability -->\n## Durability: SIGKILL at random moments while saving answers'));
    expect(md.indexOf('## Durability')).toBeLessThan(md.indexOf('## Method of the `ui` bench'));
    expect(md).toContain('Run 2026-12-01T07:00:00.000Z on 2 × cpu; load average at start 14.93 / 14.93 / 14.93 (1 / 5 / 15 min).');
    // The others, byte for byte; the old run's date kept for the sections that have no run line.
    expect(md).toContain('## Save one answer\n\n| measurement | median (p50) | p99 | unit |\n|---|---|---|---|\n| service save | 0.2750 | 0.5390 | ms |\n\n- old notes of answer-save\n');
    expect(md).toContain('## Method of the `ui` bench (surveyor screen in Chromium)\n\nHand-written method.\n');
    expect(md).toContain('Sections without a run line of their own: the full run of 2026-11-29T03:18:21.741Z on 2 × AMD EPYC.');
    expect(md).not.toContain('Last run:');
    expect(md).toContain('Last recorded: 2026-12-01T07:00:00.000Z (`durability`).');
    // The summary: the durability row replaced where it was, the ui and exports rows and the paragraph kept.
    const summary = md.split('\n').filter((l) => l.startsWith('> |'));
    expect(summary).toEqual([
      '> | bench | measured | budget | met |',
      '> |---|---|---|---|',
      '> | `ui` (quiet): key → painted | median 13.4 ms | ≤ 16 ms | yes |',
      '> | `durability` (2026-12-01 07:00 UTC, load 14.9): Durability: SIGKILL at random moments while saving answers | Lost / acknowledged: 0.00 | 1 budget | yes |',
      '> | `exports` (loaded) at 50,000 | XLSX 377 MB | ≤ 300 MB | **no** |',
    ]);
    expect(md).toContain('>\n> Where the misses come from: written by hand.');
    expect(md).toContain('> **Not yet recorded.**');
  });

  test('recorded again: one section per bench, replaced in place; another bench recorded later keeps the first one and its date', () => {
    const first = mergeRecord(LEGACY, [rec('durability', durability(), '2026-12-01T07:00:00Z')], ORDER);
    const second = mergeRecord(first, [rec('durability', durability(), '2026-12-01T08:00:00Z', 1.2)], ORDER);
    expect(second.match(/<!-- bench:durability -->/g)).toHaveLength(1);
    expect(second.match(/`durability`/g)).toHaveLength(2); // its summary row and the Last recorded line
    expect(second).toContain('Run 2026-12-01T08:00:00.000Z');
    expect(second).not.toContain('Run 2026-12-01T07:00:00.000Z');
    // The same run merged twice changes nothing.
    expect(mergeRecord(second, [rec('durability', durability(), '2026-12-01T08:00:00Z', 1.2)], ORDER)).toBe(second);

    const third = mergeRecord(second, [rec('engine', { ...counts(0), name: 'Engine: re-evaluate after one answer' }, '2026-12-01T09:00:00Z')], ORDER);
    expect(third).toContain('Run 2026-12-01T08:00:00.000Z'); // durability's own date stays
    expect(third).toContain('Run 2026-12-01T09:00:00.000Z');
    // A bench new to the file goes before the first bench after it in the runner's order; none here: at the end.
    expect(third.indexOf('<!-- bench:durability -->')).toBeLessThan(third.indexOf('<!-- bench:engine -->'));
    expect(third.indexOf('## Method of the `ui` bench')).toBeLessThan(third.indexOf('<!-- bench:engine -->'));
    const fourth = mergeRecord(third, [rec('answer-save', timing(0.5), '2026-12-01T10:00:00Z')], ORDER);
    // answer-save comes before durability: its new section replaces the unmarked "Save one answer" in place.
    expect(fourth.match(/## Save one answer/g)).toHaveLength(1);
    expect(fourth.indexOf('<!-- bench:answer-save -->')).toBeLessThan(fourth.indexOf('<!-- bench:durability -->'));
    const fifth = mergeRecord(null, [rec('engine', { ...counts(0), name: 'Engine: x' })], ORDER);
    const sixth = mergeRecord(fifth, [rec('durability', durability())], ORDER);
    expect(sixth.indexOf('<!-- bench:durability -->')).toBeLessThan(sixth.indexOf('<!-- bench:engine -->'));
    expect(third.split('\n').filter((l) => l.startsWith('> | `')).map((l) => /`([a-z-]+)`/.exec(l)![1])).toEqual(['ui', 'durability', 'exports', 'engine']);
  });

  test('no file yet: the header, a summary table of the benches that ran, and their sections in order', () => {
    const md = mergeRecord(null, [rec('durability', durability()), rec('answer-save', timing(0.5))], ORDER);
    expect(md.startsWith('# Benchmarks\n\nWritten by `npm run bench -- --record`')).toBe(true);
    expect(md).toContain('`npm run bench -- NAME… --record` records only the benches named');
    expect(md.split('\n').filter((l) => l.startsWith('| `')).map((l) => /`([a-z-]+)`/.exec(l)![1])).toEqual(['durability', 'answer-save']);
    expect(md.indexOf('<!-- bench:answer-save -->')).toBeLessThan(md.indexOf('<!-- bench:durability -->'));
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n\n\n/);
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
    [[], true, false],
    [['--record'], true, true],
    [['engine', '--record'], true, true],
    [['--record'], false, false],
    [['engine', '--record'], false, false],
    [['--record', '--force'], false, true],
    [['engine', '--record', '--force'], false, true],
  ] as const)('args %j, passed %s → write %s', (argv, passed, write) => {
    expect(recordDecision({ args: parseBenchArgs([...argv], known), ran: ['engine'], passed }).write).toBe(write);
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
      readRecord: () => LEGACY,
      writeRecord: (md) => void written.push(md),
      machine: 'test machine',
      now: () => new Date(0),
      load: () => [3.25, 2, 1],
    };
    return { io, out: () => out.join(''), err: () => err.join(''), written };
  }
  const suite = (save: BenchResult): BenchEntry[] => [
    { id: 'answer-save', run: async () => save },
    { id: 'durability', run: async () => durability() },
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

  test('a run of one bench records only its section, into the file as it was; unknown arguments exit 2 before any bench runs', async () => {
    const h = harness();
    expect(await runBenchSuite(suite(timing(0.5)), ['durability', '--record'], h.io)).toBe(0);
    expect(h.out()).not.toMatch(/answer-save/);
    expect(h.out()).toMatch(/recorded: durability \(other sections kept\)/);
    expect(h.written).toHaveLength(1);
    expect(h.written[0]).toContain('<!-- bench:durability -->\n## Durability: SIGKILL at random moments while saving answers');
    expect(h.written[0]).toContain('load average at start 3.25 / 2.00 / 1.00 (1 / 5 / 15 min)');
    expect(h.written[0]).toContain('## Save one answer\n\n| measurement | median (p50) | p99 | unit |\n|---|---|---|---|\n| service save | 0.2750 | 0.5390 | ms |');
    let ran = false;
    const bad = harness();
    expect(await runBenchSuite([{ id: 'engine', run: async () => ((ran = true), timing(0.5)) }], ['--recrod'], bad.io)).toBe(2);
    expect(ran).toBe(false);
  });
});
