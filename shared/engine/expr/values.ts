// The values an expression produces and the context it reads answers from.

/** All instances of one field, e.g. a field inside a repeat referenced from outside it. */
export interface XNodeSet {
  kind: 'nodeset';
  values: string[];
}

export type XValue = string | number | boolean | XNodeSet;

export interface EvalContext {
  /** Value of ${name} as seen from the current position: a string (XForms values are strings; '' = empty) for a field in scope,
   *  or a node-set for a field inside a repeat referenced from outside it. Unknown name -> throw ExprEvalError. */
  resolve(name: string): XValue;
  /** '.', the value of the question being validated/computed (constraint, calculation). */
  current(): XValue;
  /** position(..): 1-based index of the current repeat instance (throw ExprEvalError when not in a repeat). */
  position(): number;
  /** indexed-repeat(${field}, ${repeat}, n): value of field in the n-th instance of repeat. */
  indexedRepeat(field: string, repeat: string, index: number): XValue;
  /** jr:choice-name(value, '${q}'): label of a choice of the list of question q, in the current language ('' if none). */
  choiceName(value: string, questionName: string): string;
  /** now()/today() clock, injectable for tests. */
  now(): Date;
}

export function isNodeSet(v: XValue): v is XNodeSet {
  return typeof v === 'object';
}
