// Reads the `type` column: question types, group/repeat markers and select list names,
// tolerant of case and spacing like pyxform (`Begin Group`, `select_one  sat5`).
import type { QuestionType } from './model';

export type ParsedType =
  | { kind: 'question'; type: QuestionType; listName?: string; orOther: boolean }
  | { kind: 'begin'; block: 'group' | 'repeat' }
  | { kind: 'end'; block: 'group' | 'repeat' }
  | { kind: 'select_without_list'; type: QuestionType }
  | { kind: 'unsupported'; type: string }
  | { kind: 'unknown'; type: string };

const SIMPLE: Record<string, QuestionType> = {
  note: 'note',
  text: 'text',
  string: 'text',
  integer: 'integer',
  int: 'integer',
  decimal: 'decimal',
  date: 'date',
  time: 'time',
  datetime: 'datetime',
  calculate: 'calculate',
  acknowledge: 'acknowledge',
  trigger: 'acknowledge',
  range: 'range',
  hidden: 'hidden',
  start: 'start',
  end: 'end',
  today: 'today',
  deviceid: 'deviceid',
  username: 'username',
};

const SELECTS: Record<string, QuestionType> = {
  select_one: 'select_one',
  select_multiple: 'select_multiple',
  select_all_that_apply: 'select_multiple',
  rank: 'rank',
};

/** ODK/Kobo types KhaoSat does not collect: an error naming the type, never silently dropped. */
export const UNSUPPORTED_TYPES: readonly string[] = [
  'geopoint', 'geotrace', 'geoshape', 'start-geopoint', 'image', 'photo', 'audio', 'background-audio',
  'video', 'file', 'barcode', 'signature', 'xml-external', 'csv-external', 'select_one_from_file',
  'select_multiple_from_file', 'select_one_external', 'audit', 'phonenumber', 'simserial',
  'subscriberid', 'email', 'osm',
];

/** Every type word the compiler knows, for "did you mean" on a typo. */
export const KNOWN_TYPE_WORDS: readonly string[] = [
  ...Object.keys(SIMPLE), ...Object.keys(SELECTS), 'begin_group', 'end_group', 'begin_repeat', 'end_repeat',
];

export function parseType(raw: string): ParsedType {
  const text = raw.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const block = /^(begin|end)[ _](group|repeat)$/.exec(lower);
  if (block) return { kind: block[1] === 'begin' ? 'begin' : 'end', block: block[2] === 'group' ? 'group' : 'repeat' };

  const simple = SIMPLE[lower.replace(/ /g, '_')] ?? SIMPLE[lower];
  if (simple) return { kind: 'question', type: simple, orOther: false };

  // select_one LIST [or_other]; `select one` and `select all that apply` as pyxform spells them.
  const sel = /^(select[ _]one|select[ _]multiple|select all that apply|rank)(?:\s+(.*))?$/i.exec(text);
  if (sel) {
    const type = SELECTS[(sel[1] ?? '').toLowerCase().replace(/ /g, '_')];
    if (type) {
      const rest = (sel[2] ?? '').trim().split(' ').filter(Boolean);
      let orOther = false;
      if (rest.length > 1 && rest[rest.length - 1]?.toLowerCase() === 'or_other') {
        orOther = true;
        rest.pop();
      }
      const listName = rest.join(' ');
      if (!listName) return { kind: 'select_without_list', type };
      return { kind: 'question', type, listName, orOther };
    }
  }
  const first = (lower.split(' ')[0] ?? '').replace(/ /g, '_');
  if (UNSUPPORTED_TYPES.includes(first) || UNSUPPORTED_TYPES.includes(lower)) return { kind: 'unsupported', type: text };
  return { kind: 'unknown', type: text };
}
