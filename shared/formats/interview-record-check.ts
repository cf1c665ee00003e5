// A quick check of one interview record against InterviewRecordSchema's rules, for the analyst's
// import: a batch of 200 interviews holds some 13,000 answer and paradata objects, and walking
// them through zod costs about as much as inserting them. The same rules written out as plain
// code, as one predicate: true only for a record the schema accepts unchanged (a strict object
// with no transform, so the parsed value is the record itself). Anything it is not sure of — a
// bad field, or a rare shape such as a media answer over 10,000 characters or a nested paradata
// detail it does not walk — answers false, and the caller runs the schema, which then accepts
// it or names the problem. It never replaces the schema's verdict, only skips the schema's walk
// for records the schema would accept (test/shared/formats/interview-record-check.test.ts checks
// it against the schema).
import { MISSING_KINDS } from '../forms/model';
import { ANSWER_PATH_PATTERN } from '../forms/answerPath';
import { BATCH_LIMITS, type InterviewRecord } from './batch';
import { SHAPE_LIMITS, SLUG_PATTERN, UNIT_CODE_PATTERN } from '../contract/schemas';

// The patterns of InterviewRecordSchema's fields (shared/contract/schemas.ts, batch.ts); zod's
// z.uuid() is RFC 9562's layout plus the nil and max UUIDs.
const UUID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const SLUG = SLUG_PATTERN;
const UNIT_CODE = UNIT_CODE_PATTERN;
const OUTCOME = /^[a-z][a-z_]{0,31}$/;
const EVENT = /^[a-z][a-z_]{0,39}$/;
const { isoTime: ISO_TIME_MAX, answerPath: ANSWER_PATH_MAX, answerText: TEXT_VALUE_MAX, choice: CHOICE_MAX, choices: CHOICES_MAX, slug: SLUG_MAX } = SHAPE_LIMITS;
const DETAIL_DEPTH_MAX = 16;
const MISSING = new Set<unknown>(MISSING_KINDS);

const RECORD_KEYS = ['id', 'revision', 'surveyId', 'formVersion', 'deviceId', 'surveyorCode', 'unitCode', 'outcome', 'createdAt', 'completedAt', 'approvedAt', 'answers', 'paradata'] as const;
const ANSWER_KEYS = 4;
const PARADATA_KEYS = 4;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Own enumerable string keys, counted (a strict object has exactly its schema's keys). */
function keyCount(value: object): number {
  let n = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return -1;
    n++;
  }
  return n;
}

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTime = (v: unknown): boolean => isString(v, ISO_TIME_MAX);
const isAnswerPath = (v: unknown): boolean => isString(v, ANSWER_PATH_MAX) && ANSWER_PATH_PATTERN.test(v);

function isAnswerValue(v: unknown): boolean {
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  // Longer text can still be a media value: left to the schema.
  if (typeof v === 'string') return v.length <= TEXT_VALUE_MAX;
  if (!Array.isArray(v) || v.length > CHOICES_MAX) return false;
  for (let i = 0; i < v.length; i++) if (!isString(v[i], CHOICE_MAX)) return false;
  return true;
}

function isAnswer(a: unknown): boolean {
  return (
    isPlainObject(a) &&
    keyCount(a) === ANSWER_KEYS &&
    isAnswerPath(a.path) &&
    'value' in a &&
    isAnswerValue(a.value) &&
    (a.missing === null || MISSING.has(a.missing)) &&
    isTime(a.savedAt)
  );
}

/** z.json(): strings, finite numbers, booleans, null, arrays and plain objects of those. */
function isJsonDetail(v: unknown, depth: number): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (depth >= DETAIL_DEPTH_MAX) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !isJsonDetail(v[i], depth + 1)) return false;
    return true;
  }
  if (!isPlainObject(v)) return false;
  for (const key in v) {
    // A "__proto__" key (JSON.parse makes it an own property) is left to the schema.
    if (!Object.hasOwn(v, key) || key === '__proto__' || !isJsonDetail(v[key], depth + 1)) return false;
  }
  return true;
}

function isParadata(p: unknown): boolean {
  return (
    isPlainObject(p) &&
    keyCount(p) === PARADATA_KEYS &&
    isTime(p.at) &&
    typeof p.event === 'string' &&
    EVENT.test(p.event) &&
    (p.path === null || isAnswerPath(p.path)) &&
    'detail' in p &&
    isJsonDetail(p.detail, 0)
  );
}

/**
 * True when InterviewRecordSchema accepts `raw` as it is; false when the schema must be asked
 * (it may still accept it, or will say why not).
 */
export function isPlainInterviewRecord(raw: unknown): raw is InterviewRecord {
  if (!isPlainObject(raw) || keyCount(raw) !== RECORD_KEYS.length) return false;
  for (const key of RECORD_KEYS) if (!Object.hasOwn(raw, key)) return false;
  const r = raw;
  if (!(typeof r.id === 'string' && UUID.test(r.id) && typeof r.deviceId === 'string' && UUID.test(r.deviceId))) return false;
  if (!(typeof r.revision === 'number' && Number.isSafeInteger(r.revision) && r.revision >= 0)) return false;
  for (const slug of [r.surveyId, r.formVersion]) if (!(typeof slug === 'string' && slug.length >= 1 && slug.length <= SLUG_MAX && SLUG.test(slug))) return false;
  if (!(typeof r.surveyorCode === 'string' && r.surveyorCode.length >= 1 && r.surveyorCode.length <= 32)) return false;
  if (!(typeof r.unitCode === 'string' && UNIT_CODE.test(r.unitCode) && typeof r.outcome === 'string' && OUTCOME.test(r.outcome))) return false;
  if (!(isTime(r.createdAt) && (r.completedAt === null || isTime(r.completedAt)) && (r.approvedAt === null || isTime(r.approvedAt)))) return false;
  const { answers, paradata } = r;
  if (!Array.isArray(answers) || answers.length > BATCH_LIMITS.answersPerInterview) return false;
  if (!Array.isArray(paradata) || paradata.length > BATCH_LIMITS.paradataPerInterview) return false;
  for (let i = 0; i < answers.length; i++) if (!(i in answers) || !isAnswer(answers[i])) return false;
  for (let i = 0; i < paradata.length; i++) if (!(i in paradata) || !isParadata(paradata[i])) return false;
  return true;
}
