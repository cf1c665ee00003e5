// Batch files for the import bench: the real survey package of the built-in HIDS instrument
// (keys generate, package create), and B batch files of P interviews each written by the real
// batch writer (writeBatch: canonical JSON, gzip, age encryption to the analyst, Ed25519 signature
// by one of 50 device keys, 20 sequences each at 1,000 batches). The answers are drawn by the
// simulator's answer generator (electron/simulate: the respondent mix, Unit means, the form
// runtime walking the form and keeping only answers it accepts), without a laptop database:
// walking 200,000 interviews through laptops would take hours. A pool of walked interviews (one
// per Unit and respondent draw, 2,000 at most) is reused with fresh interview ids, spread over the
// 168 Units; each answer has one `answered` paradata event, as the laptop records.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/io';
import { checkFormJson } from '../../electron/forms/checkFormJson';
import { readUnitFrame } from '../../electron/instruments/frame-csv';
import { drawRespondent, unitMean } from '../../electron/simulate/respondent';
import { simulatedClock, walkInterview, type SimulatedAnswer } from '../../electron/simulate/simulate';
import { batchFileName, writeBatch } from '../../electron/sync/batch';
import { signingKeyFromSeed } from '../../electron/sync/signing';
import { readSurveyPackage } from '../../electron/sync/survey-package';
import { fnv1a, seededRandom } from '../../shared/indices/prng';
import type { InterviewRecord } from '../../shared/formats/batch';

const ROOT = join(import.meta.dirname, '..', '..');
const DEVICES = 50;
const POOL = 2_000;

export interface ImportBenchFiles {
  keysDir: string;
  packagePath: string;
  files: string[];
  interviews: number;
  answers: number;
  bytes: number;
}

function quietIo(cwd: string): CliIo {
  return { out: () => undefined, err: () => undefined, readSecret: async () => '', env: {}, cwd };
}

interface Walked {
  unitCode: string;
  outcome: string;
  answers: SimulatedAnswer[];
}

export async function writeImportBenchFiles(dir: string, batches: number, perBatch: number, seed = 2026): Promise<ImportBenchFiles> {
  const io = quietIo(dir);
  if ((await runCli(['keys', 'generate', '--out', 'keys'], io)) !== 0) throw new Error('keys generate failed');
  const instrument = join(ROOT, 'shared', 'instruments', 'hids-satisfaction.xlsx');
  const units = join(ROOT, 'shared', 'instruments', 'units', 'hcmc_units_2025.csv');
  const agencies = join(ROOT, 'shared', 'instruments', 'units', 'hcmc_agencies_2025.csv');
  if ((await runCli(['package', 'create', '--form', instrument, '--units', units, '--agencies', agencies, '--keys', 'keys', '--out', 'hids.kspkg'], io)) !== 0) {
    throw new Error('package create failed');
  }
  const packagePath = join(dir, 'hids.kspkg');
  const pkg = readSurveyPackage(readFileSync(packagePath));
  const compiled = checkFormJson(pkg.form, 'form.json');
  if (!compiled.ok) throw new Error('the HIDS form does not compile');
  const model = compiled.form;
  const frame = readUnitFrame(pkg.parts['units.csv']!).map((u) => u.code);
  const total = batches * perBatch;

  // The pool: the simulator's respondents and answers, Units in turn.
  const rng = seededRandom(seed);
  const clock = simulatedClock(Date.UTC(2026, 10, 2, 1, 0, 0));
  const pool: Walked[] = [];
  for (let w = 0; w < Math.min(POOL, total); w++) {
    const unitCode = frame[w % frame.length]!;
    const respondent = drawRespondent(rng);
    if (respondent.kind === 'refusal') {
      pool.push({ unitCode, outcome: 'refused', answers: [] });
      continue;
    }
    const today = clock().toISOString().slice(0, 10);
    const mean = unitMean(seededRandom(seed ^ fnv1a(unitCode)));
    const answers = walkInterview(model, { rng, respondent, mean, unitCode, today }, clock, { deviceId: 'bench', username: 'DTV01' });
    pool.push({ unitCode, outcome: respondent.kind === 'ineligible' ? 'ineligible' : 'completed', answers });
  }

  const devices = Array.from({ length: DEVICES }, (_, d) => {
    const s = new Uint8Array(32);
    new DataView(s.buffer).setUint32(0, seed);
    new DataView(s.buffer).setUint32(4, d + 1);
    return { id: randomUUID(), label: `LAPTOP-${String(d + 1).padStart(2, '0')}`, key: signingKeyFromSeed(s) };
  });
  const out = join(dir, 'batches');
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  let answers = 0;
  let bytes = 0;
  for (let b = 0; b < batches; b++) {
    const device = devices[b % DEVICES]!;
    const sequence = Math.floor(b / DEVICES) + 1;
    const t0 = Date.UTC(2026, 10, 3) + b * 3_600_000;
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    const records: InterviewRecord[] = [];
    for (let k = 0; k < perBatch; k++) {
      const w = pool[(b * perBatch + k) % pool.length]!;
      const start = k * 600_000;
      records.push({
        id: randomUUID(),
        revision: 0,
        surveyId: pkg.manifest.survey.id,
        formVersion: pkg.manifest.survey.formVersion,
        deviceId: device.id,
        surveyorCode: `DTV0${(k % 4) + 1}`,
        unitCode: w.unitCode,
        outcome: w.outcome,
        createdAt: at(start),
        completedAt: at(start + 500_000),
        approvedAt: at(start + 3_000_000),
        answers: w.answers.map((a, i) => ({ path: a.path, value: a.value, missing: a.missing, savedAt: at(start + i * 5_000) })),
        paradata: w.answers.map((a, i) => ({ at: at(start + i * 5_000), event: 'answered', path: a.path, detail: null })),
      });
      answers += w.answers.length;
    }
    const written = await writeBatch({ batchId: randomUUID(), deviceId: device.id, sequence, createdAt: at(3_500_000), recipient: pkg.manifest.recipient.age, interviews: records }, device.key);
    const path = join(out, batchFileName([pkg.manifest.survey.id], device.label, sequence));
    writeFileSync(path, written.bytes);
    files.push(path);
    bytes += written.bytes.length;
  }
  return { keysDir: join(dir, 'keys'), packagePath, files, interviews: total, answers, bytes };
}
