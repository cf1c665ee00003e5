// The one adapter between stored answers (rows of the durable store, answers in the contract) and
// the form runtime, and the check every saved answer passes. The main process runs both (it has
// the last word); the renderer runs the same code for instant feedback.
//
// A stored answer is typed by its question: integer/decimal/range → number; text, date
// (YYYY-MM-DD), time, dateTime, select_one → string (a choice code); select_multiple/rank →
// string[] of codes; acknowledge → true; geopoint/geotrace/geoshape → ODK's `lat lon [alt [acc]]`
// text, points joined by `;` (shared/forms/geo.ts); image/audio/video/file → the attached file as
// a data URL within the type's size limit (shared/forms/media.ts); barcode → one line of text.
// A coded don't know / refused / not applicable keeps its
// code as the value (`'9'`) with its kind in `missing`. `null` clears the answer.
import type { AnswerValue } from '../contract/schemas';
import { isAnswerPath, parsePathSegments } from '../forms/answerPath';
import { NOT_ENTERED_TYPES, type FormModel, type MissingKind, type QuestionNode, walkNodes } from '../forms/model';
import { GEO_TYPES, parseGeoValue, type GeoType } from '../forms/geo';
import { isMediaType, mediaProblem } from '../forms/media';
import { suggest } from '../forms/names';
import { typeProblem } from './runtime/checks';
import { TYPE_MESSAGES, type Bilingual } from './runtime/messages';
import { toStoredValue, type FormRuntime } from './runtime/runtime';
import { MAX_REPEAT_INSTANCES, RuntimeInputError } from './runtime/types';

export interface StoredAnswer {
  path: string;
  value: AnswerValue;
  missing: MissingKind | null;
}

/** What is wrong with one answer: its path and what was expected, in Vietnamese and English. */
export interface AnswerIssue {
  path: string;
  vi: string;
  en: string;
}

/** Question types whose value the app or the form computes: never entered by a person. */
const COMPUTED: ReadonlySet<string> = NOT_ENTERED_TYPES;
const NUMERIC = new Set(['integer', 'decimal', 'range']);
const LISTS = new Set(['select_multiple', 'rank', 'select_multiple_from_file']);
const MAX_INT = 2147483647;
/** Longest barcode kept (QR codes hold up to ~4,300 characters; ODK stores the decoded text). */
export const MAX_BARCODE_CHARS = 4_296;

interface Entry {
  question: QuestionNode;
  /** Names of the enclosing repeats, outermost first. */
  repeats: string[];
  /** Index in form order (answers are loaded in this order). */
  order: number;
}

interface FormIndex {
  byName: Map<string, Entry>;
  /** Repeat name → its enclosing repeats and whether the interviewer adds its instances. */
  repeats: Map<string, { repeats: string[]; open: boolean }>;
}

const indexes = new WeakMap<FormModel, FormIndex>();

function formIndex(form: FormModel): FormIndex {
  const cached = indexes.get(form);
  if (cached) return cached;
  const byName = new Map<string, Entry>();
  const repeats = new Map<string, { repeats: string[]; open: boolean }>();
  let order = 0;
  walkNodes(form.children, (node, parents) => {
    const chain = parents.filter((p) => p.kind === 'repeat').map((p) => p.name);
    if (node.kind === 'repeat') repeats.set(node.name, { repeats: chain, open: !node.repeatCount });
    if (node.kind !== 'question') return;
    if (!byName.has(node.name)) byName.set(node.name, { question: node, repeats: chain, order: order++ });
    // pyxform's `<name>_other` free text of an or_other select, when the form does not define it.
    const other = `${node.name}_other`;
    if (node.orOther && !byName.has(other)) {
      const q: QuestionNode = { ...node, name: other, type: 'text', listName: undefined, orOther: false, missingCodes: [], calculation: undefined, readOnly: false };
      byName.set(other, { question: q, repeats: chain, order: order++ });
    }
  });
  const index = { byName, repeats };
  indexes.set(form, index);
  return index;
}

function issue(path: string, m: Bilingual): AnswerIssue {
  return { path, vi: m.vi, en: m.en };
}

/** The question an answer path names, or an issue saying why the path is not one of the form's. */
export function questionAtPath(form: FormModel, path: string): { question: QuestionNode } | { issue: AnswerIssue } {
  const segs = isAnswerPath(path) ? parsePathSegments(path) : null;
  if (!segs) {
    return { issue: issue(path, { vi: 'Đường dẫn câu hỏi sai dạng (cần tên hoặc nhóm_lặp[số]/tên).', en: 'Malformed question path (expected name or repeat[n]/name).' }) };
  }
  const { byName } = formIndex(form);
  const name = (segs[segs.length - 1] as { name: string }).name;
  const entry = byName.get(name);
  if (!entry) {
    const near = suggest(name, byName.keys());
    const hint = near ? { vi: ` Có phải "${near}"?`, en: ` Did you mean "${near}"?` } : { vi: '', en: '' };
    return { issue: issue(path, { vi: `Phiếu không có câu hỏi "${name}".${hint.vi}`, en: `The form has no question "${name}".${hint.en}` }) };
  }
  const outer = segs.slice(0, -1);
  const expected = entry.repeats.map((r) => `${r}[n]/`).join('') + name;
  if (outer.length !== entry.repeats.length || outer.some((s, k) => s.name !== entry.repeats[k])) {
    return { issue: issue(path, { vi: `Câu "${name}" cần đường dẫn dạng ${expected}.`, en: `Question "${name}" needs a path like ${expected}.` }) };
  }
  const tooMany = outer.find((s) => (s.index ?? 0) > MAX_REPEAT_INSTANCES);
  if (tooMany) {
    return { issue: issue(path, { vi: `Nhóm lặp "${tooMany.name}" có tối đa ${MAX_REPEAT_INSTANCES} lần.`, en: `Repeat "${tooMany.name}" has at most ${MAX_REPEAT_INSTANCES} instances.` }) };
  }
  return { question: entry.question };
}

function describeType(q: QuestionNode, form: FormModel): Bilingual {
  const codes = (form.choiceLists[q.listName ?? '']?.choices ?? []).map((c) => c.name);
  const list = codes.slice(0, 20).join(', ') + (codes.length > 20 ? ', …' : '');
  switch (q.type) {
    case 'integer':
      return { vi: 'một số nguyên', en: 'a whole number' };
    case 'decimal':
    case 'range':
      return { vi: 'một số', en: 'a number' };
    case 'date':
      return { vi: 'một ngày dạng YYYY-MM-DD', en: 'a date as YYYY-MM-DD' };
    case 'time':
      return { vi: 'một giờ dạng HH:MM', en: 'a time as HH:MM' };
    case 'datetime':
      return { vi: 'ngày giờ dạng YYYY-MM-DDTHH:MM', en: 'a date-time as YYYY-MM-DDTHH:MM' };
    case 'select_one':
      return { vi: `một mã lựa chọn (${list})`, en: `one choice code (${list})` };
    case 'select_multiple':
    case 'rank':
      return { vi: `danh sách mã lựa chọn không trùng (${list})`, en: `a list of distinct choice codes (${list})` };
    case 'acknowledge':
      return { vi: 'true (đã xác nhận)', en: 'true (acknowledged)' };
    case 'geopoint':
      return { vi: 'một điểm "vĩ_độ kinh_độ [độ_cao [độ_chính_xác]]"', en: 'one point "lat lon [alt [acc]]"' };
    case 'geotrace':
    case 'geoshape':
      return { vi: 'các điểm "vĩ_độ kinh_độ [độ_cao [độ_chính_xác]]" cách nhau bởi ;', en: 'points "lat lon [alt [acc]]" separated by ;' };
    case 'image':
    case 'audio':
    case 'video':
    case 'file':
      return { vi: 'một tệp đính kèm', en: 'an attached file' };
    case 'barcode':
      return { vi: `một mã vạch (một dòng, tối đa ${MAX_BARCODE_CHARS} ký tự)`, en: `a barcode (one line, at most ${MAX_BARCODE_CHARS} characters)` };
    default:
      return { vi: 'một chuỗi văn bản', en: 'text' };
  }
}

/**
 * Checks one answer against the form without any other answer: the path names a question a person
 * enters (not a calculation, note, metadata or read-only question), the value has the question's
 * type (and a choice code is in its list), and a coded missing value is one the question accepts,
 * of the kind given. Relevance, constraints and choice filters depend on the other answers: the
 * runtime reports those, and `complete` refuses a record that breaks them.
 * Returns the answer as it is to be stored (a missing code recognised without `missing` gets its
 * kind), or the issue.
 */
export function checkAnswer(form: FormModel, answer: StoredAnswer): { answer: StoredAnswer } | { issue: AnswerIssue } {
  const found = questionAtPath(form, answer.path);
  if ('issue' in found) return found;
  const q = found.question;
  const { path, value } = answer;
  if (COMPUTED.has(q.type) || q.calculation || q.readOnly === true) {
    return { issue: issue(path, { vi: `Câu "${q.name}" do phiếu tự tính hoặc chỉ đọc, không nhập được.`, en: `Question "${q.name}" is computed by the form or read-only; it cannot be entered.` }) };
  }
  if (value === null) {
    if (answer.missing) return { issue: issue(path, { vi: 'Mã thiếu cần giá trị là mã của nó.', en: 'A missing kind needs its code as the value.' }) };
    return { answer: { path, value, missing: null } };
  }
  // Missing codes: the value is the code itself.
  const code = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  const declared = code === null ? undefined : form.missingCodes.find((m) => m.code === code);
  const accepted = code !== null && q.missingCodes.includes(code);
  if (answer.missing) {
    const wanted = form.missingCodes.filter((m) => m.kind === answer.missing && q.missingCodes.includes(m.code)).map((m) => m.code);
    if (!accepted || declared?.kind !== answer.missing) {
      return {
        issue: issue(path, wanted.length
          ? { vi: `Câu "${q.name}" ghi "${answer.missing}" bằng mã ${wanted.join(' hoặc ')}.`, en: `Question "${q.name}" records "${answer.missing}" as code ${wanted.join(' or ')}.` }
          : { vi: `Câu "${q.name}" không nhận mã thiếu "${answer.missing}" (nhận: ${q.missingCodes.join(', ') || '—'}).`, en: `Question "${q.name}" does not accept "${answer.missing}" (accepted codes: ${q.missingCodes.join(', ') || '—'}).` }),
      };
    }
    return { answer: { path, value: code, missing: answer.missing } };
  }
  // A value equal to one of the question's missing codes is that missing answer (as the runtime reads it).
  if (accepted && declared) return { answer: { path, value, missing: declared.kind } };

  const wrong = (): { issue: AnswerIssue } => {
    const t = describeType(q, form);
    return { issue: issue(path, { vi: `Câu "${q.name}" cần ${t.vi}.`, en: `Question "${q.name}" expects ${t.en}.` }) };
  };
  let xs: string;
  if (NUMERIC.has(q.type)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return wrong();
    if (q.type === 'integer' && (!Number.isInteger(value) || Math.abs(value) > MAX_INT)) return wrong();
    xs = String(value);
  } else if (LISTS.has(q.type)) {
    if (!Array.isArray(value) || value.length === 0) return wrong();
    xs = value.join(' ');
    if (value.some((v) => v.trim() === '' || /\s/.test(v))) return wrong();
  } else if (q.type === 'acknowledge') {
    if (value !== true) return wrong();
    xs = 'OK';
  } else if ((GEO_TYPES as readonly string[]).includes(q.type) || isMediaType(q.type)) {
    if (typeof value !== 'string') return wrong();
    const bad = isMediaType(q.type) ? mediaProblem(q.type, value) : geoMessage(q.type as GeoType, value);
    if (bad) return { issue: issue(path, { vi: `${bad.vi} (câu "${q.name}")`, en: `${bad.en} (question "${q.name}")` }) };
    return { answer: { path, value, missing: null } };
  } else if (q.type === 'barcode') {
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_BARCODE_CHARS || /[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) return wrong();
    return { answer: { path, value, missing: null } };
  } else {
    if (typeof value !== 'string') return wrong();
    xs = value;
    if (q.type !== 'text' && value.trim() === '') return wrong();
  }
  const list = form.choiceLists[q.listName ?? ''];
  const allowed = list ? new Set(list.choices.map((c) => c.name)) : null;
  if (allowed && q.orOther) allowed.add('other');
  const problem = typeProblem(q, xs, allowed);
  if (problem !== null) {
    const t = describeType(q, form);
    const m = TYPE_MESSAGES[problem];
    return { issue: issue(path, { vi: `${m.vi} Câu "${q.name}" cần ${t.vi}.`, en: `${m.en} Question "${q.name}" expects ${t.en}.` }) };
  }
  return { answer: { path, value, missing: null } };
}

function geoMessage(type: GeoType, value: string): Bilingual | null {
  const r = parseGeoValue(type, value);
  return r.ok ? null : r.message;
}

/** The order answers are loaded in: form order, then repeat instances in path order. */
function loadOrder(form: FormModel, answers: readonly StoredAnswer[]): StoredAnswer[] {
  const { byName } = formIndex(form);
  // Each answer's place looked up once, not in every comparison (an export loads 200,000 interviews).
  const keyed = answers.map((a) => ({ a, order: byName.get(a.path.slice(a.path.lastIndexOf('/') + 1))?.order ?? Number.MAX_SAFE_INTEGER }));
  keyed.sort((x, y) => x.order - y.order || (x.a.path < y.a.path ? -1 : x.a.path > y.a.path ? 1 : 0));
  return keyed.map((k) => k.a);
}

/** Adds instances of open repeats until every repeat named in `path` has the instance it names. */
function ensureInstances(rt: FormRuntime, form: FormModel, path: string): void {
  // A top-level question (most answers) names no repeat.
  if (!path.includes('/')) return;
  const segs = parsePathSegments(path);
  if (!segs) return;
  const { repeats } = formIndex(form);
  let prefix = '';
  for (const s of segs.slice(0, -1)) {
    const repeatPath = prefix + s.name;
    if (repeats.get(s.name)?.open) {
      while (rt.repeatInstanceCount(repeatPath) < (s.index ?? 0)) rt.addRepeatInstance(repeatPath);
    }
    prefix = `${repeatPath}[${s.index ?? 1}]/`;
  }
}

/**
 * Loads stored answers into a runtime (fresh, or holding the same record): repeat instances are
 * created as the paths name them, values set in form order, missing codes set as codes. Runs twice
 * so an answer whose relevance depends on a later question is kept, as `evaluateRecord` does.
 * Returns the answers the runtime refused (a path or code this form version does not have).
 */
/** The string the runtime holds for a stored answer once set (a missing answer holds its code). */
function heldForm(rt: FormRuntime, a: StoredAnswer): string | null {
  if (a.missing) return String(a.value);
  const q = formIndex(rt.form).byName.get(a.path.slice(a.path.lastIndexOf('/') + 1))?.question;
  return q ? toStoredValue(q, a.value) : null;
}

export function loadAnswers(rt: FormRuntime, answers: readonly StoredAnswer[]): AnswerIssue[] {
  const ordered = loadOrder(rt.form, answers).filter((a) => a.value !== null);
  let issues: AnswerIssue[] = [];
  for (let pass = 0; pass < 2; pass++) {
    issues = [];
    for (const a of ordered) {
      try {
        ensureInstances(rt, rt.form, a.path);
        // The second pass is for the answers the first could not keep (relevance that depended
        // on a later question): one the runtime holds as stored already is not set again, since
        // setting the value a cell holds changes nothing but costs its checks and the clock's.
        if (pass === 1 && rt.getValue(a.path) === heldForm(rt, a)) continue;
        if (a.missing) rt.setMissing(a.path, String(a.value));
        else rt.setAnswer(a.path, a.value);
      } catch (err) {
        if (!(err instanceof RuntimeInputError)) throw err;
        issues.push({ path: a.path, vi: err.messageVi, en: err.message });
      }
    }
  }
  return issues;
}
