// Reads the `type` column: question types, group/repeat/loop markers and select list names,
// with every spelling pyxform reads (its alias table: `select one from X`, `gps`, `q picture`,
// `add integer prompt`, `begin loop over X`, …), tolerant of case, `_` versus space and spacing.
import type { QuestionType } from './model';

export type ParsedType =
  | {
      kind: 'question';
      type: QuestionType;
      listName?: string;
      /** select_*_from_file: the file named after the type. */
      file?: string;
      orOther: boolean;
      /** Legacy types that imply a constraint (`phone number` → digits only). */
      impliedConstraint?: string;
    }
  /** `loopList` is `''` for `begin loop` without `over LIST` (an error, but the block still opens). */
  | { kind: 'begin'; block: 'group' | 'repeat'; loopList?: string }
  | { kind: 'end'; block: 'group' | 'repeat' | 'loop' }
  | { kind: 'external'; format: 'xml' | 'csv' }
  | { kind: 'select_without_list'; type: QuestionType }
  | { kind: 'unknown'; type: string; suggestion?: string };

/** Type words (lower case, `_` read as a space) → question type. */
const SIMPLE: Record<string, QuestionType> = {};
function alias(type: QuestionType, ...words: string[]): void {
  for (const w of [type, ...words]) SIMPLE[w.replace(/_/g, ' ')] = type;
}
alias('note', 'q note', 'add note prompt');
alias('text', 'string', 'q string', 'add text prompt');
alias('integer', 'int', 'q int', 'add integer prompt');
alias('decimal', 'q decimal', 'add decimal prompt');
alias('date', 'q date', 'add date prompt');
alias('time', 'q time', 'add time prompt');
alias('datetime', 'date time', 'q date time', 'q datetime', 'add date time prompt', 'add datetime prompt');
alias('calculate', 'q calculate', 'add calculate prompt');
alias('acknowledge', 'trigger', 'q acknowledge', 'add acknowledge prompt');
alias('range');
alias('hidden');
alias('start', 'start time', 'get start time');
alias('end', 'end time', 'get end time');
alias('today', 'get today');
alias('deviceid', 'device id', 'get device id', 'imei', 'uri:deviceid');
alias('username', 'uri:username');
alias('email', 'uri:email');
alias('phonenumber', 'get phone number', 'uri:phonenumber');
alias('simserial', 'sim id', 'get sim id', 'uri:simserial');
alias('subscriberid', 'subscriber id', 'get subscriber id', 'uri:subscriberid');
alias('start-geopoint');
alias('background-audio');
alias('background-geopoint');
alias('audit');
alias('geopoint', 'gps', 'location', 'q location', 'q geopoint', 'add location prompt');
alias('geotrace', 'q geotrace');
alias('geoshape', 'q geoshape');
alias('image', 'photo', 'q picture', 'q image', 'add image prompt', 'add photo prompt');
alias('audio', 'q audio', 'add audio prompt');
alias('video', 'q video', 'add video prompt');
alias('file', 'add file prompt');
alias('barcode', 'q barcode', 'add barcode prompt');
alias('osm');

/** Legacy types that are an integer or text with a built-in constraint (pyxform's all.xls). */
const CONSTRAINED: Record<string, { type: QuestionType; constraint: string }> = {
  'phone number': { type: 'text', constraint: "regex(., '^\\d*$')" },
  percentage: { type: 'integer', constraint: '0 <= . and . <= 100' },
  'number of days in last month': { type: 'integer', constraint: '0 <= . and . <= 31' },
  'number of days in last six months': { type: 'integer', constraint: '0 <= . and . <= 183' },
  'number of days in last year': { type: 'integer', constraint: '0 <= . and . <= 365' },
};

/** Select spellings, longest first so `select one from file` wins over `select one from`. */
const SELECTS: [string, QuestionType][] = (
  [
    ['add select one prompt using', 'select_one'],
    ['add select multiple prompt using', 'select_multiple'],
    ['select all that apply from', 'select_multiple'],
    ['select multiple from file', 'select_multiple_from_file'],
    ['select one from file', 'select_one_from_file'],
    ['select multiple from', 'select_multiple'],
    ['select multiple using', 'select_multiple'],
    ['select one external', 'select_one_external'],
    ['select all that apply', 'select_multiple'],
    ['select one from', 'select_one'],
    ['select one using', 'select_one'],
    ['select multiple', 'select_multiple'],
    ['select one', 'select_one'],
    ['q select1', 'select_one'],
    ['q select', 'select_multiple'],
    ['select1', 'select_one'],
    ['rank', 'rank'],
  ] as [string, QuestionType][]
).sort((a, b) => b[0].length - a[0].length);

const OR_OTHER = [' or specify other', ' or other'];
const FILE_EXTENSIONS = /\.(csv|xml|geojson)$/i;

/** Every type word the compiler knows, for "did you mean" on a typo. */
export const KNOWN_TYPE_WORDS: readonly string[] = [
  ...Object.keys(SIMPLE).filter((w) => !w.includes(' ')),
  'select_one', 'select_multiple', 'select_one_from_file', 'select_multiple_from_file', 'rank',
  'begin_group', 'end_group', 'begin_repeat', 'end_repeat',
];

export function parseType(raw: string): ParsedType {
  const text = raw.trim().replace(/\s+/g, ' ');
  // `_` and spaces are the same to pyxform's readers; case never matters.
  const key = text.toLowerCase().replace(/_/g, ' ');

  const block = /^(begin|end) (group|repeat|lgroup|looped group|loop)(?: (.*))?$/.exec(key);
  if (block) {
    const word = block[2] ?? '';
    const kind = word === 'group' ? 'group' : word === 'loop' ? 'loop' : 'repeat';
    if (block[1] === 'end') return { kind: 'end', block: kind };
    if (kind !== 'loop') return { kind: 'begin', block: kind };
    // `begin loop over LIST`: the list name keeps its spelling (names are case-sensitive).
    const over = /^begin[ _]loop[ _]over\s+(\S+)$/i.exec(text);
    return { kind: 'begin', block: 'repeat', loopList: over?.[1] ?? '' };
  }
  if (key === 'xml-external' || key === 'csv-external') return { kind: 'external', format: key === 'xml-external' ? 'xml' : 'csv' };

  const simple = SIMPLE[key];
  if (simple) return { kind: 'question', type: simple, orOther: false };
  const constrained = CONSTRAINED[key];
  if (constrained) return { kind: 'question', type: constrained.type, orOther: false, impliedConstraint: constrained.constraint };

  for (const [prefix, type] of SELECTS) {
    if (key !== prefix && !key.startsWith(`${prefix} `)) continue;
    // The list name is cut from the original text: list names are case-sensitive.
    let rest = text.slice(prefix.length).trim();
    let orOther = false;
    for (const suffix of OR_OTHER) {
      if (rest.toLowerCase().replace(/_/g, ' ').endsWith(suffix) && rest.length > suffix.length) {
        orOther = true;
        rest = rest.slice(0, rest.length - suffix.length).trim();
        break;
      }
    }
    if (!rest) return { kind: 'select_without_list', type };
    if (type === 'select_one_from_file' || type === 'select_multiple_from_file') return { kind: 'question', type, file: rest, orOther };
    return { kind: 'question', type, listName: rest, orOther };
  }
  if (key === 'signature') return { kind: 'unknown', type: text, suggestion: 'image' };
  return { kind: 'unknown', type: text };
}

/** A select_*_from_file names a .csv, .xml or .geojson file (pyxform's rule). */
export function isChoicesFileName(file: string): boolean {
  return FILE_EXTENSIONS.test(file) && !/\s/.test(file);
}
