// What a format cannot hold is reported, never silently lost: text past SPSS's 255 bytes is cut
// at a character boundary in the .sav only (with a warning) and kept whole in CSV and Stata.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exportDataset } from '../../../electron/exports';
import { buildDataset } from '../../../shared/exports/fromForm';
import { sampleForm, SAMPLE_INTERVIEWS } from '../../fixtures/exports/sample';
import { parseCsv, probeTools, run } from './tools';

// 100 × "ắ" (3 bytes each) = 300 bytes; 255 bytes hold 85 of them.
const LONG = 'ắ'.repeat(100);
let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khaosat-limits-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.skipIf(!probeTools().readstat.available)('a 300-byte text: cut to 255 bytes on a character boundary in the .sav, whole in CSV and .dta', async () => {
  const dataset = buildDataset(sampleForm(), [{ ...SAMPLE_INTERVIEWS[0]!, answers: { ...SAMPLE_INTERVIEWS[0]!.answers, ghichu: LONG } }]);
  const sav = await exportDataset(dataset, { format: 'spss', outDir: dir });
  expect(sav.warnings).toEqual(['interviews.ghichu: text longer than 255 bytes cut in the .sav (full text in CSV/XLSX)']);
  const savRows = parseCsv(run('readstat', ['interviews.sav', '-'], dir));
  expect(savRows[1]?.[(savRows[0] as string[]).indexOf('ghichu')]).toBe('ắ'.repeat(85));
  const dta = await exportDataset(dataset, { format: 'stata', outDir: dir });
  expect(dta.warnings).toEqual([]);
  const dtaRows = parseCsv(run('readstat', ['interviews.dta', '-'], dir));
  expect(dtaRows[1]?.[(dtaRows[0] as string[]).indexOf('ghichu')]).toBe(LONG);
  await exportDataset(dataset, { format: 'csv', outDir: dir });
  expect(parseCsv(fs.readFileSync(path.join(dir, 'interviews.csv'), 'utf8'))[1]?.[11]).toBe(LONG);
});
