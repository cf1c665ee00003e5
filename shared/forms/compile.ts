// The XLSForm compiler: a neutral workbook in, the typed form model out, or every error found
// (with sheet, row and column) so a survey designer can fix the whole form in one pass.
import { findCycles, type DependencyEdge } from './cycles';
import { FormIssues, inRowOrder, type FormError, type FormErrorAt } from './errors';
import { type AttachmentReader, type FromFileQuestion, readAttachments } from './attachments';
import { checkReferences, checkRepeatSelects, compileExpression, type PendingExpression } from './expressions';
import { readChoices } from './choices';
import { readIndexConfig } from './indexConfig';
import { languagesInHeaders, parseLanguage, readLocalized } from './languages';
import {
  FORM_MODEL_VERSION,
  METADATA_TYPES,
  NOT_COLLECTED_TYPES,
  type CompiledExpression,
  type FormModel,
  type FormNode,
  type GroupNode,
  type Language,
  type QuestionNode,
  type RepeatNode,
} from './model';
import { isValidName, suggest } from './names';
import { parseMissingCodes, readSettings, settingsTitle } from './settings';
import { checkParameters, parseParameters } from './parameters';
import { isChoicesFileName, KNOWN_TYPE_WORDS, parseType } from './types';
import { unknownColumnWarnings } from './columns';
import { columnOf, findSheet, readTable, type Column, type SheetRow, type SheetTable, valueAt, type Workbook } from './workbook';

export type CompileResult =
  | { ok: true; form: FormModel; warnings: FormError[] }
  | { ok: false; errors: FormError[]; warnings: FormError[] };

const TEXT_BASES = ['label', 'hint', 'required_message', 'constraint_message'];
const NO_LABEL_NEEDED = new Set<string>(['calculate', 'hidden', ...METADATA_TYPES]);
/** Names pyxform reserves: `meta` holds instanceID and the other metadata of a submission. */
const RESERVED_NAMES = new Set(['meta']);
const TEXT_REF = /\$\{([^}]*)\}/g;
const TRUE_WORDS = new Set(['yes', 'true', 'true()', '1', 'có', 'co']);
const FALSE_WORDS = new Set(['no', 'false', 'false()', '0', 'không', 'khong', '']);

interface OpenBlock {
  node: GroupNode | RepeatNode;
  row: number;
  block: 'group' | 'repeat' | 'loop';
}

export interface CompileOptions {
  /** Reads a file shipped beside the form (a select_*_from_file or pulldata CSV); absent: none. */
  attachment?: AttachmentReader;
}

/** Compiles a workbook; errors and warnings come back in row order (see inRowOrder). */
export function compileForm(wb: Workbook, opts: CompileOptions = {}): CompileResult {
  const result = compileWorkbook(wb, opts);
  const sheets = Object.keys(wb.sheets);
  const warnings = inRowOrder(result.warnings, sheets);
  return result.ok ? { ...result, warnings } : { ...result, errors: inRowOrder(result.errors, sheets), warnings };
}

function compileWorkbook(wb: Workbook, opts: CompileOptions): CompileResult {
  const issues = new FormIssues(wb.fileName);
  const surveyFound = findSheet(wb, 'survey');
  if (!surveyFound) {
    issues.error({ sheet: 'survey', row: 0 }, 'missing_sheet', 'Tệp không có bảng "survey" (bảng câu hỏi).', 'The file has no "survey" sheet.', 'survey');
    return { ok: false, errors: issues.errors, warnings: issues.warnings };
  }
  const survey = readTable(surveyFound.name, surveyFound.sheet);
  const choicesFound = findSheet(wb, 'choices');
  const choicesTable = choicesFound ? readTable(choicesFound.name, choicesFound.sheet) : undefined;
  const settingsFound = findSheet(wb, 'settings');
  const settings = readSettings(settingsFound ? readTable(settingsFound.name, settingsFound.sheet) : undefined);
  const indexFound = findSheet(wb, 'index');
  const indexTable = indexFound ? readTable(indexFound.name, indexFound.sheet) : undefined;

  // Languages: the declared default first, then every language named in a header.
  const named = languagesInHeaders([...survey.columns, ...(choicesTable?.columns ?? []), ...(indexTable?.columns ?? [])], [...TEXT_BASES, 'form_title']);
  const declaredDefault = settings.values['default_language'];
  // Without a declared default, plain `label`/`hint` columns are Vietnamese (this is a
  // Vietnamese-first tool), so `label` + `label::English (en)` keeps both texts.
  const vietnamese: Language = named.find((l) => l.code === 'vi') ?? { code: 'vi', name: 'Tiếng Việt' };
  const hasPlainText = survey.columns.some((c) => c.language === undefined && TEXT_BASES.includes(c.base));
  const defaultLang: Language = declaredDefault
    ? parseLanguage(declaredDefault.text)
    : hasPlainText
      ? vietnamese
      : (named.find((l) => l.code === 'vi') ?? named[0] ?? vietnamese);
  const languages: Language[] = [defaultLang, ...named.filter((l) => l.code !== defaultLang.code)];
  const dl = defaultLang.code;

  const missing = parseMissingCodes(settings, issues);
  const allowDuplicates = TRUE_WORDS.has((settings.values['allow_choice_duplicates']?.text ?? '').toLowerCase());
  const choices = readChoices(choicesTable, dl, missing, issues, allowDuplicates);
  unknownColumnWarnings(survey, settings, issues);

  const typeCol = columnOf(survey, 'type');
  const nameCol = columnOf(survey, 'name');
  for (const [base, col] of [['type', typeCol], ['name', nameCol]] as const) {
    if (!col) issues.error({ sheet: survey.sheet, row: 1 }, 'missing_column', `Bảng survey thiếu cột "${base}".`, `The survey sheet has no "${base}" column.`, base);
  }
  if (!typeCol || !nameCol) return { ok: false, errors: issues.errors, warnings: issues.warnings };

  const cols = {
    relevant: columnOf(survey, 'relevant'),
    required: columnOf(survey, 'required'),
    constraint: columnOf(survey, 'constraint'),
    calculation: columnOf(survey, 'calculation'),
    default: columnOf(survey, 'default'),
    readOnly: columnOf(survey, 'read_only'),
    appearance: columnOf(survey, 'appearance'),
    choiceFilter: columnOf(survey, 'choice_filter'),
    repeatCount: columnOf(survey, 'repeat_count'),
    parameters: columnOf(survey, 'parameters'),
    missing: columnOf(survey, 'missing'),
    trigger: columnOf(survey, 'trigger'),
  };
  const at = (r: SheetRow, c: Column | undefined): FormErrorAt =>
    c ? { sheet: survey.sheet, row: r.row, column: c.header, columnIndex: c.index } : { sheet: survey.sheet, row: r.row };

  const pending: PendingExpression[] = [];
  /** Names the compiler generates itself (`<repeat>_count`, `<select>_other`), with the row that made them. */
  const generated: { name: string; by: string; row: number }[] = [];
  const externalInstances: { name: string; file: string }[] = [];
  const externalRows: FormErrorAt[] = [];
  const fromFile: FromFileQuestion[] = [];
  /** `select_one ${q}`: choices from the answers to q in a repeat. */
  const repeatSelects: { q: QuestionNode; at: FormErrorAt; source: string }[] = [];
  // `${name}` inside labels, hints and messages (shown with the current value, like ODK's <output>).
  const textRefs: { name: string; at: FormErrorAt }[] = [];
  const textColumns = survey.columns.filter((c) => TEXT_BASES.includes(c.base));
  const expr = (r: SheetRow, c: Column | undefined, owner: string, choiceFilter = false): CompiledExpression | undefined => {
    const source = valueAt(r, c);
    if (!source || !c) return undefined;
    const where = at(r, c);
    const compiled = compileExpression(source, where, issues, { choiceFilter });
    if (compiled) pending.push({ expr: compiled, at: where, owner, column: c.base });
    return compiled;
  };
  const flag = (r: SheetRow, c: Column | undefined, owner: string): boolean | CompiledExpression => {
    const text = valueAt(r, c).toLowerCase();
    if (TRUE_WORDS.has(text)) return true;
    if (FALSE_WORDS.has(text)) return false;
    return expr(r, c, owner) ?? false;
  };

  const root: FormNode[] = [];
  const stack: OpenBlock[] = [];
  const firstRowOfName = new Map<string, number>();
  const questions = new Map<string, QuestionNode>();
  const allNodes = new Map<string, FormNode>();
  const parentOf = new Map<string, string>();
  const filterChecks: { r: SheetRow; q: QuestionNode }[] = [];
  const children = (): FormNode[] => stack[stack.length - 1]?.node.children ?? root;
  const pathOf = (name: string): string => `${stack.map((b) => `/${b.node.name}`).join('')}/${name}`;

  const checkName = (r: SheetRow, name: string, what: string): boolean => {
    const a = at(r, nameCol);
    if (!name) {
      issues.error(a, 'missing_name', `Dòng ${what} này thiếu tên (cột name).`, `This ${what} row has no name.`);
      return false;
    }
    if (!isValidName(name)) {
      issues.error(
        a,
        'invalid_name',
        `Tên "${name}" không hợp lệ: tên phải bắt đầu bằng chữ cái hoặc "_", chỉ gồm chữ, số, "_", "-", "." và không có khoảng trắng.`,
        `Name "${name}" is invalid: it must start with a letter or "_" and contain only letters, digits, "_", "-", "." and no spaces.`,
        name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^([^\p{L}_])/u, '_$1'),
      );
      return false;
    }
    if (RESERVED_NAMES.has(name)) {
      issues.error(a, 'reserved_name', `Tên "${name}" được dành cho siêu dữ liệu của phiếu (meta); hãy đặt tên khác.`, `Name "${name}" is reserved for the form's metadata (meta); choose another name.`, `${name}_1`);
      return false;
    }
    const first = firstRowOfName.get(name);
    if (first !== undefined) {
      issues.error(a, 'duplicate_name', `Tên "${name}" bị trùng với dòng ${first}; mỗi câu hỏi, nhóm phải có tên riêng.`, `Name "${name}" is already used at row ${first}; every question and group needs its own name.`);
      return false;
    }
    firstRowOfName.set(name, r.row);
    return true;
  };

  const register = (node: FormNode): void => {
    allNodes.set(node.name, node);
    const parent = stack[stack.length - 1];
    if (parent) parentOf.set(node.name, parent.node.name);
  };

  for (const r of survey.rows) {
    const typeText = valueAt(r, typeCol);
    const name = valueAt(r, nameCol);
    if (!typeText) {
      issues.error(at(r, typeCol), 'missing_type', `Dòng có tên "${name || '…'}" nhưng thiếu kiểu câu hỏi (cột type).`, `Row "${name || '…'}" has no type.`);
      continue;
    }
    const t = parseType(typeText);
    for (const c of textColumns) {
      for (const m of valueAt(r, c).matchAll(TEXT_REF)) textRefs.push({ name: m[1] ?? '', at: at(r, c) });
    }
    const base = {
      name,
      path: pathOf(name),
      labels: readLocalized(survey, r.cells, 'label', dl),
      hints: readLocalized(survey, r.cells, 'hint', dl),
      source: { sheet: survey.sheet, row: r.row },
    };
    const appearance = valueAt(r, cols.appearance);

    if (t.kind === 'external') {
      // A secondary instance from a file shipped with the form: `instance('name')` in expressions.
      if (checkName(r, name, 'external')) {
        externalInstances.push({ name, file: `${name}.${t.format}` });
        externalRows.push({ sheet: survey.sheet, row: r.row });
      }
      continue;
    }
    if (t.kind === 'begin') {
      const ok = checkName(r, name, t.block === 'group' ? 'nhóm / group' : 'lặp / repeat');
      const node: GroupNode | RepeatNode = t.block === 'group' ? { kind: 'group', ...base, children: [] } : { kind: 'repeat', ...base, children: [] };
      if (t.loopList === '') {
        issues.error(at(r, typeCol), 'missing_list_name', `"${typeText}" cần tên danh sách lựa chọn, ví dụ "begin loop over tvs".`, `"${typeText}" needs a choice list, e.g. "begin loop over tvs".`, 'begin loop over <list_name>');
      } else if (node.kind === 'repeat' && t.loopList !== undefined) {
        // A loop is a repeat with one instance per choice of its list, in list order.
        node.loopList = t.loopList;
        const list = choices.lists[t.loopList];
        if (!list) {
          const sug = suggest(t.loopList, Object.keys(choices.lists));
          issues.error(at(r, typeCol), 'unknown_list', `Không có danh sách lựa chọn "${t.loopList}" cho "begin loop"${sug ? `; có phải ý bạn là "${sug}"?` : '.'}`, `There is no choice list "${t.loopList}" for "begin loop"${sug ? `; did you mean "${sug}"?` : '.'}`, sug);
        } else {
          const rc = compileExpression(String(list.choices.length), at(r, typeCol), issues);
          if (rc) node.repeatCount = rc;
        }
      }
      if (appearance) node.appearance = appearance;
      const rel = expr(r, cols.relevant, name);
      if (rel) node.relevant = rel;
      if (node.kind === 'repeat' && node.loopList === undefined) {
        const rc = expr(r, cols.repeatCount, name);
        if (rc) node.repeatCount = rc;
        // pyxform turns a repeat_count that is neither a number nor one ${name} into a calculate `<repeat>_count`.
        if (rc && !/^\s*(\d+|\$\{[^}]+\})\s*$/.test(rc.source)) generated.push({ name: `${name}_count`, by: name, row: r.row });
      } else if (valueAt(r, cols.repeatCount)) {
        issues.warn(at(r, cols.repeatCount), 'column_ignored', 'repeat_count chỉ có tác dụng với begin repeat; bỏ qua ở nhóm.', 'repeat_count only applies to begin repeat; ignored on a group.');
      }
      children().push(node);
      if (ok) register(node);
      stack.push({ node, row: r.row, block: t.loopList !== undefined ? 'loop' : t.block });
      continue;
    }
    if (t.kind === 'end') {
      const open = stack.pop();
      if (!open) {
        issues.error(at(r, typeCol), 'unopened_end', `"${typeText}" không có "begin ${t.block}" tương ứng ở phía trên.`, `"${typeText}" has no matching "begin ${t.block}" above it.`, `begin ${t.block}`);
      } else {
        if (open.block !== t.block) {
          issues.error(
            at(r, typeCol),
            'mismatched_end',
            `"${typeText}" đóng "begin ${open.block}" "${open.node.name}" mở ở dòng ${open.row}; cần "end ${open.block}".`,
            `"${typeText}" closes "begin ${open.block}" "${open.node.name}" opened at row ${open.row}; expected "end ${open.block}".`,
            `end ${open.block}`,
          );
        }
        if (open.node.children.length === 0) {
          issues.warn({ sheet: survey.sheet, row: open.row, column: typeCol.header, columnIndex: typeCol.index }, 'empty_block', `Nhóm "${open.node.name}" (dòng ${open.row}–${r.row}) không có câu hỏi nào.`, `Group "${open.node.name}" (rows ${open.row}–${r.row}) contains no questions.`);
        }
      }
      continue;
    }
    if (t.kind === 'unknown') {
      const sug = t.suggestion ?? suggest(t.type.toLowerCase().split(' ')[0] ?? '', KNOWN_TYPE_WORDS);
      issues.error(at(r, typeCol), 'unknown_type', `Không hiểu kiểu câu hỏi "${t.type}"${sug ? `; có phải ý bạn là "${sug}"?` : '.'}`, `Unknown question type "${t.type}"${sug ? `; did you mean "${sug}"?` : '.'}`, sug);
      continue;
    }
    if (t.kind === 'select_without_list') {
      issues.error(at(r, typeCol), 'missing_list_name', `"${typeText}" cần tên danh sách lựa chọn, ví dụ "${t.type} sat5".`, `"${typeText}" needs a choice list name, e.g. "${t.type} sat5".`, `${t.type} <list_name>`);
      continue;
    }

    const ok = checkName(r, name, 'câu hỏi / question');
    const q: QuestionNode = {
      kind: 'question',
      ...base,
      type: t.type,
      required: flag(r, cols.required, name),
      requiredMessage: readLocalized(survey, r.cells, 'required_message', dl),
      constraintMessage: readLocalized(survey, r.cells, 'constraint_message', dl),
      readOnly: flag(r, cols.readOnly, name),
      orOther: t.orOther,
      parameters: {},
      missingCodes: [],
    };
    if (appearance) q.appearance = appearance;
    const rel = expr(r, cols.relevant, name);
    if (rel) q.relevant = rel;
    const con = expr(r, cols.constraint, name);
    if (con) q.constraint = con;
    const calc = expr(r, cols.calculation, name);
    if (calc) q.calculation = calc;
    const def = valueAt(r, cols.default);
    if (def) q.default = def;
    if (t.type === 'calculate' && !valueAt(r, cols.calculation)) {
      issues.error(at(r, cols.calculation ?? typeCol), 'missing_column', `Câu "${name}" kiểu calculate nhưng cột calculation trống.`, `Question "${name}" is a calculate but its calculation is empty.`, 'calculation');
    }
    if (!q.constraint && t.impliedConstraint) {
      const implied = compileExpression(t.impliedConstraint, at(r, typeCol), issues);
      if (implied) q.constraint = implied;
    }
    if (valueAt(r, cols.repeatCount)) {
      issues.warn(at(r, cols.repeatCount), 'column_ignored', 'repeat_count chỉ có tác dụng với begin repeat; bỏ qua.', 'repeat_count only applies to begin repeat; ignored.');
    }
    q.parameters = parseParameters(valueAt(r, cols.parameters), at(r, cols.parameters), issues);
    for (const seedRef of checkParameters(q, at(r, cols.parameters), issues, choices.lists)) textRefs.push({ name: seedRef, at: at(r, cols.parameters) });
    if (t.orOther) generated.push({ name: `${name}_other`, by: name, row: r.row });
    if ((NOT_COLLECTED_TYPES as readonly string[]).includes(t.type)) {
      issues.warn(
        at(r, typeCol),
        'not_collected',
        `Kiểu "${typeText}" không thu thập được trên máy tính này (không có SIM, GPS nền hay trình sửa bản đồ): câu "${name}" luôn để trống; tham chiếu tới nó đọc là rỗng.`,
        `Type "${typeText}" is not collected on this device (no SIM card, background GPS or map editor): "${name}" always stays empty; references to it read as empty.`,
      );
    }
    const triggerText = valueAt(r, cols.trigger);
    if (triggerText) {
      // ODK's trigger column: the calculation re-runs only when one of these questions changes.
      const names = [...triggerText.matchAll(TEXT_REF)].map((m) => m[1] ?? '');
      if (names.length === 0 || triggerText.replace(TEXT_REF, '').replace(/[\s,]+/g, '') !== '') {
        issues.error(at(r, cols.trigger), 'expression_syntax', `Cột trigger phải là một hoặc nhiều \${tên} cách nhau bằng dấu phẩy, không phải "${triggerText}".`, `The trigger column must be one or more \${name} separated by commas, not "${triggerText}".`, '${name}');
      } else {
        q.triggers = names;
        for (const n of names) textRefs.push({ name: n, at: at(r, cols.trigger) });
      }
    }
    if (t.file !== undefined) {
      if (!isChoicesFileName(t.file)) {
        issues.error(at(r, typeCol), 'invalid_choices_file', `"${typeText}": tệp lựa chọn phải là tên tệp .csv, .xml hoặc .geojson không có khoảng trắng (ví dụ "${t.type} don_vi.csv").`, `"${typeText}": the choices file must be a .csv, .xml or .geojson file name without spaces (e.g. "${t.type} units.csv").`, `${t.type} <file>.csv`);
      } else {
        q.choicesFile = t.file;
        fromFile.push({ q, at: at(r, typeCol) });
      }
    }

    if (t.type === 'audit' && name !== 'audit') {
      // ODK reads the audit log only from a question named `audit` (pyxform's rule).
      issues.error(at(r, nameCol), 'invalid_name', `Câu kiểu audit phải có tên "audit", không phải "${name}".`, `An audit question must be named "audit", not "${name}".`, 'audit');
    }
    if (t.type === 'audit' && q.parameters['location-priority'] !== undefined) {
      // The audit log is kept (docs/exports.md), but a laptop has no GPS: its location columns stay empty.
      issues.warn(
        at(r, cols.parameters ?? typeCol),
        'not_collected',
        `Vị trí trong nhật ký audit không thu thập được trên máy tính này (không có GPS): các cột latitude, longitude, accuracy luôn để trống.`,
        `Audit location is not collected on this device (no GPS): the latitude, longitude and accuracy columns stay empty.`,
      );
    }
    const fromRepeat = t.listName === undefined ? null : /^\$\{([^}]*)\}$/.exec(t.listName.trim());
    if (fromRepeat) {
      q.choicesFrom = (fromRepeat[1] ?? '').trim();
      repeatSelects.push({ q, at: at(r, typeCol), source: q.choicesFrom });
      const cf = expr(r, cols.choiceFilter, name, true);
      if (cf) q.choiceFilter = cf;
    } else if (t.listName !== undefined) {
      q.listName = t.listName;
      // select_one_external reads its choices from external_choices (not collected here).
      const list = t.type === 'select_one_external' ? { name: t.listName, choices: [] } : choices.lists[t.listName];
      if (!list) {
        const sug = suggest(t.listName, Object.keys(choices.lists));
        issues.error(
          at(r, typeCol),
          'unknown_list',
          choicesTable
            ? `Không có danh sách lựa chọn "${t.listName}" trong bảng choices${sug ? `; có phải ý bạn là "${sug}"?` : '.'}`
            : `Câu "${name}" dùng danh sách "${t.listName}" nhưng tệp không có bảng choices.`,
          choicesTable
            ? `There is no choice list "${t.listName}" in the choices sheet${sug ? `; did you mean "${sug}"?` : '.'}`
            : `Question "${name}" uses list "${t.listName}" but the file has no choices sheet.`,
          sug,
        );
      } else {
        for (const c of list.choices) if (c.missing && !q.missingCodes.includes(c.name)) q.missingCodes.push(c.name);
        if (t.type === 'select_multiple') {
          for (const c of list.choices) {
            if (/\s/.test(c.name)) {
              issues.error({ sheet: c.source.sheet, row: c.source.row, column: 'name' }, 'choice_name_space', `Giá trị "${c.name}" có khoảng trắng nên không dùng được trong select_multiple "${name}".`, `Choice "${c.name}" contains a space, which select_multiple "${name}" cannot store.`);
            }
          }
        }
      }
      const cf = expr(r, cols.choiceFilter, name, true);
      if (cf) {
        q.choiceFilter = cf;
        filterChecks.push({ r, q });
      }
    } else if (q.choicesFile !== undefined) {
      // Bare names are the file's columns, known only once it is read: not checked here.
      const cf = expr(r, cols.choiceFilter, name, true);
      if (cf) q.choiceFilter = cf;
    } else if (valueAt(r, cols.choiceFilter)) {
      issues.warn(at(r, cols.choiceFilter), 'column_ignored', 'choice_filter chỉ dùng cho câu hỏi chọn; bỏ qua.', 'choice_filter only applies to select questions; ignored.');
    }

    const missingText = valueAt(r, cols.missing);
    if (missingText) {
      const lower = missingText.toLowerCase();
      const declared = missing.codes.map((m) => m.code);
      const wanted = TRUE_WORDS.has(lower) || lower === 'all' ? declared : FALSE_WORDS.has(lower) ? [] : missingText.split(/[\s,;]+/).filter(Boolean);
      for (const code of wanted) {
        if (!declared.includes(code)) {
          issues.error(at(r, cols.missing), 'unknown_missing_code', `Mã thiếu "${code}" chưa được khai báo trong settings (missing_codes: ${declared.join(', ') || '—'}).`, `Missing code "${code}" is not declared in settings (missing_codes: ${declared.join(', ') || '—'}).`, declared.join(' '));
        } else if (!q.missingCodes.includes(code)) q.missingCodes.push(code);
      }
    }

    if (Object.keys(q.labels).length === 0 && !NO_LABEL_NEEDED.has(t.type)) {
      issues.warn(at(r, columnOf(survey, 'label') ?? typeCol), 'missing_label', `Câu "${name}" không có nhãn (label) nên người phỏng vấn sẽ chỉ thấy tên.`, `Question "${name}" has no label; the interviewer will only see its name.`);
    }
    children().push(q);
    if (ok) {
      register(q);
      questions.set(name, q);
    }
  }

  const lastRow = survey.rows[survey.rows.length - 1]?.row ?? 1;
  for (const open of stack) {
    issues.error(
      { sheet: survey.sheet, row: open.row, column: typeCol.header, columnIndex: typeCol.index },
      'unclosed_block',
      `"begin ${open.block}" "${open.node.name}" mở ở dòng ${open.row} nhưng không được đóng (đến hết bảng, dòng ${lastRow}); thêm "end ${open.block}".`,
      `"begin ${open.block}" "${open.node.name}" opened at row ${open.row} is never closed (the sheet ends at row ${lastRow}); add "end ${open.block}".`,
      `end ${open.block}`,
    );
  }

  for (const [name, list] of Object.entries(choices.lists)) {
    if (list.choices.length === 0 && choicesTable) {
      issues.error({ sheet: choicesTable.sheet, row: choices.firstRow[name] ?? 0 }, 'empty_list', `Danh sách "${name}" không có lựa chọn nào.`, `List "${name}" has no choices.`);
    }
  }

  for (const g of generated) {
    const row = firstRowOfName.get(g.name);
    if (row === undefined) continue;
    issues.error(
      { sheet: survey.sheet, row, column: nameCol.header, columnIndex: nameCol.index },
      'generated_name_clash',
      `Tên "${g.name}" trùng với tên KhaoSat tự tạo cho "${g.by}" (dòng ${g.row}); hãy đổi tên câu này.`,
      `Name "${g.name}" clashes with the name generated for "${g.by}" (row ${g.row}); rename this question.`,
      `${g.name}_1`,
    );
  }
  // `${name}` in choice labels is shown with the current value, as in survey labels.
  for (const list of Object.values(choices.lists)) {
    for (const c of list.choices) {
      for (const text of Object.values(c.labels)) {
        for (const m of text.matchAll(TEXT_REF)) textRefs.push({ name: m[1] ?? '', at: { sheet: c.source.sheet, row: c.source.row, column: 'label' } });
      }
    }
  }
  checkReferences(pending, new Set(allNodes.keys()), issues);
  checkRepeatSelects(repeatSelects, allNodes, parentOf, issues);
  const attachments = readAttachments({ fromFile, externalInstances: externalInstances.map((x, i) => ({ ...x, at: externalRows[i] ?? { sheet: survey.sheet, row: 0 } })), pending, lists: choices.lists, read: opts.attachment, issues, language: dl });
  for (const { name, at: where } of textRefs) {
    if (allNodes.has(name)) continue;
    const sug = suggest(name, allNodes.keys());
    issues.error(
      where,
      'unknown_reference',
      `\${${name}} không phải tên của câu hỏi nào trong phiếu${sug ? `; có phải ý bạn là \${${sug}}?` : '.'}`,
      `\${${name}} is not the name of any question in the form${sug ? `; did you mean \${${sug}}?` : '.'}`,
      sug ? `\${${sug}}` : undefined,
    );
  }

  for (const { r, q } of filterChecks) {
    const cf = q.choiceFilter;
    if (!cf || !q.listName) continue;
    const known = new Set(['name', 'label', ...(choices.extraColumns[q.listName] ?? []), ...choices.sheetExtraColumns]);
    for (const word of cf.choiceColumns ?? []) {
      if (known.has(word)) continue;
      const sug = suggest(word, known);
      issues.error(
        at(r, cols.choiceFilter),
        'unknown_filter_column',
        `choice_filter dùng "${word}" nhưng bảng choices không có cột này${sug ? `; có phải ý bạn là "${sug}"?` : '.'} Tên câu hỏi phải viết dạng \${tên}.`,
        `choice_filter uses "${word}" but the choices sheet has no such column${sug ? `; did you mean "${sug}"?` : '.'} Question names must be written as \${name}.`,
        sug,
      );
    }
  }

  // Cycles among calculations and relevance; a node also depends on its parent's relevance.
  const graph = new Map<string, DependencyEdge[]>();
  for (const name of allNodes.keys()) graph.set(name, []);
  for (const p of pending) {
    if (p.column !== 'calculation' && p.column !== 'relevant') continue;
    const edges = graph.get(p.owner);
    if (!edges) continue;
    for (const ref of p.expr.refs) if (allNodes.has(ref)) edges.push({ to: ref, column: p.column });
  }
  for (const [child, parent] of parentOf) graph.get(child)?.push({ to: parent, column: 'parent' });
  for (const cycle of findCycles(graph)) {
    const first = allNodes.get(cycle.path[0] ?? '');
    const col = cycle.firstColumn === 'calculation' ? cols.calculation : cols.relevant;
    const arrow = cycle.path.join(' → ');
    issues.error(
      { sheet: survey.sheet, row: first?.source.row ?? 0, column: col?.header, columnIndex: col?.index },
      'reference_cycle',
      `Vòng tham chiếu (calculation/relevant): ${arrow}. Giá trị của một câu không thể phụ thuộc vào chính nó.`,
      `Reference cycle (calculation/relevant): ${arrow}. A value cannot depend on itself.`,
    );
  }

  // Settings: form_id defaults from the file name, version to 1, with warnings.
  const sAt = (key: string): FormErrorAt => ({ sheet: settings.table?.sheet ?? 'settings', row: settings.table ? settings.row : 0, column: key });
  let formId = settings.values['form_id']?.text ?? '';
  if (!formId) {
    formId = wb.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_') || 'form';
    issues.warn(sAt('form_id'), 'missing_setting', `settings thiếu form_id; dùng "${formId}" lấy từ tên tệp.`, `settings has no form_id; using "${formId}" from the file name.`, 'form_id');
  }
  let version = settings.values['version']?.text ?? '';
  if (!version) {
    version = '1';
    issues.warn(sAt('version'), 'missing_setting', 'settings thiếu version; dùng "1". Hãy đặt version để phân biệt các bản phiếu.', 'settings has no version; using "1". Set a version to tell form versions apart.', 'version');
  }
  let title = settingsTitle(settings, dl);
  if (Object.keys(title).length === 0) title = { [dl]: formId };
  let instanceName: CompiledExpression | undefined;
  const inst = settings.values['instance_name'];
  if (inst) {
    const where: FormErrorAt = { sheet: settings.table?.sheet ?? 'settings', row: settings.row, column: inst.header, columnIndex: inst.columnIndex };
    instanceName = compileExpression(inst.text, where, issues);
    if (instanceName) checkReferences([{ expr: instanceName, at: where, owner: '', column: 'instance_name' }], new Set(allNodes.keys()), issues);
  }

  const index = readIndexConfig(indexTable, settings, questions, dl, issues);

  if (issues.errors.length > 0) return { ok: false, errors: issues.errors, warnings: issues.warnings };
  const form: FormModel = {
    modelVersion: FORM_MODEL_VERSION,
    formId,
    version,
    title,
    defaultLanguage: dl,
    languages,
    children: root,
    choiceLists: choices.lists,
    missingCodes: missing.codes,
    index,
    sourceFile: wb.fileName,
  };
  if (instanceName) form.instanceName = instanceName;
  if (externalInstances.length > 0) form.externalInstances = externalInstances;
  if (attachments.length > 0) form.attachments = attachments;
  return { ok: true, form, warnings: issues.warnings };
}
