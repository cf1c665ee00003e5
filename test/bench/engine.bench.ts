// Benchmark: re-evaluating relevance, constraints and calculations after one answer on a
// 300-question form, KhaoSat's runtime against SurveyJS (survey-core) with the same logic and
// the same answer sequence in the same process. Budget (ARCHITECTURE.md): median ≤ 0.2 ms.
import { Model } from 'survey-core';
import { createFormRuntime } from '../../shared/engine/runtime';
import { compileForm, type Cell, type FormModel } from '../../shared/forms';
import type { BenchResult } from './report';

const BUDGET_MEDIAN_MS = 0.2;
const BLOCKS = 30;
const BLOCK_SIZE = 10;

/**
 * 30 blocks of 10: nine integers on the 1–5 scale where each is relevant only when the previous
 * one is > 2 (a chain), and a calculation adding the block's first and fifth answers.
 */
interface BenchQuestion {
  name: string;
  relevantOn?: string;
  calc?: [string, string];
}

function benchQuestions(): BenchQuestion[] {
  const out: BenchQuestion[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    const base = b * BLOCK_SIZE;
    for (let k = 1; k < BLOCK_SIZE; k++) {
      const q: BenchQuestion = { name: `q${base + k}` };
      if (k > 1) q.relevantOn = `q${base + k - 1}`;
      out.push(q);
    }
    out.push({ name: `q${base + BLOCK_SIZE}`, calc: [`q${base + 1}`, `q${base + 5}`] });
  }
  return out;
}

export function benchForm(): FormModel {
  const header: Cell[] = ['type', 'name', 'label', 'relevant', 'constraint', 'constraint_message', 'calculation'];
  const rows: Cell[][] = [header];
  for (const q of benchQuestions()) {
    if (q.calc) rows.push(['calculate', q.name, null, null, null, null, `\${${q.calc[0]}} + \${${q.calc[1]}}`]);
    else rows.push(['integer', q.name, `Câu ${q.name}`, q.relevantOn ? `\${${q.relevantOn}} > 2` : null, '. >= 1 and . <= 5', 'Từ 1 đến 5', null]);
  }
  const result = compileForm({ fileName: 'bench-300.xlsx', sheets: { survey: { rows }, settings: { rows: [['form_id', 'version'], ['bench300', '1']] } } });
  if (!result.ok) throw new Error(`bench form does not compile: ${result.errors.map((e) => e.messageEn).join('; ')}`);
  return result.form;
}

function surveyJsModel(): Model {
  const elements: unknown[] = [];
  const calculatedValues: unknown[] = [];
  for (const q of benchQuestions()) {
    if (q.calc) {
      calculatedValues.push({ name: q.name, expression: `{${q.calc[0]}} + {${q.calc[1]}}` });
      continue;
    }
    const el: Record<string, unknown> = {
      type: 'text',
      inputType: 'number',
      name: q.name,
      title: `Câu ${q.name}`,
      validators: [{ type: 'expression', expression: `{${q.name}} >= 1 and {${q.name}} <= 5`, text: 'Từ 1 đến 5' }],
    };
    if (q.relevantOn) el['visibleIf'] = `{${q.relevantOn}} > 2`;
    elements.push(el);
  }
  // Validate on every change and clear hidden answers, as the KhaoSat runtime does.
  return new Model({ checkErrorsMode: 'onValueChanged', clearInvisibleValues: 'onHidden', elements, calculatedValues });
}

interface Op {
  name: string;
  value: number;
  /** Untimed steps restore a broken chain so every timed answer lands on a relevant question. */
  timed: boolean;
}

/**
 * A fixed pseudo-random answer sequence (LCG), identical for both engines: a random question,
 * mostly 3–5; one answer in ten is 1 or 2, hiding (and clearing) the rest of its chain, which
 * untimed steps then refill.
 */
function answerSequence(n: number): Op[] {
  const inputs = benchQuestions().filter((q) => !q.calc).map((q) => q.name);
  let seed = 20250701;
  const next = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const out: Op[] = [];
  for (let i = 0; i < n; i++) {
    const name = inputs[Math.floor(next() * inputs.length)] as string;
    const breaks = next() < 0.1;
    const value = breaks ? 1 + Math.floor(next() * 2) : 3 + Math.floor(next() * 3);
    out.push({ name, value, timed: true });
    if (breaks) {
      const k = Number(name.slice(1));
      const blockEnd = Math.ceil(k / BLOCK_SIZE) * BLOCK_SIZE - 1;
      for (let j = k; j <= blockEnd; j++) out.push({ name: `q${j}`, value: 4, timed: false });
    }
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

function time(seq: readonly Op[], set: (name: string, value: number) => void): number[] {
  const samples: number[] = [];
  for (const op of seq) {
    if (!op.timed) {
      set(op.name, op.value);
      continue;
    }
    const t0 = performance.now();
    set(op.name, op.value);
    samples.push(performance.now() - t0);
  }
  return samples.sort((x, y) => x - y);
}

export async function runEngineBench(opts: { iterations?: number } = {}): Promise<BenchResult> {
  const iterations = opts.iterations ?? 5000;
  const warmup = Math.min(2000, iterations);
  const form = benchForm();
  const fillAll = (set: (name: string, value: number) => void) => {
    for (const q of benchQuestions()) if (!q.calc) set(q.name, 4);
  };

  const rt = createFormRuntime(form);
  const ks = (name: string, value: number) => rt.setAnswer(name, value);
  fillAll(ks);
  time(answerSequence(warmup), ks);
  fillAll(ks);
  rt.stats.reset();
  const seq = answerSequence(iterations);
  const ksSamples = time(seq, ks);
  const evaluationsPerOp = rt.stats.evaluations / seq.length;

  const model = surveyJsModel();
  const sj = (name: string, value: number) => model.setValue(name, value);
  fillAll(sj);
  time(answerSequence(warmup), sj);
  fillAll(sj);
  const sjSamples = time(seq, sj);

  const ksMedian = percentile(ksSamples, 50);
  const sjMedian = percentile(sjSamples, 50);
  return {
    name: 'Engine: re-evaluate after one answer (300-question form)',
    rows: [
      { label: 'KhaoSat runtime setAnswer + re-evaluation', median: ksMedian, p99: percentile(ksSamples, 99), unit: 'ms' },
      { label: 'SurveyJS survey-core setValue (same logic)', median: sjMedian, p99: percentile(sjSamples, 99), unit: 'ms' },
    ],
    ratio: ksMedian / sjMedian,
    ratioLabel: 'KhaoSat median / SurveyJS median',
    budgets: [{ label: 'KhaoSat median per answer', measured: ksMedian, limit: BUDGET_MEDIAN_MS, unit: 'ms' }],
    notes: [
      `${iterations} timed answers after ${warmup} warm-up, same pseudo-random sequence for both engines; 30 relevance chains of 9, 270 constraints, 30 calculations; one answer in ten hides the rest of its chain.`,
      `KhaoSat re-evaluated ${evaluationsPerOp.toFixed(2)} cells per answer on average (of 300).`,
    ],
  };
}
