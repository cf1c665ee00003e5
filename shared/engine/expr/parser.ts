// Recursive-descent parser for the XLSForm/XPath subset, with XPath 1.0 precedence:
// or < and < equality < relational < additive < multiplicative < unary. Throws only ExprSyntaxError.

import type { BinaryOp, Expr, PathStart, Step } from './ast';
import { ExprSyntaxError } from './errors';
import { tokenize, type Token, type TokenType } from './lexer';
import { compileRegex } from './regex';
import { arityOf } from './signatures';

export const MAX_SOURCE_LENGTH = 10_000;
export const MAX_NESTING = 200;

const OPERAND = { en: 'an operand (a value, ${name} or a function)', vi: 'toán hạng (giá trị, ${tên} hoặc hàm)' };
const DESCENDANTS = { en: "'//' (descendants) is not an ODK XForms axis: write each step", vi: "'//' (hậu duệ) không có trong ODK XForms: hãy viết từng bước" };
const OPERATOR_OR_END = { en: 'an operator or the end of the expression', vi: 'toán tử hoặc kết thúc biểu thức' };

/** `${q}` alone in a string literal: the form jr:choice-name's second argument takes in XLSForm. */
export const QUOTED_REF = /^\s*\$\{([\p{L}_][\p{L}\p{M}\p{N}_.-]*)\}\s*$/u;
/** `'/data/group/q'`: the form pyxform writes jr:choice-name's second argument in; the last step names the question. */
export const ABSOLUTE_PATH = /^\s*(?:\/[\p{L}_][\p{L}\p{M}\p{N}_.-]*)+\s*$/u;

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  parse(): Expr {
    if (this.peek().type === 'eof') {
      throw new ExprSyntaxError(0, 'an expression', { expectedVi: 'biểu thức' });
    }
    const expr = this.parseOr();
    const t = this.peek();
    if (t.type !== 'eof') this.fail(t, OPERATOR_OR_END);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const t = this.tokens[this.index] as Token;
    if (t.type !== 'eof') this.index++;
    return t;
  }

  private fail(t: Token, what: { en: string; vi: string }, hint?: { en: string; vi: string }): never {
    const h = hint ?? hintFor(t);
    throw new ExprSyntaxError(t.start, what.en, h ? { expectedVi: what.vi, hint: h } : { expectedVi: what.vi });
  }

  private expect(type: TokenType, what: { en: string; vi: string }): Token {
    const t = this.peek();
    if (t.type !== type) this.fail(t, what);
    return this.next();
  }

  private tooDeep(): never {
    const where = this.peek().start;
    throw new ExprSyntaxError(where, `at most ${MAX_NESTING} levels of nesting`, {
      expectedVi: `tối đa ${MAX_NESTING} cấp lồng nhau`,
      message: {
        en: `The expression nests more than ${MAX_NESTING} levels deep at position ${where + 1}`,
        vi: `Biểu thức lồng nhau quá ${MAX_NESTING} cấp ở vị trí ${where + 1}`,
      },
    });
  }

  /** An operator keyword (and, or, div, mod) counts only where an operator may stand. */
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.type === 'name' && t.text === word;
  }

  private parseOr(): Expr {
    if (++this.depth > MAX_NESTING) this.tooDeep();
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.next();
      left = { kind: 'binary', op: 'or', left, right: this.parseAnd(), pos: left.pos };
    }
    this.depth--;
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseEquality();
    while (this.isKeyword('and')) {
      this.next();
      left = { kind: 'binary', op: 'and', left, right: this.parseEquality(), pos: left.pos };
    }
    return left;
  }

  private parseEquality(): Expr {
    let left = this.parseRelational();
    for (;;) {
      const t = this.peek().type;
      if (t !== '=' && t !== '!=') return left;
      this.next();
      left = { kind: 'binary', op: t, left, right: this.parseRelational(), pos: left.pos };
    }
  }

  private parseRelational(): Expr {
    let left = this.parseAdditive();
    for (;;) {
      const t = this.peek().type;
      if (t !== '<' && t !== '<=' && t !== '>' && t !== '>=') return left;
      this.next();
      left = { kind: 'binary', op: t, left, right: this.parseAdditive(), pos: left.pos };
    }
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    for (;;) {
      const t = this.peek().type;
      if (t !== '+' && t !== '-') return left;
      this.next();
      left = { kind: 'binary', op: t, left, right: this.parseMultiplicative(), pos: left.pos };
    }
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      let op: BinaryOp;
      if (t.type === '*') op = '*';
      else if (t.type === 'name' && (t.text === 'div' || t.text === 'mod')) op = t.text;
      else return left;
      this.next();
      left = { kind: 'binary', op, left, right: this.parseUnary(), pos: left.pos };
    }
  }

  private parseUnary(): Expr {
    // A loop rather than recursion, so '- - - … 1' cannot exhaust the stack. Two minus signs
    // cancel in value but still coerce to a number, so at most two 'neg' nodes are kept.
    let count = 0;
    let pos = -1;
    while (this.peek().type === '-') {
      const t = this.next();
      if (pos < 0) pos = t.start;
      count++;
    }
    const operand = this.parseUnion();
    if (count === 0) return operand;
    const once: Expr = { kind: 'neg', operand, pos: count % 2 === 1 ? pos : pos + 1 };
    return count % 2 === 1 ? once : { kind: 'neg', operand: once, pos };
  }

  /** `a | b | c`: XPath's union, between unary minus and paths. */
  private parseUnion(): Expr {
    let left = this.parsePathExpr();
    while (this.peek().type === '|') {
      this.next();
      left = { kind: 'union', left, right: this.parsePathExpr(), pos: left.pos };
    }
    return left;
  }

  /** Whether the next token can begin a location step: a name, `*`, `.` or `..`. */
  private atStep(): boolean {
    const t = this.peek();
    if (t.type === 'name') return this.tokens[this.index + 1]?.type !== '(';
    return t.type === '*' || t.type === '.' || t.type === '..' || t.type === '@';
  }

  private parsePredicates(): Expr[] {
    const out: Expr[] = [];
    while (this.peek().type === '[') {
      this.next();
      if (++this.depth > MAX_NESTING) this.tooDeep();
      out.push(this.parseOr());
      this.depth--;
      this.expect(']', { en: "']'", vi: "']'" });
    }
    return out;
  }

  private parseStep(): Step {
    const t = this.next();
    if (t.type === '.') return { axis: 'self', name: '', predicates: this.parsePredicates() };
    if (t.type === '..') return { axis: 'parent', name: '', predicates: this.parsePredicates() };
    if (t.type === 'name' || t.type === '*') return { axis: 'child', name: t.type === '*' ? '*' : t.text, predicates: this.parsePredicates() };
    if (t.type === '@') {
      const a = this.next();
      if (a.type === 'name' || a.type === '*') return { axis: 'attribute', name: a.type === '*' ? '*' : a.text, predicates: this.parsePredicates() };
      return this.fail(a, { en: 'an attribute name or * after @', vi: 'tên thuộc tính hoặc * sau @' });
    }
    return this.fail(t, { en: 'a name, *, @, . or .. after /', vi: 'tên, *, @, . hoặc .. sau /' });
  }

  /** Steps after the first one, each after a '/'. */
  private parseMoreSteps(steps: Step[]): Step[] {
    for (;;) {
      const t = this.peek();
      if (t.type === 'invalid' && t.text === '//') this.fail(t, { en: "'/'", vi: "'/'" }, DESCENDANTS);
      if (t.type !== '/') return steps;
      this.next();
      steps.push(this.parseStep());
    }
  }

  /**
   * A location path (`/data/q`, `../q`, `name`, `instance('x')/root/item[…]/label`) or a
   * primary expression. A lone `.` stays the fast `current` node.
   */
  private parsePathExpr(): Expr {
    const t = this.peek();
    if (t.type === '/') {
      this.next();
      const steps = this.atStep() ? this.parseMoreSteps([this.parseStep()]) : [];
      return { kind: 'path', start: { kind: 'root' }, steps, pos: t.start };
    }
    const after = this.tokens[this.index + 1]?.type;
    const relative =
      (t.type === 'name' && after !== '(') || t.type === '*' || t.type === '..' || t.type === '@' || (t.type === '.' && (after === '/' || after === '['));
    if (relative) {
      return { kind: 'path', start: { kind: 'context' }, steps: this.parseMoreSteps([this.parseStep()]), pos: t.start };
    }
    const primary = this.parsePrimary();
    const predicates = this.parsePredicates();
    if (predicates.length === 0 && this.peek().type !== '/') return primary;
    const start: PathStart = { kind: 'expr', expr: primary, predicates };
    return { kind: 'path', start, steps: this.parseMoreSteps([]), pos: primary.pos };
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.type) {
      case 'number':
        this.next();
        return { kind: 'number', value: Number(t.text), pos: t.start };
      case 'string':
        this.next();
        return { kind: 'string', value: t.text, pos: t.start };
      case 'ref':
        this.next();
        return { kind: 'ref', name: t.text, pos: t.start };
      case 'lastSaved':
        this.next();
        return { kind: 'lastSaved', name: t.text, pos: t.start };
      case '.':
        this.next();
        return { kind: 'current', pos: t.start };
      case '(': {
        this.next();
        const inner = this.parseOr();
        this.expect(')', { en: "')'", vi: "')'" });
        return inner;
      }
      case 'name':
        return this.parseCall();
      case 'invalid':
        if (t.text === '//') return this.fail(t, OPERAND, DESCENDANTS);
        return this.fail(t, OPERAND);
      default:
        return this.fail(t, OPERAND);
    }
  }

  private parseCall(): Expr {
    const nameToken = this.next();
    const name = nameToken.text;
    this.next(); // '('
    const args: Expr[] = [];
    if (this.peek().type !== ')') {
      if (++this.depth > MAX_NESTING) this.tooDeep();
      args.push(this.parseOr());
      while (this.peek().type === ',') {
        this.next();
        args.push(this.parseOr());
      }
      this.depth--;
    }
    this.expect(')', { en: "')' or ','", vi: "')' hoặc ','" });
    this.checkCall(name, nameToken.start, args);
    return { kind: 'call', name, args, pos: nameToken.start };
  }

  /** Argument checks for known functions; unknown names are left to calledFunctions(). */
  private checkCall(name: string, pos: number, args: Expr[]): void {
    const arity = arityOf(name);
    if (!arity) return;
    const [min, max] = arity;
    if (args.length < min || args.length > max) {
      const en = describeArity(min, max, 'en');
      const vi = describeArity(min, max, 'vi');
      throw new ExprSyntaxError(pos, `${en} for ${name}()`, {
        expectedVi: `${vi} cho hàm ${name}()`,
        message: {
          en: `${name}() takes ${en}, not ${args.length} (position ${pos + 1})`,
          vi: `Hàm ${name}() cần ${vi}, không phải ${args.length} (vị trí ${pos + 1})`,
        },
      });
    }
    switch (name) {
      case 'indexed-repeat':
        if (args.length % 2 === 0) {
          throw new ExprSyntaxError(pos, 'indexed-repeat(${field}, ${repeat1}, n1[, ${repeat2}, n2[, ${repeat3}, n3]])', {
            expectedVi: 'indexed-repeat(${câu}, ${lặp1}, n1[, ${lặp2}, n2[, ${lặp3}, n3]])',
          });
        }
        for (const a of args.filter((_x, k) => k === 0 || k % 2 === 1)) {
          if (a.kind !== 'ref') {
            throw new ExprSyntaxError(a.pos, 'a ${field} reference in indexed-repeat()', {
              expectedVi: 'tham chiếu ${tên} trong indexed-repeat()',
            });
          }
        }
        return;
      case 'jr:choice-name': {
        const a = args[1] as Expr;
        if (a.kind === 'ref' || (a.kind === 'string' && (QUOTED_REF.test(a.value) || ABSOLUTE_PATH.test(a.value)))) return;
        throw new ExprSyntaxError(a.pos, "'${question}' as the second argument of jr:choice-name()", {
          expectedVi: "'${câu_hỏi}' làm tham số thứ hai của jr:choice-name()",
        });
      }
      case 'regex': {
        const a = args[1] as Expr;
        if (a.kind === 'string' && compileRegex(a.value) === null) {
          throw new ExprSyntaxError(a.pos, 'a valid regular expression', {
            expectedVi: 'biểu thức chính quy hợp lệ',
            message: {
              en: `Invalid or too long regular expression at position ${a.pos + 1}`,
              vi: `Biểu thức chính quy không hợp lệ hoặc quá dài ở vị trí ${a.pos + 1}`,
            },
          });
        }
        return;
      }
      default:
        return;
    }
  }
}

function describeArity(min: number, max: number, lang: 'en' | 'vi'): string {
  if (lang === 'vi') {
    if (min === max) return `${min} tham số`;
    if (max === Infinity) return `ít nhất ${min} tham số`;
    return `${min} đến ${max} tham số`;
  }
  const plural = (k: number) => (k === 1 ? 'argument' : 'arguments');
  if (min === max) return `${min} ${plural(min)}`;
  if (max === Infinity) return `at least ${min} ${plural(min)}`;
  return `${min} to ${max} arguments`;
}

/** Typographic quotes are what Excel autocorrect turns ' and " into; say so. */
function hintFor(t: Token): { en: string; vi: string } | undefined {
  if (t.type === 'invalid' && /[\u2018\u2019\u201c\u201d]/.test(t.text)) {
    return { en: `use straight quotes ' or " instead of ${t.text}`, vi: `dùng dấu nháy thẳng ' hoặc " thay cho ${t.text}` };
  }
  if (t.type === 'eof') return { en: 'the expression ends too early', vi: 'biểu thức kết thúc quá sớm' };
  return undefined;
}

export function parseExpression(source: string): Expr {
  if (typeof source !== 'string') throw new ExprSyntaxError(0, 'an expression', { expectedVi: 'biểu thức' });
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new ExprSyntaxError(MAX_SOURCE_LENGTH, `at most ${MAX_SOURCE_LENGTH} characters`, {
      expectedVi: `tối đa ${MAX_SOURCE_LENGTH} ký tự`,
      message: {
        en: `The expression is longer than ${MAX_SOURCE_LENGTH} characters`,
        vi: `Biểu thức dài quá ${MAX_SOURCE_LENGTH} ký tự`,
      },
    });
  }
  try {
    return new Parser(source).parse();
  } catch (e) {
    if (e instanceof ExprSyntaxError) throw e;
    // Defence in depth: the contract is that nothing else escapes (not even a stack overflow).
    throw new ExprSyntaxError(0, 'a valid expression', { expectedVi: 'biểu thức hợp lệ' });
  }
}
