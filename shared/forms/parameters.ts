// The `parameters` column: `key=value` pairs, checked per question type the way pyxform checks
// them (range bounds, randomize/seed, geo accuracies, image size, audio quality). A key the type
// does not take is a warning naming the keys it does take: ODK ignores it, the designer should know.
import type { FormErrorAt, FormIssues } from './errors';
import type { ChoiceList, QuestionNode, QuestionType } from './model';

const SELECT_KEYS = ['randomize', 'seed'];
const GEO_KEYS = ['capture-accuracy', 'warning-accuracy', 'allow-mock-accuracy'];
const KEYS: Partial<Record<QuestionType, readonly string[]>> = {
  range: ['start', 'end', 'step', 'tick_interval', 'placeholder', 'tick_labelset'],
  select_one: SELECT_KEYS,
  select_multiple: SELECT_KEYS,
  rank: SELECT_KEYS,
  select_one_from_file: [...SELECT_KEYS, 'value', 'label'],
  select_multiple_from_file: [...SELECT_KEYS, 'value', 'label'],
  geopoint: GEO_KEYS,
  geotrace: [...GEO_KEYS, 'incremental'],
  geoshape: [...GEO_KEYS, 'incremental'],
  'start-geopoint': GEO_KEYS,
  image: ['max-pixels', 'app'],
  audio: ['quality'],
  'background-audio': ['quality'],
  video: ['app'],
  text: ['rows'],
  audit: ['location-priority', 'location-min-interval', 'location-max-age', 'track-changes', 'identify-user', 'track-changes-reasons'],
};
const AUDIO_QUALITY = new Set(['normal', 'low', 'voice-only', 'external']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const SEED_REF = /^\$\{([^}]+)\}$/;

/** `start=1 end=5 step=1` (spaces, commas or semicolons between pairs; `key = value` tolerated). */
export function parseParameters(text: string, at: FormErrorAt, issues: FormIssues): Record<string, string> {
  const out: Record<string, string> = {};
  const tight = text.replace(/\s*=\s*/g, '=');
  for (const tok of tight.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^([\w-]+)=(.*)$/.exec(tok);
    if (!m || !m[2]) {
      issues.error(at, 'invalid_parameters', `Tham số "${tok}" phải có dạng khóa=giá_trị (ví dụ start=1 end=5 step=1).`, `Parameter "${tok}" must be key=value (e.g. start=1 end=5 step=1).`, 'start=1 end=5 step=1');
      continue;
    }
    out[(m[1] ?? '').toLowerCase()] = m[2];
  }
  return out;
}

function bad(issues: FormIssues, at: FormErrorAt, vi: string, en: string, expected?: string): void {
  issues.error(at, 'invalid_parameters', vi, en, expected);
}

/**
 * Checks (and for range, completes with pyxform's defaults) `q.parameters`. Returns the names a
 * `seed=${name}` refers to, for the reference check.
 */
export function checkParameters(q: QuestionNode, at: FormErrorAt, issues: FormIssues, lists: Record<string, ChoiceList>): string[] {
  const p = q.parameters;
  const known = KEYS[q.type] ?? [];
  for (const key of Object.keys(p)) {
    if (known.includes(key)) continue;
    issues.warn(
      at,
      'unknown_parameter',
      `Tham số "${key}" không dùng được cho kiểu ${q.type} nên bị bỏ qua${known.length ? ` (tham số hợp lệ: ${known.join(', ')})` : ''}.`,
      `Parameter "${key}" does not apply to type ${q.type} and is ignored${known.length ? ` (valid: ${known.join(', ')})` : ''}.`,
      known.join(', ') || undefined,
    );
  }
  const refs: string[] = [];
  if (q.type === 'range') checkRange(p, at, issues, lists);
  if (q.type === 'audit') checkAudit(p, at, issues);
  if ('randomize' in p || 'seed' in p) {
    const r = (p['randomize'] ?? '').toLowerCase();
    if ('randomize' in p && r !== 'true' && r !== 'false') {
      bad(issues, at, `randomize phải là true hoặc false, không phải "${p['randomize']}".`, `randomize must be true or false, not "${p['randomize']}".`, 'randomize=true');
    }
    const seed = p['seed'];
    if (seed !== undefined) {
      if (r !== 'true') bad(issues, at, 'Tham số seed chỉ dùng được cùng randomize=true.', 'Parameter seed requires randomize=true.', 'randomize=true');
      const ref = SEED_REF.exec(seed);
      if (ref?.[1]) refs.push(ref[1]);
      else if (!NUMBER.test(seed)) bad(issues, at, `seed phải là một số hoặc \${tên}, không phải "${seed}".`, `seed must be a number or a \${name}, not "${seed}".`);
    }
  }
  for (const key of ['capture-accuracy', 'warning-accuracy', 'max-pixels', 'rows'] as const) {
    const v = p[key];
    if (v === undefined || !known.includes(key)) continue;
    const whole = key === 'max-pixels' || key === 'rows';
    if (!(whole ? /^\d+$/.test(v) && Number(v) > 0 : NUMBER.test(v) && Number(v) >= 0)) {
      bad(issues, at, `Tham số ${key}="${v}" phải là ${whole ? 'một số nguyên dương' : 'một số không âm'}.`, `Parameter ${key}="${v}" must be ${whole ? 'a positive whole number' : 'a non-negative number'}.`);
    }
  }
  for (const key of ['allow-mock-accuracy', 'incremental'] as const) {
    const v = p[key];
    if (v !== undefined && known.includes(key) && !['true', 'false'].includes(v.toLowerCase())) {
      bad(issues, at, `Tham số ${key} phải là true hoặc false, không phải "${v}".`, `Parameter ${key} must be true or false, not "${v}".`, `${key}=true`);
    }
  }
  const quality = p['quality'];
  if (quality !== undefined && known.includes('quality') && !AUDIO_QUALITY.has(quality)) {
    bad(issues, at, `quality="${quality}" không hợp lệ; dùng normal, low, voice-only hoặc external.`, `quality="${quality}" is invalid; use normal, low, voice-only or external.`, 'quality=normal');
  }
  return refs;
}

const LOCATION_PRIORITIES = ['no-power', 'low-power', 'balanced', 'high-accuracy'];
const LOCATION_KEYS = ['location-priority', 'location-min-interval', 'location-max-age'] as const;

/** pyxform's audit checks: location takes all three keys with sane values; the switches are booleans. */
function checkAudit(p: Record<string, string>, at: FormErrorAt, issues: FormIssues): void {
  const given = LOCATION_KEYS.filter((k) => p[k] !== undefined);
  if (given.length > 0 && given.length < LOCATION_KEYS.length) {
    bad(issues, at, 'Theo dõi vị trí của audit cần đủ ba tham số location-priority, location-min-interval và location-max-age.', 'Location tracking in an audit needs all three of location-priority, location-min-interval and location-max-age.', 'location-priority=balanced location-min-interval=60 location-max-age=120');
  }
  const priority = p['location-priority'];
  if (priority !== undefined && !LOCATION_PRIORITIES.includes(priority)) {
    bad(issues, at, `location-priority="${priority}" không hợp lệ; dùng ${LOCATION_PRIORITIES.join(', ')}.`, `location-priority="${priority}" is invalid; use ${LOCATION_PRIORITIES.join(', ')}.`, 'location-priority=balanced');
  }
  const seconds = (key: string): number | null => {
    const v = p[key];
    if (v === undefined) return null;
    if (/^\d+$/.test(v)) return Number(v);
    bad(issues, at, `Tham số ${key}="${v}" phải là một số nguyên giây không âm.`, `Parameter ${key}="${v}" must be a whole number of seconds, zero or more.`);
    return null;
  };
  const minInterval = seconds('location-min-interval');
  const maxAge = seconds('location-max-age');
  if (minInterval !== null && maxAge !== null && maxAge < minInterval) {
    bad(issues, at, `location-max-age (${maxAge}) phải lớn hơn hoặc bằng location-min-interval (${minInterval}).`, `location-max-age (${maxAge}) must be greater than or equal to location-min-interval (${minInterval}).`);
  }
  for (const key of ['track-changes', 'identify-user'] as const) {
    const v = p[key];
    if (v !== undefined && !['true', 'false'].includes(v.toLowerCase())) {
      bad(issues, at, `Tham số ${key} phải là true hoặc false, không phải "${v}".`, `Parameter ${key} must be true or false, not "${v}".`, `${key}=true`);
    }
  }
  const reasons = p['track-changes-reasons'];
  if (reasons !== undefined && reasons.toLowerCase() !== 'on-form-edit') {
    bad(issues, at, `track-changes-reasons chỉ nhận giá trị on-form-edit, không phải "${reasons}".`, `track-changes-reasons only takes on-form-edit, not "${reasons}".`, 'track-changes-reasons=on-form-edit');
  }
}

function checkRange(p: Record<string, string>, at: FormErrorAt, issues: FormIssues, lists: Record<string, ChoiceList>): void {
  // pyxform's defaults: start 1, end 10, step 1.
  p['start'] ??= '1';
  p['end'] ??= '10';
  p['step'] ??= '1';
  let numeric = true;
  for (const k of ['start', 'end', 'step', 'tick_interval', 'placeholder'] as const) {
    const v = p[k];
    if (v !== undefined && !NUMBER.test(v)) {
      numeric = false;
      bad(issues, at, `Tham số ${k}="${v}" của câu range phải là số.`, `Range parameter ${k}="${v}" must be a number.`);
    }
  }
  if (!numeric) return;
  const start = Number(p['start']);
  const end = Number(p['end']);
  const step = Number(p['step']);
  if (step === 0) {
    bad(issues, at, 'Tham số step của câu range không được bằng 0.', 'Range parameter step must not be 0.');
    return;
  }
  const tick = p['tick_interval'];
  if (tick !== undefined && (Number(tick) === 0 || !isMultiple(Number(tick), step))) {
    bad(issues, at, `tick_interval=${tick} phải là bội số khác 0 của step=${p['step']}.`, `tick_interval=${tick} must be a non-zero multiple of step=${p['step']}.`);
  }
  const placeholder = p['placeholder'];
  if (placeholder !== undefined) {
    const x = Number(placeholder);
    if (x < Math.min(start, end) || x > Math.max(start, end) || !isMultiple(x - start, step)) {
      bad(issues, at, `placeholder=${placeholder} phải là một giá trị của range (từ ${start} đến ${end}, bước ${step}).`, `placeholder=${placeholder} must be a value of the range (${start} to ${end}, step ${step}).`);
    }
  }
  const labelset = p['tick_labelset'];
  if (labelset !== undefined && !lists[labelset]) {
    bad(issues, at, `tick_labelset="${labelset}" không phải danh sách nào trong bảng choices.`, `tick_labelset="${labelset}" is not a list in the choices sheet.`);
  }
}

function isMultiple(x: number, step: number): boolean {
  const k = x / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}
