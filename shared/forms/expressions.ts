// Compiles one expression cell through the shared expression parser and reports syntax errors
// (with the character position) and unknown functions. References are checked later, once
// every name in the form is known.
import { calledFunctions, parseExpression, referencedNames, SUPPORTED_FUNCTIONS } from '../engine/expr';
import type { FormErrorAt, FormIssues } from './errors';
import { CHOICE_COLUMN_REF_PREFIX, type CompiledExpression } from './model';
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
  const refs = unique(referencedNames(ast)).filter((r) => !r.startsWith(CHOICE_COLUMN_REF_PREFIX));
  const compiled: CompiledExpression = { source, ast, refs };
  if (opts.choiceFilter) compiled.choiceColumns = rewritten.columns;
  return compiled;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/** Reports every `${name}` that names nothing in the form, with the closest real name. */
export function checkReferences(pending: readonly PendingExpression[], names: ReadonlySet<string>, issues: FormIssues): void {
  for (const p of pending) {
    for (const ref of p.expr.refs) {
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
  const masked = source.replace(/\$\{[^}]*\}|'[^']*'|"[^"]*"/g, (m) => ' '.repeat(m.length));
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
