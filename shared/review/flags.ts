// Quality flags a supervisor looks at before approving an interview (DOMAIN.md, "Quality signals
// supervisors look for"). Pure functions over plain data, so main computes them on read (no table)
// and tests need no database. Every threshold is a named constant below; docs/review.md lists them.
import type { IndexConfig } from '../forms/model';

/** An interview is too short when it took less than this share of its survey's median duration. */
export const TOO_SHORT_SHARE_OF_MEDIAN = 1 / 3;
/** The median is trusted only over at least this many completed interviews of the survey on this laptop. */
export const MIN_MEDIAN_SAMPLE = 5;
/** Straight-lining: at least this many satisfaction items answered on the scale, all with the same code. */
export const STRAIGHT_LINE_MIN_ITEMS = 5;
/** Don't-know: flagged when at least this share of the answered questions is coded dont_know… */
export const DONT_KNOW_SHARE = 0.3;
/** …and at least this many questions were answered (two answers, one "don't know", is not a pattern). */
export const DONT_KNOW_MIN_ANSWERED = 5;
/** Clock checks forgive this much drift (seconds) between the laptop's clock readings. */
export const CLOCK_TOLERANCE_SECONDS = 300;

export const FLAG_CODES = ['too_short', 'straight_lining', 'dont_know_share', 'clock_future', 'clock_before_install', 'clock_backwards'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface ReviewFlag {
  code: FlagCode;
  /** What the supervisor reads, Vietnamese first. */
  vi: string;
  en: string;
}

/** The paradata events that open (`created`, `reopened`) and end (`completed`, `closed`) a working session. */
const SESSION_START = new Set(['created', 'reopened']);
const SESSION_END = new Set(['completed', 'closed']);

export interface FlagParadata {
  at: string;
  event: string;
  /** The renderer's clock for navigation events (`detail.clientAt`), when it sent one. */
  clientAt?: string | null;
}

export interface FlagAnswer {
  path: string;
  value: unknown;
  missing: string | null;
}

export interface FlagInput {
  outcome: string | null;
  createdAt: string;
  completedAt: string | null;
  answers: readonly FlagAnswer[];
  /** In the order they were written (paradata ids). */
  paradata: readonly FlagParadata[];
  index: Pick<IndexConfig, 'components' | 'validCodes'>;
  /** Median duration (seconds) of the survey's completed interviews, null when the sample is too small. */
  surveyMedianSeconds: number | null;
  /** When the interview's form version was installed on this laptop. */
  formInstalledAt: string | null;
  /** The laptop's clock now (main's). */
  now: string;
}

function ms(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/**
 * Seconds spent working on the interview: the sum of its sessions (created or reopened → completed
 * or closed), so the days a rejected interview waited for its surveyor do not count. Without such
 * paradata, created → completed. Null while unfinished or when the clock reads backwards.
 */
export function interviewDurationSeconds(input: Pick<FlagInput, 'createdAt' | 'completedAt' | 'paradata'>): number | null {
  let total = 0;
  let sessions = 0;
  let start: number | null = null;
  for (const e of input.paradata) {
    if (SESSION_START.has(e.event)) start = ms(e.at);
    else if (SESSION_END.has(e.event) && start !== null) {
      const end = ms(e.at);
      if (end !== null && end >= start) {
        total += end - start;
        sessions += 1;
      }
      start = null;
    }
  }
  if (sessions > 0) return Math.round(total / 1000);
  const a = ms(input.createdAt);
  const b = ms(input.completedAt);
  if (a === null || b === null || b < a) return null;
  return Math.round((b - a) / 1000);
}

/** The median of the durations, or null with fewer than MIN_MEDIAN_SAMPLE of them. */
export function medianSeconds(durations: readonly number[]): number | null {
  if (durations.length < MIN_MEDIAN_SAMPLE) return null;
  const sorted = [...durations].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function minutes(seconds: number): string {
  return seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

function phut(seconds: number): string {
  return seconds < 120 ? `${Math.round(seconds)} giây` : `${Math.round(seconds / 60)} phút`;
}

function tooShort(input: FlagInput): ReviewFlag | null {
  // Only a questionnaire gone through: a refusal at the door is short by nature.
  if (input.outcome !== 'completed' || input.surveyMedianSeconds === null) return null;
  const d = interviewDurationSeconds(input);
  if (d === null || d >= input.surveyMedianSeconds * TOO_SHORT_SHARE_OF_MEDIAN) return null;
  const m = input.surveyMedianSeconds;
  return {
    code: 'too_short',
    vi: `Quá ngắn: ${phut(d)}, dưới 1/3 trung vị của khảo sát (${phut(m)})`,
    en: `Too short: ${minutes(d)}, under 1/3 of the survey's median (${minutes(m)})`,
  };
}

function straightLining(input: FlagInput): ReviewFlag | null {
  const items = new Set(input.index.components.flatMap((c) => c.items.map((i) => i.question)));
  const valid = new Set(input.index.validCodes.map(String));
  const codes = input.answers
    .filter((a) => items.has(a.path) && a.missing === null && a.value !== null && valid.has(String(a.value)))
    .map((a) => String(a.value));
  if (codes.length < STRAIGHT_LINE_MIN_ITEMS || new Set(codes).size !== 1) return null;
  return {
    code: 'straight_lining',
    vi: `Trả lời giống nhau: cả ${codes.length} câu hài lòng đều là ${codes[0]}`,
    en: `Straight-lining: all ${codes.length} satisfaction items answered ${codes[0]}`,
  };
}

function dontKnowShare(input: FlagInput): ReviewFlag | null {
  const answered = input.answers.filter((a) => a.value !== null);
  const dk = answered.filter((a) => a.missing === 'dont_know').length;
  if (answered.length < DONT_KNOW_MIN_ANSWERED || dk / answered.length < DONT_KNOW_SHARE) return null;
  const pct = Math.round((100 * dk) / answered.length);
  return {
    code: 'dont_know_share',
    vi: `Nhiều "không biết": ${dk}/${answered.length} câu (${pct}%)`,
    en: `Many "don't know": ${dk}/${answered.length} questions (${pct}%)`,
  };
}

function clockFlags(input: FlagInput): ReviewFlag[] {
  const out: ReviewFlag[] = [];
  const tol = CLOCK_TOLERANCE_SECONDS * 1000;
  const now = ms(input.now);
  const times = [input.createdAt, input.completedAt, ...input.paradata.flatMap((e) => [e.at, e.clientAt ?? null])]
    .map(ms)
    .filter((t): t is number => t !== null);
  if (now !== null && times.some((t) => t > now + tol)) {
    out.push({ code: 'clock_future', vi: 'Giờ bất thường: có thời điểm ở tương lai', en: 'Implausible clock: a time in the future' });
  }
  const installed = ms(input.formInstalledAt);
  const created = ms(input.createdAt);
  if (installed !== null && created !== null && created < installed - tol) {
    out.push({ code: 'clock_before_install', vi: 'Giờ bất thường: bắt đầu trước khi cài khảo sát', en: 'Implausible clock: started before the survey was installed' });
  }
  if (goesBackwards(input.paradata.map((e) => e.at)) || goesBackwards(input.paradata.map((e) => e.clientAt ?? null))) {
    out.push({ code: 'clock_backwards', vi: 'Giờ bất thường: thời gian trong nhật ký bị lùi lại', en: 'Implausible clock: paradata times go backwards' });
  }
  return out;
}

/** True when a later reading is earlier than the latest one before it by more than the tolerance. */
function goesBackwards(readings: readonly (string | null)[]): boolean {
  let latest = -Infinity;
  for (const r of readings) {
    const t = ms(r);
    if (t === null) continue;
    if (t < latest - CLOCK_TOLERANCE_SECONDS * 1000) return true;
    latest = Math.max(latest, t);
  }
  return false;
}

/** Every flag the interview raises, in FLAG_CODES order. */
export function computeFlags(input: FlagInput): ReviewFlag[] {
  return [tooShort(input), straightLining(input), dontKnowShare(input), ...clockFlags(input)].filter((f): f is ReviewFlag => f !== null);
}
