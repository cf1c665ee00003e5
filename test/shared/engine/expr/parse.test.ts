import { describe, expect, it } from 'vitest';
import {
  calledFunctions,
  ExprSyntaxError,
  MAX_NESTING,
  parseExpression,
  referencedNames,
  SUPPORTED_FUNCTIONS,
  type Expr,
} from '../../../../shared/engine/expr';
import { ev } from './context';

function syntaxError(source: string): ExprSyntaxError {
  try {
    parseExpression(source);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprSyntaxError);
    return e as ExprSyntaxError;
  }
  throw new Error(`expected a syntax error for ${source}`);
}

/** A compact print of the tree, to check precedence and associativity. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'ref':
      return `\${${e.name}}`;
    case 'current':
      return '.';
    case 'lastSaved':
      return `\${last-saved#${e.name}}`;
    case 'path': {
      const pred = (ps: Expr[]) => ps.map((p) => `[${show(p)}]`).join('');
      const steps = e.steps.map((s) => (s.axis === 'self' ? '.' : s.axis === 'parent' ? '..' : s.name) + pred(s.predicates));
      const start = e.start.kind === 'root' ? '/' : e.start.kind === 'context' ? '' : show(e.start.expr) + pred(e.start.predicates) + (steps.length ? '/' : '');
      return start + steps.join('/');
    }
    case 'union':
      return `(${show(e.left)} | ${show(e.right)})`;
    case 'neg':
      return `(- ${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')})`;
  }
}

describe('parseExpression: tokens', () => {
  it('reads ${name} references with letters, digits, _ . - and Vietnamese letters', () => {
    expect(parseExpression('${q1_a.b-c}')).toEqual({ kind: 'ref', name: 'q1_a.b-c', pos: 0 });
    expect(parseExpression('${tuổi}')).toMatchObject({ kind: 'ref', name: 'tuổi' });
  });

  it('reads numbers including decimals with a leading or trailing dot', () => {
    expect(parseExpression('12')).toMatchObject({ kind: 'number', value: 12 });
    expect(parseExpression('.5')).toMatchObject({ kind: 'number', value: 0.5 });
    expect(parseExpression('3.25')).toMatchObject({ kind: 'number', value: 3.25 });
    expect(parseExpression('3.')).toMatchObject({ kind: 'number', value: 3 });
  });

  it('reads single- and double-quoted strings without escapes', () => {
    expect(parseExpression(`'it"s'`)).toMatchObject({ kind: 'string', value: 'it"s' });
    expect(parseExpression(`"l'eau"`)).toMatchObject({ kind: 'string', value: "l'eau" });
    expect(parseExpression(`''`)).toMatchObject({ kind: 'string', value: '' });
  });

  it('reads . as the current value and .. as a path to the parent (spec: XPath Paths)', () => {
    expect(parseExpression('.')).toMatchObject({ kind: 'current' });
    expect(parseExpression('position(..)')).toMatchObject({ kind: 'call', name: 'position', args: [{ kind: 'path', start: { kind: 'context' }, steps: [{ axis: 'parent' }] }] });
    expect(parseExpression('.. + 1')).toMatchObject({ kind: 'binary', left: { kind: 'path' } });
    expect(parseExpression('./a/../b')).toMatchObject({ kind: 'path', steps: [{ axis: 'self' }, { name: 'a' }, { axis: 'parent' }, { name: 'b' }] });
  });

  it('reads prefixed function names such as jr:choice-name', () => {
    expect(parseExpression("jr:choice-name(${a}, '${a}')")).toMatchObject({ kind: 'call', name: 'jr:choice-name' });
  });

  it('ignores whitespace, including no-break spaces pasted from Excel', () => {
    expect(show(parseExpression(' ${a}\u00a0>\t1\n'))).toBe('(${a} > 1)');
  });

  it('records the offset of each node', () => {
    const e = parseExpression('1 + ${b}');
    expect(e).toMatchObject({ kind: 'binary', pos: 0, right: { kind: 'ref', pos: 4 } });
  });
});

describe('parseExpression: precedence and associativity', () => {
  it.each([
    ['1 or 2 and 3', '(1 or (2 and 3))'],
    ['1 and 2 = 3', '(1 and (2 = 3))'],
    ['1 = 2 < 3', '(1 = (2 < 3))'],
    ['1 < 2 + 3', '(1 < (2 + 3))'],
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 - 2 div 3 mod 4', '(1 - ((2 div 3) mod 4))'],
    ['-1 * 2', '((- 1) * 2)'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['1 div 2 div 4', '((1 div 2) div 4)'],
    ['1 = 2 != 3', '((1 = 2) != 3)'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['1 != 2 or 3 >= 4 and 5 <= 6', '((1 != 2) or ((3 >= 4) and (5 <= 6)))'],
    ['--1', '(- (- 1))'],
    ['---1', '(- 1)'],
    ['1--1', '(1 - (- 1))'],
  ])('%s parses as %s', (source, tree) => {
    expect(show(parseExpression(source))).toBe(tree);
  });

  it('treats div, mod, and, or as operators only where an operator may stand', () => {
    expect(show(parseExpression('${div} div ${mod}'))).toBe('(${div} div ${mod})');
    expect(show(parseExpression('and(1)'))).toBe('and(1)');
    expect(calledFunctions(parseExpression('or(1) or mod(2)'))).toEqual(['or', 'mod']);
    expect(syntaxError('1 and and 2').position).toBe(10);
    // A keyword where an operand stands is a name: here a path `div` followed by a stray 2.
    expect(syntaxError('div 2').position).toBe(4);
  });

  it('keeps the value of --x a number', () => {
    expect(ev("--'5'")).toBe(5);
    expect(ev("-'abc'")).toBeNaN();
  });
});

describe('parseExpression: syntax errors', () => {
  it.each([
    ['(1 + 2', 6, "')'"],
    ['1 +', 3, 'an operand (a value, ${name} or a function)'],
    ['', 0, 'an expression'],
    ['   ', 0, 'an expression'],
    ['1 2', 2, 'an operator or the end of the expression'],
    ['concat(1, 2', 11, "')' or ','"],
    ['concat(1 2)', 9, "')' or ','"],
    ['$a', 1, "'{' after '$'"],
    ['${}', 2, 'a field name inside ${...}'],
    ['${a b}', 3, "'}'"],
    ["'abc", 4, "the closing quote '"],
    ['1 # 2', 2, 'an operator or the end of the expression'],
    ['1 ! 2', 2, 'an operator or the end of the expression'],
    ['1 + )', 4, 'an operand (a value, ${name} or a function)'],
    ['1e3', 1, 'an operator or the end of the expression'],
    ['/data//q', 5, "'/'"],
    ['a[1', 3, "']'"],
    ['/data/', 6, 'a name, *, @, . or .. after /'],
    ['/data/@', 7, 'an attribute name or * after @'],
    ['/data/@1', 7, 'an attribute name or * after @'],
  ])('%j fails at offset %i expecting %s', (source, position, expected) => {
    const e = syntaxError(source);
    expect(e.position).toBe(position);
    expect(e.expected).toBe(expected);
  });

  it('writes the message in English and Vietnamese with the 1-based position', () => {
    const e = syntaxError("if(${a} > 1, 'x' 'y')");
    expect(e.position).toBe(17);
    expect(e.message).toBe("Expected ')' or ',' at position 18");
    expect(e.messageVi).toBe("Thiếu ')' hoặc ',' ở vị trí 18");
    expect(e.name).toBe('ExprSyntaxError');
  });

  it('reads @name and @* as attribute steps, also first in a relative path or inside a predicate', () => {
    expect(parseExpression("instance('t')/t/town[@id = 'a']/@kind")).toMatchObject({
      kind: 'path', steps: [{ axis: 'child', name: 't' }, { axis: 'child', name: 'town', predicates: [{ kind: 'binary', left: { kind: 'path', start: { kind: 'context' }, steps: [{ axis: 'attribute', name: 'id' }] } }] }, { axis: 'attribute', name: 'kind' }],
    });
    expect(parseExpression('../@*')).toMatchObject({ kind: 'path', steps: [{ axis: 'parent' }, { axis: 'attribute', name: '*' }] });
  });

  it('reads a bare word as a relative path, as ODK does (the compiler warns about it)', () => {
    expect(parseExpression('${a} = yes')).toMatchObject({ right: { kind: 'path', start: { kind: 'context' }, steps: [{ axis: 'child', name: 'yes' }] } });
  });

  it('hints at typographic quotes that Excel autocorrect inserts', () => {
    const e = syntaxError('${a} = \u2018yes\u2019');
    expect(e.position).toBe(7);
    expect(e.message).toContain('straight quotes');
  });

  it('rejects a wrong number of arguments for a known function at its name', () => {
    const e = syntaxError('1 + selected(${a})');
    expect(e.position).toBe(4);
    expect(e.message).toBe('selected() takes 2 arguments, not 1 (position 5)');
    expect(e.messageVi).toBe('Hàm selected() cần 2 tham số, không phải 1 (vị trí 5)');
    expect(syntaxError('today(1)').expected).toBe('0 arguments for today()');
    expect(syntaxError('substr(1)').expected).toBe('2 to 3 arguments for substr()');
    expect(syntaxError('max()').expected).toBe('at least 1 argument for max()');
  });

  it('leaves unknown functions to calledFunctions instead of failing', () => {
    const e = parseExpression('pull-data(1, 2) + foo()');
    expect(calledFunctions(e)).toEqual(['pull-data', 'foo']);
    expect(SUPPORTED_FUNCTIONS).not.toContain('pull-data');
  });

  it('requires ${} references as the first two arguments of indexed-repeat', () => {
    expect(syntaxError("indexed-repeat('a', ${r}, 1)").position).toBe(15);
    expect(syntaxError('indexed-repeat(${a}, 1, 1)').position).toBe(21);
  });

  it("requires '${q}' or ${q} as jr:choice-name's second argument", () => {
    expect(() => parseExpression('jr:choice-name(${a}, "${a}")')).not.toThrow();
    expect(() => parseExpression('jr:choice-name(${a}, ${a})')).not.toThrow();
    expect(syntaxError("jr:choice-name(${a}, 'a')").position).toBe(21);
  });

  it('rejects an invalid literal regex pattern at parse time', () => {
    const e = syntaxError("regex(., '(')");
    expect(e.position).toBe(9);
    expect(e.expected).toBe('a valid regular expression');
  });

  it('caps nesting depth with a syntax error instead of a stack overflow', () => {
    const ok = '('.repeat(MAX_NESTING - 1) + '1' + ')'.repeat(MAX_NESTING - 1);
    expect(ev(ok)).toBe(1);
    const e = syntaxError('('.repeat(4000) + '1' + ')'.repeat(4000));
    expect(e.expected).toBe(`at most ${MAX_NESTING} levels of nesting`);
    expect(syntaxError('not('.repeat(300) + '1' + ')'.repeat(300)).expected).toContain('nesting');
  });

  it('caps the source at 10,000 characters', () => {
    const e = syntaxError('1' + ' '.repeat(10_000));
    expect(e.position).toBe(10_000);
    expect(e.messageVi).toBe('Biểu thức dài quá 10000 ký tự');
  });

  it('parses and evaluates the longest flat chains allowed without overflowing', () => {
    expect(ev(Array.from({ length: 5000 }, () => '1').join('+'))).toBe(5000);
    expect(ev('-'.repeat(9999) + '1')).toBe(-1);
  });
});

describe('referencedNames and calledFunctions', () => {
  it('lists ${names} in order of first appearance without duplicates', () => {
    const e = parseExpression('if(${b} > ${a}, ${b} + ${c}, coalesce(${a}, ${d}))');
    expect(referencedNames(e)).toEqual(['b', 'a', 'c', 'd']);
  });

  it("includes the question named in jr:choice-name's quoted argument", () => {
    expect(referencedNames(parseExpression("jr:choice-name(${v}, '${q}') = ${w}"))).toEqual(['v', 'q', 'w']);
    expect(referencedNames(parseExpression('jr:choice-name(${v}, ${q})'))).toEqual(['v', 'q']);
  });

  it('does not treat ${x} inside other string literals as a reference', () => {
    expect(referencedNames(parseExpression("concat('${x}', ${y})"))).toEqual(['y']);
  });

  it('lists called functions in order, deduplicated', () => {
    const e = parseExpression("selected(${a}, 'x') and not(selected(${a}, 'y')) or jr:choice-name(${a}, '${a}') = ''");
    expect(calledFunctions(e)).toEqual(['selected', 'not', 'jr:choice-name']);
    expect(calledFunctions(parseExpression('1 + 2'))).toEqual([]);
  });
});
