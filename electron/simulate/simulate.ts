// `khaosat simulate`: N laptops run the real laptop code path (createCore on a fresh database,
// package install, first supervisor and surveyors, interviews answered through the form runtime and
// saved with services.interviews.saveAnswer, complete, approve, batch export). Only the respondents
// are invented (respondent.ts). A seed gives the same answers; the clock is simulated too, so
// times repeat; interview ids are random UUIDs, as on a real laptop.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../../shared/contract';
import { createFormRuntime, type FormRuntime } from '../../shared/engine/runtime';
import type { AnswerValue } from '../../shared/engine/runtime';
import type { FormModel, FormNode, MissingKind, QuestionNode } from '../../shared/forms/model';
import { NOT_ENTERED_TYPES } from '../../shared/forms/model';
import { fnv1a, seededRandom, type Random } from '../../shared/indices/prng';
import { checkFormJson } from '../forms/checkFormJson';
import { readUnitFrame } from '../instruments/frame-csv';
import { createCore, type Core } from '../services';
import type { ExportedBatch } from '../services/batches';
import type { ScryptParams } from '../services/secrets';
import { signingKeyFromSeed } from '../sync/signing';
import { readSurveyPackage } from '../sync/survey-package';
import { DONT_KNOW_PER_MILLE, drawRespondent, LOCAL_AGENCY_PER_MILLE, pick, rating, unitMean, type Respondent, type RespondentKind } from './respondent';

/** Simulated laptops hash PINs with this low scrypt cost (the default takes ~0.1 s per hash). */
export const SIMULATION_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export interface SimulateOptions {
  packageBytes: Uint8Array;
  laptops: number;
  interviews: number;
  outDir: string;
  seed: number;
  /**
   * Interviews are spread over this many Units of the frame (a seeded choice); default all. Each
   * laptop works through a block of neighbouring Units of that list (as a team covers its area),
   * so every Unit gets the same number of interviews, ±1.
   */
  units?: number;
  progress?: (line: string) => void;
}

export interface SimulatedInterview {
  laptop: number;
  unitCode: string;
  kind: RespondentKind;
  outcome: string;
  answers: { path: string; value: AnswerValue; missing: MissingKind | null }[];
}

export interface SimulateResult {
  surveyId: string;
  interviews: SimulatedInterview[];
  batches: ExportedBatch[];
}

const RATING = /^(ACC|PRO|CIV|RES|FBK)\d+$|^OVERALL$/;

/** The questions a surveyor can type into, in form order (this instrument has no repeats). */
function enterable(nodes: readonly FormNode[], out: QuestionNode[] = []): QuestionNode[] {
  for (const n of nodes) {
    if (n.kind === 'question') {
      if (!NOT_ENTERED_TYPES.has(n.type) && !n.calculation && n.readOnly !== true) out.push(n);
    } else if (n.kind === 'group') enterable(n.children, out);
  }
  return out;
}

export interface Draw {
  rng: Random;
  respondent: Respondent;
  mean: number;
  unitCode: string;
  today: string;
}

/** Candidate values for one question, best first; the walker keeps the first the runtime accepts. */
function candidates(rt: FormRuntime, model: FormModel, q: QuestionNode, d: Draw): { value: AnswerValue; missing: MissingKind | null }[] {
  const { rng, respondent } = d;
  const missing = new Map(model.missingCodes.map((m) => [m.code, m.kind]));
  const plain = (value: AnswerValue) => ({ value, missing: null });
  if (q.type === 'select_one' || q.type === 'select_multiple' || q.type === 'rank') {
    const names = rt.availableChoices(q.name).map((c) => c.name);
    const valid = names.filter((n) => !missing.has(n) && n !== 'other');
    const wrap = (code: string) => plain(q.type === 'select_one' ? code : [code]);
    const preferred: string[] = [];
    if (q.name === 'SCR_AGE') preferred.push(respondent.kind === 'ineligible' ? '2' : '1');
    if (q.name === 'SCR_STAFF') preferred.push('2');
    if (q.name === 'SCR_USE') preferred.push(respondent.kind === 'user' ? '1' : pick(rng, ['2', '3']));
    if (q.name === 'EXP_PAKN') preferred.push(respondent.petition ? '1' : '2');
    if (q.name === 'META_UNIT') preferred.push(d.unitCode);
    // Most respondents rate their ward's or commune's People's Committee (agency code = Unit code).
    if (q.name === 'agency' && rng.below(1000) < LOCAL_AGENCY_PER_MILLE) preferred.push(d.unitCode);
    if (RATING.test(q.name)) {
      const dk = q.missingCodes.find((c) => missing.get(c) === 'dont_know');
      if (dk && rng.below(1000) < DONT_KNOW_PER_MILLE) return [{ value: dk, missing: 'dont_know' }];
      preferred.push(String(rating(rng, d.mean)));
    }
    const rest = valid.filter((n) => !preferred.includes(n));
    const shuffled = rest.map((n) => [rng.nextUint32(), n] as const).sort((a, b) => a[0] - b[0]).map(([, n]) => n);
    return [...preferred.filter((p) => valid.includes(p)), ...shuffled].map(wrap);
  }
  if (q.type === 'integer' || q.type === 'decimal' || q.type === 'range') {
    const xs = q.name === 'DEM_AGE' ? [18 + rng.below(63)] : [];
    for (let i = 0; i < 20; i++) xs.push(rng.below(100));
    return [...xs, 0, 1, 18, 30, 100].map(plain);
  }
  if (q.type === 'date') return [plain(d.today)];
  if (q.type === 'acknowledge') return [plain(true)];
  if (q.type === 'text') return [plain(`mô phỏng ${rng.below(1000)}`), plain('mô phỏng')];
  return [];
}

export type SimulatedAnswer = SimulatedInterview['answers'][number];

/**
 * Walks the form the way a surveyor does — each relevant question a surveyor can enter, in form
 * order — and gives each the first candidate answer the form runtime accepts; `onAnswer` sees
 * each answer as it is chosen (the simulated laptop saves it there). Also used by the import
 * bench to draw interview records without a laptop database.
 */
export function walkInterview(model: FormModel, d: Draw, clock: () => Date, who: { deviceId: string; username: string }, onAnswer?: (a: SimulatedAnswer) => void): SimulatedAnswer[] {
  const rt = createFormRuntime(model, { now: clock, deviceId: who.deviceId, username: who.username });
  rt.setAnswer('consent', '1');
  const saved: SimulatedAnswer[] = [];
  for (const q of enterable(model.children)) {
    if (q.name === 'consent' || !rt.isRelevant(q.name)) continue;
    const tries = candidates(rt, model, q, d);
    let chosen: (typeof tries)[number] | undefined;
    for (const c of tries) {
      if (c.missing) rt.setMissing(q.name, String(c.value));
      else rt.setAnswer(q.name, c.value);
      if (!rt.getError(q.name)) {
        chosen = c;
        break;
      }
    }
    if (!chosen) {
      // An optional question the simulation cannot fill is left empty, as a surveyor would.
      rt.setAnswer(q.name, null);
      if (rt.getError(q.name)) throw new Error(`simulate: no valid answer found for ${q.name}`);
      continue;
    }
    const answer = { path: q.name, value: chosen.value, missing: chosen.missing };
    onAnswer?.(answer);
    saved.push(answer);
  }
  return saved;
}

/** Answers one interview on a simulated laptop: each answer saved through the laptop's service (also seeds the e2e review journey). */
export function answerInterview(core: Core, surveyor: User, model: FormModel, interviewId: string, d: Draw, clock: () => Date): SimulatedAnswer[] {
  return walkInterview(model, d, clock, { deviceId: core.deviceId, username: surveyor.code }, (a) =>
    core.services.interviews.saveAnswer(surveyor, { interviewId, path: a.path, value: a.value, missing: a.missing }),
  );
}

/** A clock that moves one minute per reading, from a fixed start: the same times on every run. */
export function simulatedClock(startMs: number): () => Date {
  let t = startMs;
  return () => new Date((t += 60_000));
}

/** Ho Chi Minh City is UTC+7 all year (no daylight saving). */
const ICT_OFFSET_MS = 7 * 3_600_000;
const READING_MS = 6_000;
const BETWEEN_INTERVIEWS_MS = 5 * 60_000;
const DAY_START_HOUR = 8;
const DAY_END_HOUR = 17;

export interface FieldworkClock {
  /** The laptop's clock: six seconds more at every reading, so an interview takes minutes. */
  now: () => Date;
  /** The surveyor moves on to the next household; after 17:00 the next working day at 08:00. */
  nextInterview: () => void;
}

/**
 * Working hours for a simulated laptop: interviews from 08:00 to 17:00 Ho Chi Minh City time,
 * Monday to Saturday, from a fixed start, so the same seed gives the same times. (A clock that
 * only ran on, a minute per reading, put 500 interviews of one laptop into nights and weeks
 * past the fieldwork, and the dashboard flagged them as times in the future.)
 */
export function fieldworkClock(startMs: number): FieldworkClock {
  let t = startMs;
  const toWorkingHours = () => {
    for (;;) {
      const local = new Date(t + ICT_OFFSET_MS);
      const hour = local.getUTCHours();
      if (local.getUTCDay() !== 0 && hour >= DAY_START_HOUR && hour < DAY_END_HOUR) return;
      const next = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + (hour < DAY_START_HOUR ? 0 : 1), DAY_START_HOUR) - ICT_OFFSET_MS;
      t = Math.max(next, t + 1);
    }
  };
  toWorkingHours();
  return {
    now: () => new Date((t += READING_MS)),
    nextInterview: () => {
      t += BETWEEN_INTERVIEWS_MS;
      toWorkingHours();
    },
  };
}

export async function simulate(o: SimulateOptions): Promise<SimulateResult> {
  const pkg = readSurveyPackage(Buffer.from(o.packageBytes));
  const compiled = checkFormJson(pkg.form, 'form.json');
  if (!compiled.ok) throw new Error(`simulate: form.json of the package does not compile: ${compiled.errors[0]?.messageEn}`);
  const model = compiled.form;
  const surveyId = pkg.manifest.survey.id;
  const frame = readUnitFrame(pkg.parts['units.csv']!).map((u) => u.code);
  const rng = seededRandom(o.seed);
  const shuffled = frame.map((code) => [rng.nextUint32(), code] as const).sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  const units = shuffled.slice(0, Math.min(frame.length, o.units ?? frame.length)).sort();
  const means = new Map(units.map((u) => [u, unitMean(seededRandom(o.seed ^ fnv1a(u)))]));
  mkdirSync(o.outDir, { recursive: true });
  const result: SimulateResult = { surveyId, interviews: [], batches: [] };
  for (let laptop = 1; laptop <= o.laptops; laptop++) {
    const dir = mkdtempSync(join(tmpdir(), 'khaosat-simulate-'));
    const lrng = seededRandom((o.seed + Math.imul(laptop, 0x9e3779b9)) >>> 0);
    // Monday 2 November 2026, 08:00 in the city; the laptops start a few minutes apart.
    const fieldwork = fieldworkClock(Date.UTC(2026, 10, 2, 1, 0, 0) + laptop * 7 * 60_000);
    const clock = fieldwork.now;
    const deviceSeed = new Uint8Array(32);
    new DataView(deviceSeed.buffer).setUint32(0, o.seed >>> 0);
    new DataView(deviceSeed.buffer).setUint32(4, laptop);
    const core = createCore({
      dbPath: join(dir, 'khaosat.sqlite'),
      clock,
      scryptParams: SIMULATION_SCRYPT,
      batchExport: { deviceKey: async () => signingKeyFromSeed(deviceSeed) },
    });
    // A simulated laptop's database is thrown away at the end: it needs no fsync per answer (the
    // laptop's synchronous=FULL), which would make the simulation wait on the disk ~0.2 s an interview.
    core.db.pragma('synchronous = OFF');
    try {
      core.services.packages.installSurveyPackage(o.packageBytes, null);
      const admin = { session: { user: null } };
      const supervisor = await core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: `Giám sát máy ${laptop}`, secret: '24681357' }, admin);
      const surveyors = [
        await core.handlers['user:create']({ code: 'DTV01', name: `Điều tra viên A máy ${laptop}`, role: 'surveyor', secret: '1358' }, admin),
        await core.handlers['user:create']({ code: 'DTV02', name: `Điều tra viên B máy ${laptop}`, role: 'surveyor', secret: '2749' }, admin),
      ];
      for (let i = 0; i < o.interviews; i++) {
        if (i > 0) fieldwork.nextInterview();
        const surveyor = surveyors[i % surveyors.length]!;
        const unitCode = units[Math.floor((((laptop - 1) * o.interviews + i) * units.length) / (o.laptops * o.interviews))]!;
        const respondent = drawRespondent(lrng);
        const today = clock().toISOString().slice(0, 10);
        const started = core.services.interviews.start(surveyor, { surveyId, unitCode, consent: respondent.kind !== 'refusal' });
        let answers: SimulatedInterview['answers'] = [];
        let outcome = 'refused';
        if (respondent.kind !== 'refusal') {
          answers = answerInterview(core, surveyor, model, started.id, { rng: lrng, respondent, mean: means.get(unitCode)!, unitCode, today }, clock);
          outcome = core.services.interviews.complete(surveyor, started.id).outcome ?? 'completed';
        }
        core.services.review.approve(supervisor, started.id);
        result.interviews.push({ laptop, unitCode, kind: respondent.kind, outcome, answers });
      }
      const batches = await core.services.batches.export(null, { outDir: o.outDir, recipientFor: () => pkg.manifest.recipient.age });
      result.batches.push(...batches);
      o.progress?.(`máy / laptop ${laptop}/${o.laptops}: ${o.interviews} phỏng vấn / interviews, ${batches.length} lô / batch(es)\n`);
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return result;
}
