// Evaluates a parsed expression directly over its tree: one switch per node, no visitor objects,
// because relevance and constraints are re-evaluated after every answer.

import type { Expr } from './ast';
import { compareValues, toBoolean, toNumberOrDays } from './coerce';
import { ExprEvalError } from './errors';
import { FUNCTIONS } from './functions';
import { evaluatePath, evaluateUnion } from './paths';
import { arityOf } from './signatures';
import type { EvalContext, XValue } from './values';

export function evaluate(expr: Expr, ctx: EvalContext): XValue {
  switch (expr.kind) {
    case 'number':
    case 'string':
      return expr.value;
    case 'ref':
      return ctx.resolve(expr.name);
    case 'current':
      return ctx.current();
    case 'neg':
      return -toNumberOrDays(evaluate(expr.operand, ctx));
    case 'binary': {
      const { op } = expr;
      switch (op) {
        case 'or':
          return toBoolean(evaluate(expr.left, ctx)) || toBoolean(evaluate(expr.right, ctx));
        case 'and':
          return toBoolean(evaluate(expr.left, ctx)) && toBoolean(evaluate(expr.right, ctx));
        case '=':
        case '!=':
        case '<':
        case '<=':
        case '>':
        case '>=':
          return compareValues(op, evaluate(expr.left, ctx), evaluate(expr.right, ctx));
        default: {
          const x = toNumberOrDays(evaluate(expr.left, ctx));
          const y = toNumberOrDays(evaluate(expr.right, ctx));
          switch (op) {
            case '+':
              return x + y;
            case '-':
              return x - y;
            case '*':
              return x * y;
            case 'div':
              return x / y;
            default:
              return x % y;
          }
        }
      }
    }
    case 'call': {
      const impl = FUNCTIONS.get(expr.name);
      const arity = arityOf(expr.name);
      if (impl === undefined || arity === undefined) {
        throw new ExprEvalError(`Unknown function ${expr.name}()`, `Không có hàm ${expr.name}()`);
      }
      const n = expr.args.length;
      if (n < arity[0] || n > arity[1]) {
        throw new ExprEvalError(`Wrong number of arguments (${n}) for ${expr.name}()`,
          `Sai số tham số (${n}) cho hàm ${expr.name}()`);
      }
      return impl(expr.args, ctx, evaluate);
    }
    case 'path':
      return evaluatePath(expr, ctx, evaluate);
    case 'union':
      return evaluateUnion(expr, ctx, evaluate);
    case 'lastSaved':
      return ctx.lastSaved ? ctx.lastSaved(expr.name) : '';
    default: {
      const unknown: never = expr;
      throw new ExprEvalError(`Unknown expression node ${String((unknown as { kind?: unknown }).kind)}`);
    }
  }
}
