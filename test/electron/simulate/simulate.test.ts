// khaosat simulate and khaosat demo end to end: a package of the built-in HIDS instrument signed
// by `keys generate`, simulated laptops through the real laptop core, batches the analyst imports.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { fieldworkClock, simulate, type SimulateResult } from '../../../electron/simulate/simulate';
import { RESPONDENT_KINDS } from '../../../electron/simulate/respondent';
import { buildFieldworkDashboard } from '../../../electron/analyst/fieldwork';
import { openAnalystStore } from '../../../electron/analyst/store';

const ROOT = join(__dirname, '..', '..', '..');

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env: {}, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('khaosat simulate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-simulate-test-'));
  let pkg: Buffer;
  let first: SimulateResult;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    expect(await runCli(['keys', 'generate', '--out', 'keys'], fakeIo(dir).io)).toBe(0);
    const form = join(ROOT, 'shared', 'instruments', 'hids-satisfaction.xlsx');
    const units = join(ROOT, 'shared', 'instruments', 'units', 'hcmc_units_2025.csv');
    expect(await runCli(['package', 'create', '--form', form, '--units', units, '--keys', 'keys', '--out', 'hids.kspkg'], fakeIo(dir).io)).toBe(0);
    pkg = readFileSync(join(dir, 'hids.kspkg'));
    first = await simulate({ packageBytes: pkg, laptops: 2, interviews: 40, outDir: join(dir, 'a'), seed: 7, units: 6 });
  }, 180_000);

  it('gives the same respondents and answers for the same seed, other ones for another seed', async () => {
    const again = await simulate({ packageBytes: pkg, laptops: 2, interviews: 40, outDir: join(dir, 'b'), seed: 7, units: 6 });
    expect(again.interviews).toEqual(first.interviews);
    const other = await simulate({ packageBytes: pkg, laptops: 2, interviews: 40, outDir: join(dir, 'c'), seed: 8, units: 6 });
    expect(other.interviews).not.toEqual(first.interviews);
  }, 180_000);

  it('draws every respondent type, with outcomes and skip logic to match, and don\'t-knows', () => {
    const kinds = new Set(first.interviews.map((i) => i.kind));
    for (const k of RESPONDENT_KINDS) expect(kinds).toContain(k);
    for (const i of first.interviews) {
      const paths = new Set(i.answers.map((a) => a.path));
      if (i.kind === 'refusal') expect([i.outcome, i.answers.length]).toEqual(['refused', 0]);
      if (i.kind === 'ineligible') expect(i.outcome).toBe('ineligible');
      if (i.kind === 'user') expect([i.outcome, paths.has('ACC1')]).toEqual(['completed', true]);
      if (i.kind === 'non_user') expect([i.outcome, paths.has('ACC1'), paths.has('NEED1')]).toEqual(['completed', false, true]);
    }
    expect(first.interviews.flatMap((i) => i.answers).some((a) => a.missing === 'dont_know')).toBe(true);
  });

  it('spreads the interviews evenly over the chosen Units, each laptop over its own block', () => {
    const perUnit = new Map<string, number>();
    for (const i of first.interviews) perUnit.set(i.unitCode, (perUnit.get(i.unitCode) ?? 0) + 1);
    // 80 interviews over 6 Units: 13 or 14 each.
    expect(perUnit.size).toBe(6);
    expect([...perUnit.values()].every((n) => n === 13 || n === 14)).toBe(true);
    const laptopUnits = (l: number) => new Set(first.interviews.filter((i) => i.laptop === l).map((i) => i.unitCode));
    expect(laptopUnits(1).size + laptopUnits(2).size).toBeLessThanOrEqual(7);
  });

  it('most respondents rate their own Unit\'s People\'s Committee (agency = Unit code)', () => {
    const rated = first.interviews.flatMap((i) => i.answers.filter((a) => a.path === 'agency').map((a) => a.value === i.unitCode));
    expect(rated.length).toBeGreaterThan(20);
    const local = rated.filter(Boolean).length / rated.length;
    expect(local).toBeGreaterThan(0.5);
    expect(local).toBeLessThan(0.95);
  });

  it('exports one batch per laptop holding every interview, all approved', () => {
    expect(first.batches).toHaveLength(2);
    expect(first.batches.map((b) => b.interviews.length)).toEqual([40, 40]);
    expect(readdirSync(join(dir, 'a')).filter((f) => f.endsWith('.ksbatch'))).toHaveLength(2);
  });

  it('the CLI checks its options and reports the mix', async () => {
    const bad = fakeIo(dir);
    expect(await runCli(['simulate', '--package', 'hids.kspkg', '--laptops', '0', '--interviews', '5', '--out', 'x'], bad.io)).toBe(2);
    expect(bad.err()).toContain('--laptops 0');
    const ok = fakeIo(dir);
    expect(await runCli(['simulate', '--package', 'hids.kspkg', '--laptops', '1', '--interviews', '3', '--out', 'cli', '--json'], ok.io)).toBe(0);
    const json = JSON.parse(ok.out());
    expect(json.batches).toHaveLength(1);
    expect(ok.err()).toContain('laptop 1/1');
  }, 60_000);
});

describe('the simulated laptops\' clock', () => {
  const ict = (d: Date) => new Date(d.getTime() + 7 * 3_600_000);

  it('keeps interviews in working hours, 08:00–17:00 in the city, Monday to Saturday', () => {
    // Saturday 7 November 2026, 16:50 in the city.
    const clock = fieldworkClock(Date.UTC(2026, 10, 7, 9, 50));
    expect(clock.now().toISOString()).toBe('2026-11-07T09:50:06.000Z');
    for (let i = 0; i < 100; i++) clock.now(); // ten minutes of answers: past 17:00
    clock.nextInterview();
    // Sunday is skipped: Monday 9 November, 08:00 in the city.
    expect(clock.now().toISOString()).toBe('2026-11-09T01:00:06.000Z');
  });

  it('a started clock before 08:00 waits for the working day; 500 interviews stay within November', () => {
    const clock = fieldworkClock(Date.UTC(2026, 10, 2, 0, 0)); // 07:00 in the city
    expect(ict(clock.now()).getUTCHours()).toBe(8);
    let last = new Date(0);
    for (let i = 0; i < 500; i++) {
      clock.nextInterview();
      for (let r = 0; r < 140; r++) last = clock.now(); // a long interview: 14 minutes
      const local = ict(last);
      expect(local.getUTCDay()).not.toBe(0);
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(8);
      expect(local.getUTCHours()).toBeLessThan(18);
    }
    expect(last.getTime()).toBeLessThan(Date.UTC(2026, 11, 1));
  });
});

describe('khaosat demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-demo-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs keys → package → simulate → import → report and leaves the files with --dir', async () => {
    const t = fakeIo(dir);
    expect(await runCli(['demo', '--dir', 'd', '--laptops', '2', '--interviews', '20', '--units', '4', '--seed', '3'], t.io)).toBe(0);
    expect(t.out()).toMatch(/chỉ số chung \/ overall [0-9.]+ \(n = [1-9]/);
    expect(t.out()).toContain('đơn vị / unit');
    for (const f of ['keys', 'quotas.csv', 'batches', 'analyst.sqlite', 'hids.kspkg']) expect(existsSync(join(dir, 'd', f))).toBe(true);
    expect(readdirSync(join(dir, 'd', 'batches'))).toHaveLength(2);
    const store = await openAnalystStore(join(dir, 'd', 'analyst.sqlite'));
    try {
      const rows = await store.db.selectFrom('interviews').select('id').execute();
      expect(rows).toHaveLength(40);
      // The package carried a quota for every Unit of the frame: 90 % of 40 ÷ 168, rounded up → 1.
      const dashboard = await buildFieldworkDashboard(store);
      expect(dashboard.totals.quota).toBe(168);
      expect(dashboard.byUnit).toHaveLength(168);
      expect(dashboard.byUnit.every((u) => u.quota === 1 && u.nameVi !== null)).toBe(true);
      // The 164 Units outside the 4 sampled have nothing yet: they lead, furthest behind.
      expect(dashboard.byUnit.slice(0, 164).every((u) => u.completed === 0)).toBe(true);
    } finally {
      await store.close();
    }
    // Every Unit with data is in the table.
    const unitRows = t.out().split('\n').filter((l) => /^\d{5}\s/.test(l));
    expect(unitRows.length).toBeGreaterThan(0);
    expect(unitRows.length).toBeLessThanOrEqual(4);
    // Run again into the same folder: refused rather than mixing two demos.
    const again = fakeIo(dir);
    expect(await runCli(['demo', '--dir', 'd', '--laptops', '1', '--interviews', '1'], again.io)).toBe(1);
    expect(again.err()).toContain('already exists');
  }, 180_000);

  it('by default covers all 168 Units of the frame, named, sorted by index', async () => {
    // The default is 4 laptops × 504 interviews; half of it here keeps the test short (6 a Unit).
    const t = fakeIo(dir);
    expect(await runCli(['demo', '--laptops', '2', '--interviews', '504'], t.io)).toBe(0);
    const rows = t.out().split('\n').filter((l) => /^\d{5}\s/.test(l));
    expect(rows).toHaveLength(168);
    expect(rows.find((l) => l.startsWith('26743'))).toMatch(/^26743 +Phường Bến Thành +\d+ /);
    // A Unit whose few respondents were all non-users has n = 0 and no index: listed last.
    const indices = rows.map((l) => /^\d{5} +.+? {2,}\d+(?: {2,}([\d.]+))?/.exec(l)![1]).map((x) => (x === undefined ? -1 : Number(x)));
    expect(indices.filter((x) => x >= 0).length).toBeGreaterThan(160);
    expect(indices).toEqual([...indices].sort((a, b) => b - a));
    expect(t.err()).toContain('mọi / all');
  }, 300_000);

  it('without --dir leaves nothing behind', async () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('khaosat-demo-')).length;
    const t = fakeIo(dir);
    expect(await runCli(['demo', '--laptops', '1', '--interviews', '5', '--units', '2'], t.io)).toBe(0);
    expect(t.out()).toContain('đơn vị / unit');
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('khaosat-demo-')).length).toBe(before);
  }, 180_000);
});
