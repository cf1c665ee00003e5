// The typed, versioned form model: what the XLSForm compiler produces and what the runtime,
// the survey package and the index maths consume. Serialised as-is to form.json.
import type { Expr } from '../engine/expr';

/** Bumped when the shape below changes incompatibly; loaders refuse other versions. */
export const FORM_MODEL_VERSION = 1 as const;

/** Text per language code (`vi`, `en`, …). A missing language falls back to the default one. */
export type Localized = Record<string, string>;

export interface Language {
  /** Short code used as the key of every `Localized` (`vi`, `en`). */
  code: string;
  /** Name as written in the column header (`Tiếng Việt`), or the code when none was given. */
  name: string;
}

/** An XPath-like expression from the form: the source text as written and its parsed tree. */
export interface CompiledExpression {
  source: string;
  ast: Expr;
  /** Names referenced as `${name}`, de-duplicated, in order of first use. */
  refs: string[];
  /**
   * Only for choice_filter: choices-sheet columns named bare in the source (`district`). In the
   * AST they are refs named `CHOICE_COLUMN_REF_PREFIX + column`; the runtime resolves them from
   * the choice being filtered (`name`, `label` in the current language, or an extra column).
   */
  choiceColumns?: string[];
}

/** Prefix of the reserved refs standing for choices-sheet columns in a choice_filter AST. */
export const CHOICE_COLUMN_REF_PREFIX = '__choice__';

/** Where a node came from, so runtime messages can point back at the spreadsheet. */
export interface SourceRef {
  sheet: string;
  /** 1-based row as Excel shows it. */
  row: number;
}

export type QuestionType =
  | 'note'
  | 'text'
  | 'integer'
  | 'decimal'
  | 'select_one'
  | 'select_multiple'
  | 'rank'
  | 'date'
  | 'time'
  | 'datetime'
  | 'calculate'
  | 'acknowledge'
  | 'range'
  | 'hidden'
  // Metadata: filled by the app, never shown.
  | 'start'
  | 'end'
  | 'today'
  | 'deviceid'
  | 'username'
  | 'email'
  | 'phonenumber'
  | 'simserial'
  | 'subscriberid'
  | 'start-geopoint'
  | 'background-audio'
  | 'background-geopoint'
  | 'audit'
  // Collected by typing, pasting or attaching (ODK's geo, media and barcode widgets).
  | 'geopoint'
  | 'geotrace'
  | 'geoshape'
  | 'image'
  | 'audio'
  | 'video'
  | 'file'
  | 'barcode'
  // Choices read from a CSV/XML file shipped with the form (`choicesFile`).
  | 'select_one_from_file'
  | 'select_multiple_from_file'
  // Accepted so real forms compile, never collected on a laptop (see NOT_COLLECTED_TYPES).
  | 'osm'
  | 'select_one_external';

/** Filled by the app (or left empty), never asked. */
export const METADATA_TYPES: readonly QuestionType[] = [
  'start', 'end', 'today', 'deviceid', 'username', 'email', 'phonenumber', 'simserial', 'subscriberid',
  'start-geopoint', 'background-audio', 'background-geopoint', 'audit',
];

/**
 * Types a laptop cannot collect (no SIM card, no GPS or background recording, no OSM tag
 * editor, no external itemsets): accepted with a `not_collected` warning, their value stays
 * empty, and `${name}` references to them are not errors (they read as empty).
 */
export const NOT_COLLECTED_TYPES: readonly QuestionType[] = [
  'phonenumber', 'simserial', 'subscriberid', 'start-geopoint', 'background-audio', 'background-geopoint', 'osm', 'select_one_external',
];
export const SELECT_TYPES: readonly QuestionType[] = ['select_one', 'select_multiple', 'rank'];

/**
 * Types whose value the app or the form computes, or that a laptop cannot collect: never shown as
 * a question, never typed in, never required. The one list the runtime, the screen model and the
 * main process's answer check share.
 */
export const NOT_ENTERED_TYPES: ReadonlySet<QuestionType> = new Set<QuestionType>([
  'calculate', 'note', 'hidden', ...METADATA_TYPES, ...NOT_COLLECTED_TYPES,
]);

/**
 * Missing-value kinds of DOMAIN.md: answers in their own right, excluded from index denominators.
 * The one definition: the contract, the runtime, the store and the exports all use this list.
 */
export const MISSING_KINDS = ['dont_know', 'refused', 'not_applicable'] as const;
export type MissingKind = (typeof MISSING_KINDS)[number];

export interface MissingCode {
  /** The value stored as the answer (`8`, `9`). */
  code: string;
  kind: MissingKind;
  labels: Localized;
}

interface NodeBase {
  name: string;
  /** Slash-joined names of the enclosing groups/repeats and this node (`/ACCESS/ACC1`). */
  path: string;
  labels: Localized;
  hints: Localized;
  relevant?: CompiledExpression;
  appearance?: string;
  source: SourceRef;
}

export interface QuestionNode extends NodeBase {
  kind: 'question';
  type: QuestionType;
  /** `true`/`false`, or an expression evaluated against the record. */
  required: boolean | CompiledExpression;
  requiredMessage: Localized;
  constraint?: CompiledExpression;
  constraintMessage: Localized;
  calculation?: CompiledExpression;
  /** Default value as written (a literal, not an expression). */
  default?: string;
  readOnly: boolean | CompiledExpression;
  /** Choice list name for select_one / select_multiple / rank. */
  listName?: string;
  /** `trigger` column: the calculation re-runs only when one of these questions changes (ODK). */
  triggers?: string[];
  /**
   * select_*_from_file: the CSV, XML or GeoJSON file shipped with the form (`units.csv`). When it
   * was there at compile time its rows / items / features became the choice list named after the
   * file (`listName`).
   */
  choicesFile?: string;
  /** `select_one ${q}`: the choices are the answers given to q, a question inside a repeat. */
  choicesFrom?: string;
  /** Expression evaluated per choice; `choice.extra` columns are available by name. */
  choiceFilter?: CompiledExpression;
  /** select_* `or_other`: an "other" choice plus a free-text answer `<name>_other`. */
  orOther: boolean;
  /** Parsed `parameters` column (`start=1 end=5 step=1` → `{ start: '1', end: '5', step: '1' }`). */
  parameters: Record<string, string>;
  /**
   * Missing codes this question accepts (values of `FormModel.missingCodes`). For selects this
   * includes choices of its list whose name is a declared missing code; codes declared only in
   * the `missing` column are offered by the runtime as extra options/buttons.
   */
  missingCodes: string[];
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  /** `field-list`, `table-list`, `likert`, … (also kept in `appearance`). */
  children: FormNode[];
}

export interface RepeatNode extends NodeBase {
  kind: 'repeat';
  /** Fixed number of instances; absent = open-ended (the interviewer adds instances). */
  repeatCount?: CompiledExpression;
  /**
   * `begin loop over LIST`: one instance per choice of LIST, in list order (`repeatCount` is
   * the number of choices); `%(name)s` / `%(label)s` in the children's texts stand for the choice.
   */
  loopList?: string;
  children: FormNode[];
}

export type FormNode = QuestionNode | GroupNode | RepeatNode;

export interface Choice {
  name: string;
  labels: Localized;
  /** Extra columns of the choices sheet (used by choice_filter), by header name. */
  extra: Record<string, string>;
  /** Set when the choice's name is a declared missing code. */
  missing?: MissingKind;
  source: SourceRef;
}

export interface ChoiceList {
  name: string;
  choices: Choice[];
}

export type IndexComponentId = 'ACC' | 'PRO' | 'CIV' | 'RES' | 'FBK' | (string & {});

export interface IndexItem {
  /** Question name; a select_one (or integer) on the satisfaction scale. */
  question: string;
  weight: number;
}

export interface IndexComponent {
  id: IndexComponentId;
  labels: Localized;
  /** Weight in the overall service index (default 1). */
  weight: number;
  items: IndexItem[];
}

/** How the satisfaction indices are computed for this form (DOMAIN.md, "Computing the indices"). */
export interface IndexConfig {
  /** `sheet` = from the form's `index` sheet; `default` = derived from ACC1…FBK3 names; `none`. */
  origin: 'sheet' | 'default' | 'none';
  components: IndexComponent[];
  /** Codes that count as satisfied (default 4, 5). */
  satisfiedCodes: number[];
  /** Codes that are valid answers on the scale (default 1–5); anything else is out of the denominator. */
  validCodes: number[];
}

export interface FormModel {
  modelVersion: typeof FORM_MODEL_VERSION;
  formId: string;
  version: string;
  title: Localized;
  defaultLanguage: string;
  languages: Language[];
  instanceName?: CompiledExpression;
  children: FormNode[];
  choiceLists: Record<string, ChoiceList>;
  missingCodes: MissingCode[];
  index: IndexConfig;
  /** `xml-external` / `csv-external` rows: secondary instances the form names, with their files. */
  externalInstances?: { name: string; file: string }[];
  /**
   * Files shipped beside the form and read when it was compiled: the choices of
   * select_*_from_file, `csv-external` / `xml-external` instances and `pulldata()` tables. Each is
   * the secondary instance `instance('<file name without extension>')`: a CSV or GeoJSON file as
   * `root/item`, one element per column; an XML file as its own element tree.
   */
  attachments?: FormAttachment[];
  /** File the form was compiled from (for messages only). */
  sourceFile: string;
}

/** A file shipped with the form, as read at compile time: a table (CSV, GeoJSON) or an XML tree. */
export type FormAttachment = TableAttachment | XmlAttachment;

/**
 * A CSV file (header row, then rows of text) or a GeoJSON FeatureCollection read as one: a row per
 * feature, columns `geometry` (ODK's "lat lon alt acc; …"), the properties, and `id`.
 */
export interface TableAttachment {
  file: string;
  columns: string[];
  rows: string[][];
}

/** An XML file shipped with the form: its document element (`<root><item>…</item></root>` for choices). */
export interface XmlAttachment {
  file: string;
  xml: XmlElement;
}

/** An element of an XML attachment: a leaf has `text`, a parent `children` (text between them is dropped). */
export interface XmlElement {
  name: string;
  attributes?: Record<string, string>;
  text?: string;
  children?: XmlElement[];
}

export function isXmlAttachment(a: FormAttachment): a is XmlAttachment {
  return 'xml' in a;
}

/** Instance id of an attached file: its name without the extension (`units.csv` → `units`). */
export function attachmentInstanceId(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** Calls `visit` on every node, depth first, in form order. */
export function walkNodes(nodes: readonly FormNode[], visit: (node: FormNode, parents: readonly (GroupNode | RepeatNode)[]) => void, parents: readonly (GroupNode | RepeatNode)[] = []): void {
  for (const node of nodes) {
    visit(node, parents);
    if (node.kind !== 'question') walkNodes(node.children, visit, [...parents, node]);
  }
}

/** Every question of the form in order, with groups and repeats flattened away. */
export function listQuestions(form: Pick<FormModel, 'children'>): QuestionNode[] {
  const out: QuestionNode[] = [];
  walkNodes(form.children, (n) => {
    if (n.kind === 'question') out.push(n);
  });
  return out;
}
