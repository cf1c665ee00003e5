// Property tests: the parser never throws anything but ExprSyntaxError, the evaluator never
// throws anything but ExprEvalError, and arithmetic/logic agree with a reference evaluator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  ExprEvalError,
  ExprSyntaxError,
  parseExpression,
  type XValue,
} from '../../../../shared/engine/expr';
import { nodes, testContext } from './context';

const RUNS = { numRuns: 1500 };

function parsesOrSyntaxError(source: string): void {
  try {
    parseExpression(source);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprSyntaxError);
    const err = e as ExprSyntaxError;
    expect(err.position).toBeGreaterThanOrEqual(0);
    expect(err.position).toBeLessThanOrEqual(source.length);
    expect(err.expected.length).toBeGreaterThan(0);
    expect(err.messageVi.length).toBeGreaterThan(0);
  }
}

// Pieces of the language, so generated strings often get deep into the parser.
const TOKENS = [
  '${a}', '${b}', '${rep}', '$', '${', '}', '.', '..', '(', ')', ',', "'x'", '"y"', "'", '"',
  '1', '0', '2.5', '.5', '-', '+', '*', 'div', 'mod', 'and', 'or', '=', '!=', '<', '<=', '>', '>=',
  'not', 'if', 'selected', 'jr:choice-name', 'position', 'indexed-repeat', 'regex', 'concat', 'count',
  'sum', 'max', 'substr', 'format-date', 'date', 'today', 'foo', ' ', '  ', '!', '#', '[', '\u2019',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(''));
const spacedTokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(' '));

describe('parseExpression never throws anything but ExprSyntaxError', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), parsesOrSyntaxError), RUNS);
  });

  it('on arbitrary Unicode (including lone surrogates)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), parsesOrSyntaxError), RUNS);
  });

  it('on strings made of the language’s own tokens', () => {
    fc.assert(fc.property(fc.oneof(tokenSoup, spacedTokenSoup), parsesOrSyntaxError), { numRuns: 3000 });
  });
});

describe('evaluate never throws anything but ExprEvalError', () => {
  const values: Record<string, XValue> = { a: '3', b: '', rep: nodes('1', 'x', '') };
  const ctx = testContext({ values, current: '2024-01-01', position: 2, choices: { a: { '3': 'Ba' } } });

  it('on whatever the token soup parses into', () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoup, spacedTokenSoup), (source) => {
        let expr;
        try {
          expr = parseExpression(source);
        } catch {
          return;
        }
        try {
          evaluate(expr, ctx);
        } catch (e) {
          expect(e).toBeInstanceOf(ExprEvalError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

// ---- generated trees against a reference evaluator ----

type Tree =
  | { t: 'num'; text: string; value: number }
  | { t: 'neg'; x: Tree }
  | { t: 'not'; x: Tree }
  | { t: 'bin'; op: Op; l: Tree; r: Tree };

const OPS = ['or', 'and', '=', '!=', '<', '<=', '>', '>=', '+', '-', '*', 'div', 'mod'] as const;
type Op = (typeof OPS)[number];

const PRECEDENCE: Record<Op, number> = {
  or: 1, and: 2, '=': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, div: 6, mod: 6,
};

const numberLeaf: fc.Arbitrary<Tree> = fc
  .oneof(
    fc.integer({ min: 0, max: 1000 }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 })).map(([i, f]) => `${i}.${f}`),
    fc.integer({ min: 0, max: 999 }).map((f) => `.${f}`),
    fc.constant('0'),
  )
  .map((text) => ({ t: 'num', text, value: Number(text) }));

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberLeaf,
    fc.record({ t: fc.constant('neg' as const), x: tie('tree') }),
    fc.record({ t: fc.constant('not' as const), x: tie('tree') }),
    fc.record({ t: fc.constant('bin' as const), op: fc.constantFrom(...OPS), l: tie('tree'), r: tie('tree') }),
  ),
}));

/** Fully parenthesised source. */
function printFull(n: Tree): string {
  switch (n.t) {
    case 'num':
      return n.text;
    case 'neg':
      return `-(${printFull(n.x)})`;
    case 'not':
      return `not(${printFull(n.x)})`;
    case 'bin':
      return `(${printFull(n.l)} ${n.op} ${printFull(n.r)})`;
  }
}

/** Source with only the parentheses precedence and left associativity require. */
function printMinimal(n: Tree): string {
  const prec = (m: Tree) => (m.t === 'bin' ? PRECEDENCE[m.op] : 7);
  switch (n.t) {
    case 'num':
      return n.text;
    case 'neg':
      return prec(n.x) < 7 ? `-(${printMinimal(n.x)})` : `-${printMinimal(n.x)}`;
    case 'not':
      return `not(${printMinimal(n.x)})`;
    case 'bin': {
      const p = PRECEDENCE[n.op];
      const l = prec(n.l) < p ? `(${printMinimal(n.l)})` : printMinimal(n.l);
      const r = prec(n.r) <= p ? `(${printMinimal(n.r)})` : printMinimal(n.r);
      return `${l} ${n.op} ${r}`;
    }
  }
}

/** The reference: XPath 1.0 on numbers and booleans, written plainly. */
function reference(n: Tree): number | boolean {
  const num = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
  const bool = (v: number | boolean) => (typeof v === 'boolean' ? v : v !== 0 && !Number.isNaN(v));
  switch (n.t) {
    case 'num':
      return n.value;
    case 'neg':
      return -num(reference(n.x));
    case 'not':
      return !bool(reference(n.x));
    case 'bin': {
      const a = reference(n.l);
      const b = reference(n.r);
      switch (n.op) {
        case 'or': return bool(a) || bool(b);
        case 'and': return bool(a) && bool(b);
        case '=':
        case '!=': {
          const eq = typeof a === 'boolean' || typeof b === 'boolean' ? bool(a) === bool(b) : num(a) === num(b);
          return n.op === '=' ? eq : !eq;
        }
        case '<': return num(a) < num(b);
        case '<=': return num(a) <= num(b);
        case '>': return num(a) > num(b);
        case '>=': return num(a) >= num(b);
        case '+': return num(a) + num(b);
        case '-': return num(a) - num(b);
        case '*': return num(a) * num(b);
        case 'div': return num(a) / num(b);
        case 'mod': return num(a) % num(b);
      }
    }
  }
}

function same(actual: XValue, expected: number | boolean): boolean {
  if (typeof expected === 'number' && Number.isNaN(expected)) return typeof actual === 'number' && Number.isNaN(actual);
  return actual === expected;
}

describe('arithmetic, comparison and logic agree with a reference evaluator', () => {
  const ctx = testContext();

  it('on fully parenthesised generated trees', () => {
    fc.assert(
      fc.property(tree, (n) => {
        const source = printFull(n);
        if (source.length > 10_000) return;
        const actual = evaluate(parseExpression(source), ctx);
        expect(same(actual, reference(n)), `${source}: got ${String(actual)}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('on minimally parenthesised trees, which checks precedence and associativity', () => {
    fc.assert(
      fc.property(tree, (n) => {
        const source = printMinimal(n);
        if (source.length > 10_000) return;
        const actual = evaluate(parseExpression(source), ctx);
        expect(same(actual, reference(n)), `${source}: got ${String(actual)}`).toBe(true);
      }),
      RUNS,
    );
  });
});
