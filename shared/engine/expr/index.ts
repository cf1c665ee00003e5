// The XLSForm expression language: parse once, evaluate many times without eval or new Function.
// See docs/forms-expressions.md for the operators, functions and coercion rules.

export type { BinaryOp, Expr, PathStart, Step } from './ast';
export { ExprEvalError, ExprSyntaxError } from './errors';
export { MAX_NESTING, MAX_SOURCE_LENGTH, parseExpression } from './parser';
export { calledFunctions, lastSavedNames, pathNames, referencedNames, usesPaths } from './walk';
export { nodeSetOf } from './paths';
export { FUNCTION_ARITY, SUPPORTED_FUNCTIONS } from './signatures';
export type { EvalContext, XNode, XNodeSet, XValue } from './values';
export { isNodeSet } from './values';
export { evaluate } from './evaluate';
export { compareValues, toBoolean, toNumber, toNumberOrDays, toXString } from './coerce';
