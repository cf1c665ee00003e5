// The expression tree the parser produces and the evaluator walks. Plain data (no classes, no
// functions) so a compiled form can be serialised and shipped to another process.

export type BinaryOp =
  | 'or'
  | 'and'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | 'div'
  | 'mod';

/** `pos` is the 0-based character offset of the node's first token in the source. */
export type Expr =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  /** `${name}` */
  | { kind: 'ref'; name: string; pos: number }
  /** `.`: the question being validated or computed */
  | { kind: 'current'; pos: number }
  /** `..`: only valid as the argument of position(..) */
  | { kind: 'parent'; pos: number }
  /** unary minus */
  | { kind: 'neg'; operand: Expr; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { kind: 'call'; name: string; args: Expr[]; pos: number };
