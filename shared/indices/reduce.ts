// Respondents → compact typed arrays, once: every later pass (point estimates, linearised
// variances, bootstrap replicates, any grouping) reads flat arrays instead of answer objects.
// Respondents are put in a canonical order (by id) so that no result depends on input order.
import { IndexInputError, type IndexAnswer, type IndexRespondent, type IndexSettings } from './types';

/** Answer status codes in `ReducedSample.status`. */
export const NOT_VALID = 0;
export const VALID = 1;
export const SATISFIED = 2;

export interface ReducedComponent {
  id: string;
  weight: number;
  /** Item positions (columns of the n × I matrices). */
  items: number[];
}

export interface ReducedSample {
  /** Respondents. */
  size: number;
  /** Index items (one per component × question pair), in configuration order. */
  itemCount: number;
  itemQuestion: string[];
  itemWeight: Float64Array;
  itemComponent: Int32Array;
  components: ReducedComponent[];
  /** Canonical position → position in the caller's array (the order respondents were added). */
  order: Int32Array;
  ids: string[];
  unitCodes: string[];
  weights: Float64Array;
  /** True when any design weight differs from 1. */
  weighted: boolean;
  /** size × itemCount, row-major: NOT_VALID, VALID (not satisfied) or SATISFIED. */
  status: Uint8Array;
  /** size × itemCount: the answer's code when valid, else NaN. */
  score: Float64Array;
}

function checkSettings(settings: IndexSettings): void {
  const bad = (vi: string, en: string) => new IndexInputError('invalid_config', vi, en);
  const valid = new Set(settings.validCodes);
  if (valid.size === 0) throw bad('Cấu hình chỉ số không có mã hợp lệ nào (index_valid).', 'The index configuration lists no valid codes (index_valid).');
  for (const c of [...settings.validCodes, ...settings.satisfiedCodes]) {
    if (!Number.isFinite(c)) throw bad(`Mã "${c}" trong cấu hình chỉ số không phải số.`, `Code "${c}" in the index configuration is not a number.`);
  }
  const outside = settings.satisfiedCodes.filter((c) => !valid.has(c));
  if (outside.length) {
    throw bad(
      `Mã hài lòng ${outside.join(', ')} không nằm trong các mã hợp lệ (${settings.validCodes.join(', ')}), nên không bao giờ được tính.`,
      `Satisfied code(s) ${outside.join(', ')} are not among the valid codes (${settings.validCodes.join(', ')}), so they could never count.`,
    );
  }
  const ids = new Set<string>();
  for (const comp of settings.components) {
    if (ids.has(comp.id)) throw bad(`Thành phần "${comp.id}" khai báo hai lần.`, `Component "${comp.id}" is declared twice.`);
    ids.add(comp.id);
    for (const w of [comp.weight, ...comp.items.map((i) => i.weight)]) {
      if (!Number.isFinite(w) || w < 0) {
        throw bad(`Trọng số ${w} của thành phần "${comp.id}" không phải số không âm.`, `Weight ${w} in component "${comp.id}" is not a non-negative number.`);
      }
    }
  }
}

function describe(answer: unknown): string {
  try {
    return JSON.stringify(answer) ?? String(answer);
  } catch {
    return String(answer);
  }
}

function invalidAnswer(answer: unknown, respondent: string, question: string): IndexInputError {
  return new IndexInputError(
    'invalid_answer',
    `Người trả lời "${respondent}", câu "${question}": câu trả lời ${describe(answer)} không hợp lệ (cần { code: số }, { missing: 'dont_know'|'refused'|'not_applicable' }, 'skipped' hoặc 'unanswered').`,
    `Respondent "${respondent}", question "${question}": answer ${describe(answer)} is not valid (expected { code: number }, { missing: 'dont_know'|'refused'|'not_applicable' }, 'skipped' or 'unanswered').`,
  );
}

/** Reads one answer: NaN when it does not enter a denominator, else its code. Throws on a malformed answer. */
function codeOf(answer: IndexAnswer | undefined, respondent: string, question: string): number {
  if (answer === undefined || answer === 'skipped' || answer === 'unanswered') return NaN;
  if (typeof answer === 'object' && answer !== null) {
    // Property reads rather than `in`: this runs once per answer of a 200,000-interview report.
    const code = (answer as { code?: unknown }).code;
    if (typeof code === 'number') {
      if (Number.isFinite(code)) return code;
    } else if (code === undefined) {
      const missing = (answer as { missing?: unknown }).missing;
      if (missing === 'dont_know' || missing === 'refused' || missing === 'not_applicable') return NaN;
    }
  }
  throw invalidAnswer(answer, respondent, question);
}

/**
 * Code → NOT_VALID / VALID / SATISFIED. A small table when the codes span at most 1,024 integers
 * (every real scale), else sets.
 */
function codeClassifier(settings: IndexSettings): (code: number) => number {
  const valid = new Set(settings.validCodes);
  const satisfied = new Set(settings.satisfiedCodes);
  const slow = (code: number) => (!valid.has(code) ? NOT_VALID : satisfied.has(code) ? SATISFIED : VALID);
  const min = Math.min(...settings.validCodes);
  const max = Math.max(...settings.validCodes);
  if (!settings.validCodes.every(Number.isInteger) || max - min >= 1024) return slow;
  const table = new Uint8Array(max - min + 1);
  for (let c = min; c <= max; c++) table[c - min] = slow(c);
  return (code: number) => (Number.isInteger(code) && code >= min && code <= max ? table[code - min]! : NOT_VALID);
}

/**
 * Accepts respondents one at a time (a report can stream them from a database without keeping
 * answer objects) and puts them in canonical id order at `finish()`. Each `add` validates the
 * respondent fully before writing anything, so a thrown error leaves the builder as it was.
 */
export interface SampleBuilder {
  add(respondent: IndexRespondent): void;
  finish(): ReducedSample;
}

export function createSampleBuilder(settings: IndexSettings): SampleBuilder {
  checkSettings(settings);
  const itemQuestion: string[] = [];
  const itemWeights: number[] = [];
  const itemComps: number[] = [];
  const components: ReducedComponent[] = settings.components.map((comp, c) => ({
    id: comp.id,
    weight: comp.weight,
    items: comp.items.map((item) => {
      itemQuestion.push(item.question);
      itemWeights.push(item.weight);
      itemComps.push(c);
      return itemQuestion.length - 1;
    }),
  }));
  const I = itemQuestion.length;
  const classify = codeClassifier(settings);
  const ids: string[] = [];
  const unitCodes: string[] = [];
  let capacity = 64;
  let weights = new Float64Array(capacity);
  let status = new Uint8Array(capacity * I);
  let score = new Float64Array(capacity * I).fill(NaN);
  const rowStatus = new Uint8Array(I);
  const rowScore = new Float64Array(I);
  let weighted = false;
  let finished = false;

  const grow = () => {
    capacity *= 2;
    const w = new Float64Array(capacity);
    w.set(weights);
    const st = new Uint8Array(capacity * I);
    st.set(status);
    const sc = new Float64Array(capacity * I).fill(NaN);
    sc.set(score);
    [weights, status, score] = [w, st, sc];
  };

  return {
    add(r) {
      if (finished) throw new Error('SampleBuilder.add after finish()');
      const k = ids.length;
      if (typeof r !== 'object' || r === null || typeof r.id !== 'string' || r.id === '') {
        throw new IndexInputError('invalid_answer', `Người trả lời thứ ${k + 1} không có mã (id).`, `Respondent #${k + 1} has no id.`);
      }
      if (typeof r.unitCode !== 'string') {
        throw new IndexInputError('invalid_answer', `Người trả lời "${r.id}" không có mã đơn vị (unitCode).`, `Respondent "${r.id}" has no unit code (unitCode).`);
      }
      const w = r.weight ?? 1;
      if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) {
        throw new IndexInputError('invalid_weight', `Người trả lời "${r.id}": trọng số thiết kế ${describe(r.weight)} phải là số dương.`, `Respondent "${r.id}": design weight ${describe(r.weight)} must be a positive number.`);
      }
      if (typeof r.answers !== 'object' || r.answers === null) {
        throw new IndexInputError('invalid_answer', `Người trả lời "${r.id}" không có bảng câu trả lời.`, `Respondent "${r.id}" has no answers record.`);
      }
      const answers = r.answers;
      for (let i = 0; i < I; i++) {
        const q = itemQuestion[i]!;
        let answer = answers[q];
        // An inherited property (a question named "constructor") is not an answer.
        if (answer !== undefined && typeof answer !== 'string' && !Object.hasOwn(answers, q)) answer = undefined;
        const code = codeOf(answer, r.id, q);
        const st = Number.isNaN(code) ? NOT_VALID : classify(code);
        rowStatus[i] = st;
        rowScore[i] = st === NOT_VALID ? NaN : code;
      }
      if (k === capacity) grow();
      weights[k] = w;
      status.set(rowStatus, k * I);
      score.set(rowScore, k * I);
      if (w !== 1) weighted = true;
      ids.push(r.id);
      unitCodes.push(r.unitCode);
    },
    finish() {
      finished = true;
      const size = ids.length;
      // Code-unit order, not locale order: the same on every machine. Input already in id order
      // (a database read ORDER BY id) skips the sort and the copy.
      let sorted = true;
      for (let j = 1; j < size && sorted; j++) sorted = ids[j - 1]! < ids[j]!;
      const order = Int32Array.from(
        sorted ? ids.keys() : Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0)),
      );
      for (let j = 1; j < size; j++) {
        const id = ids[order[j]!]!;
        if (id === ids[order[j - 1]!]) {
          throw new IndexInputError('duplicate_respondent', `Người trả lời "${id}" xuất hiện hai lần; mỗi phỏng vấn chỉ được tính một lần.`, `Respondent "${id}" appears twice; each Interview counts once.`);
        }
      }
      const outWeights = weights.slice(0, size);
      const outStatus = status.slice(0, size * I);
      const outScore = score.slice(0, size * I);
      if (!sorted) {
        for (let j = 0; j < size; j++) {
          const k = order[j]!;
          outWeights[j] = weights[k]!;
          for (let i = 0; i < I; i++) {
            outStatus[j * I + i] = status[k * I + i]!;
            outScore[j * I + i] = score[k * I + i]!;
          }
        }
      }
      [weights, status, score] = [new Float64Array(0), new Uint8Array(0), new Float64Array(0)];
      return {
        size,
        itemCount: I,
        itemQuestion,
        itemWeight: Float64Array.from(itemWeights),
        itemComponent: Int32Array.from(itemComps),
        components,
        order,
        ids: Array.from(order, (k) => ids[k]!),
        unitCodes: Array.from(order, (k) => unitCodes[k]!),
        weights: outWeights,
        weighted,
        status: outStatus,
        score: outScore,
      };
    },
  };
}

/** All respondents at once; throws `IndexInputError` on bad input. */
export function reduceSample(respondents: readonly IndexRespondent[], settings: IndexSettings): ReducedSample {
  const builder = createSampleBuilder(settings);
  for (const r of respondents) builder.add(r);
  return builder.finish();
}
