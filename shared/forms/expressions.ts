// Compiles one expression cell through the shared expression parser and reports syntax errors
// (with the character position) and unknown functions. References are checked later, once
// every name in the form is known.
import { calledFunctions, lastSavedNames, parseExpression, referencedNames, SUPPORTED_FUNCTIONS, type Expr } from '../engine/expr';
import type { FormErrorAt, FormIssues } from './errors';
import { CHOICE_COLUMN_REF_PREFIX, type CompiledExpression, type FormNode, type QuestionNode } from './model';
import { suggest } from './names';

/** An expression with the cell it came from, kept until references can be checked. */
export interface PendingExpression {
  expr: CompiledExpression;
  at: FormErrorAt;
  /** Name of the question/group owning it (for cycle detection). */
  owner: string;
  column: string;
}

interface SyntaxErrorLike {
  position?: number;
  expected?: string;
  message?: string;
  messageVi?: string;
}

/** Curly quotes typed by spreadsheet autocorrect read as straight quotes (pyxform does the same). */
export function straightenQuotes(text: string): string {
  return text.replace(/[\u201C\u201D\u201E\u201F]/g, '"').replace(/[\u2018\u2019\u201A\u201B]/g, "'");
}

export function compileExpression(
  written: string,
  at: FormErrorAt,
  issues: FormIssues,
  opts: { choiceFilter?: boolean } = {},
): CompiledExpression | undefined {
  const source = straightenQuotes(written);
  // In a choice_filter, bare names are columns of the choices sheet; the parser only knows
  // ${name}, so they are rewritten to reserved refs and positions are mapped back for errors.
  const rewritten = opts.choiceFilter ? rewriteChoiceColumns(source) : { text: source, columns: [], toSource: (p: number) => p };
  let ast;
  try {
    ast = parseExpression(rewritten.text);
  } catch (err) {
    const e = (err ?? {}) as SyntaxErrorLike;
    const pos = rewritten.toSource(typeof e.position === 'number' ? e.position : 0);
    const pointer = `${source.slice(0, pos)}⟨${source.slice(pos, pos + 1) || '…'}⟩${source.slice(pos + 1)}`;
    issues.error(
      at,
      'expression_syntax',
      `Biểu thức sai cú pháp ở ký tự thứ ${pos + 1}: ${e.messageVi ?? e.message ?? ''} — ${pointer}`,
      `Expression syntax error at character ${pos + 1}: ${e.message ?? ''} — ${pointer}`,
      e.expected,
    );
    return undefined;
  }
  let ok = true;
  for (const fn of unique(calledFunctions(ast))) {
    if (SUPPORTED_FUNCTIONS.includes(fn)) continue;
    ok = false;
    const s = suggest(fn, SUPPORTED_FUNCTIONS);
    issues.error(
      at,
      'unknown_function',
      `Hàm "${fn}()" không được hỗ trợ${s ? `; có phải ý bạn là "${s}()"?` : '.'}`,
      `Function "${fn}()" is not supported${s ? `; did you mean "${s}()"?` : '.'}`,
      s,
    );
  }
  if (!ok) return undefined;
  if (!opts.choiceFilter) warnBareNames(ast, source, at, issues);
  const refs = unique(referencedNames(ast)).filter((r) => !r.startsWith(CHOICE_COLUMN_REF_PREFIX));
  const compiled: CompiledExpression = { source, ast, refs };
  if (opts.choiceFilter) compiled.choiceColumns = rewritten.columns;
  return compiled;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/**
 * A bare word where a value stands (`${a} = yes`, `${b} != null`) is an XPath path to an element
 * under the question, which never exists: ODK reads it as empty, and so does KhaoSat. Accepted,
 * since real forms rely on it (`null`), with a warning saying what to write instead.
 */
function warnBareNames(ast: Expr, source: string, at: FormErrorAt, issues: FormIssues): void {
  const words: string[] = [];
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'path': {
        const first = e.steps[0];
        if (e.start.kind === 'context' && first?.axis === 'child' && first.name !== '*' && !words.includes(first.name)) words.push(first.name);
        // Predicates and instance(…) paths are read against their own nodes: not warned.
        return;
      }
      case 'neg':
        visit(e.operand);
        return;
      case 'binary':
      case 'union':
        visit(e.left);
        visit(e.right);
        return;
      case 'call':
        e.args.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(ast);
  for (const w of words) {
    issues.warn(
      at,
      'bare_name',
      `"${w}" không có \${} hay dấu nháy nên được đọc như ODK: một đường dẫn XPath không trỏ tới đâu, luôn rỗng. Viết \${${w}} nếu là câu hỏi, '${w}' nếu là chữ (hoặc '' cho giá trị rỗng). — ${source}`,
      `"${w}" has neither \${} nor quotes, so it is read as ODK reads it: an XPath path that selects nothing, always empty. Write \${${w}} for a question, '${w}' for text (or '' for empty). — ${source}`,
      `'${w}'`,
    );
  }
}

/** `select_one ${q}`: q must be a question inside a repeat (pyxform's rule); its answers are the choices. */
export function checkRepeatSelects(
  selects: readonly { q: QuestionNode; at: FormErrorAt; source: string }[],
  nodes: ReadonlyMap<string, FormNode>,
  parentOf: ReadonlyMap<string, string>,
  issues: FormIssues,
): void {
  for (const { at, source } of selects) {
    const target = nodes.get(source);
    if (!target || target.kind !== 'question') {
      const s = suggest(source, nodes.keys());
      issues.error(at, 'unknown_reference',
        `\${${source}} không phải câu hỏi nào trong phiếu${s ? `; có phải ý bạn là \${${s}}?` : '.'}`,
        `\${${source}} is not a question of the form${s ? `; did you mean \${${s}}?` : '.'}`,
        s ? `\${${s}}` : undefined);
      continue;
    }
    let inRepeat = false;
    for (let p = parentOf.get(source); p !== undefined; p = parentOf.get(p)) if (nodes.get(p)?.kind === 'repeat') inRepeat = true;
    if (!inRepeat) {
      issues.error(at, 'unknown_list',
        `Lựa chọn lấy từ \${${source}} chỉ dùng được khi câu đó nằm trong một nhóm lặp (begin repeat); hãy dùng một danh sách trong bảng choices.`,
        `Choices from \${${source}} need that question to be inside a repeat (begin repeat); use a list from the choices sheet instead.`);
    }
  }
}

/** Reports every `${name}` that names nothing in the form, with the closest real name. */
export function checkReferences(pending: readonly PendingExpression[], names: ReadonlySet<string>, issues: FormIssues): void {
  for (const p of pending) {
    for (const ref of [...p.expr.refs, ...lastSavedNames(p.expr.ast).filter((n) => !p.expr.refs.includes(n))]) {
      if (names.has(ref)) continue;
      const s = suggest(ref, names);
      issues.error(
        p.at,
        'unknown_reference',
        `\${${ref}} không phải tên của câu hỏi nào trong phiếu${s ? `; có phải ý bạn là \${${s}}?` : '.'}`,
        `\${${ref}} is not the name of any question in the form${s ? `; did you mean \${${s}}?` : '.'}`,
        s ? `\${${s}}` : undefined,
      );
    }
  }
}

const XPATH_WORDS = new Set(['and', 'or', 'div', 'mod']);

/**
 * Rewrites bare names of a choice_filter (`district = ${META_DIST}`) to reserved refs
 * (`${__choice__district} = ${META_DIST}`). Found lexically, with strings and ${…} masked.
 */
export function rewriteChoiceColumns(source: string): { text: string; columns: string[]; toSource: (pos: number) => number } {
  // Predicates (`[…]`) are read against their own nodes, not the choice being filtered.
  const masked = source.replace(/\$\{[^}]*\}|'[^']*'|"[^"]*"/g, (m) => ' '.repeat(m.length)).replace(/\[[^\]]*\]/g, (m) => ' '.repeat(m.length));
  const re = /(?<![\p{L}\p{M}\p{N}_.$:/-])([\p{L}_][\p{L}\p{M}\p{N}_.-]*)(?![\p{L}\p{M}\p{N}_.:-])(\s*\()?/gu;
  const columns: string[] = [];
  // Each rewrite inserts `${__choice__` before and `}` after a word.
  const shifts: { at: number; added: number }[] = [];
  let text = '';
  let last = 0;
  const open = `\${${CHOICE_COLUMN_REF_PREFIX}`;
  for (const m of masked.matchAll(re)) {
    const word = m[1] ?? '';
    if (m[2] || XPATH_WORDS.has(word)) continue;
    const i = m.index ?? 0;
    if (!columns.includes(word)) columns.push(word);
    text += source.slice(last, i) + open + word + '}';
    shifts.push({ at: text.length - word.length - 1 - open.length, added: open.length + 1 });
    last = i + word.length;
  }
  text += source.slice(last);
  const toSource = (pos: number): number => {
    let p = pos;
    for (const s of shifts) if (pos > s.at) p -= Math.min(s.added, pos - s.at);
    return Math.max(0, Math.min(p, source.length));
  };
  return { text, columns, toSource };
}
