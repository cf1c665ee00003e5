// A small in-memory EvalContext for the expression tests, plus eval-from-source shorthands.

import {
  evaluate,
  ExprEvalError,
  parseExpression,
  type EvalContext,
  type XNodeSet,
  type XValue,
} from '../../../../shared/engine/expr';

export interface TestContextOptions {
  values?: Record<string, XValue>;
  current?: XValue;
  position?: number;
  repeats?: Record<string, Record<string, string[]>>; // repeat -> field -> values by instance
  choices?: Record<string, Record<string, string>>; // question -> choice name -> label
  now?: Date;
}

export function nodes(...values: string[]): XNodeSet {
  return { kind: 'nodeset', values };
}

export function testContext(options: TestContextOptions = {}): EvalContext {
  const values = options.values ?? {};
  return {
    resolve(name) {
      const v = values[name];
      if (v === undefined) throw new ExprEvalError(`unknown field ${name}`);
      return v;
    },
    current: () => options.current ?? '',
    position() {
      if (options.position === undefined) throw new ExprEvalError('not in a repeat');
      return options.position;
    },
    indexedRepeat: (field, repeat, index) => options.repeats?.[repeat]?.[field]?.[index - 1] ?? '',
    choiceName: (value, question) => options.choices?.[question]?.[value] ?? '',
    now: () => options.now ?? new Date(2024, 4, 1, 9, 30, 15, 250),
  };
}

/** Parses and evaluates `source` against a test context. */
export function ev(source: string, options: TestContextOptions = {}): XValue {
  return evaluate(parseExpression(source), testContext(options));
}
