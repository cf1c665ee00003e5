// The batch-export bench at a tiny scale: the export runs in its own process, which writes a
// batch holding every seeded interview and reports its own peak RSS, the figure the budget reads.
import { expect, test } from 'vitest';
import { runBatchExportBench } from './batch-export.bench';

test('the export child exports every interview and its own peak RSS is the budgeted figure', async () => {
  const r = await runBatchExportBench({ interviews: 12, rounds: 1 });
  const row = (label: string) => r.rows.find((x) => x.label === label);
  expect(row('batch file size')!.value).toBeGreaterThan(0);
  const rss = row('peak RSS of the export process (highest of the rounds)')!.value!;
  // A node + tsx process that opened SQLite: tens of MB at least, far below a GB.
  expect(rss).toBeGreaterThan(20);
  expect(rss).toBeLessThan(1000);
  expect(r.budgets).toEqual([{ label: 'peak RSS of the export process', measured: rss, limit: 300, unit: 'MB' }]);
  expect(row('export: records, gzip, age, signature, atomic write, ledger')!.median).toBeGreaterThan(0);
}, 120_000);
