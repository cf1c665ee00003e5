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
  /** `.`: the question being validated or computed (inside a predicate: the node being tested) */
  | { kind: 'current'; pos: number }
  /** `${last-saved#name}`: name's value in the surveyor's previous interview of this form */
  | { kind: 'lastSaved'; name: string; pos: number }
  /** unary minus */
  | { kind: 'neg'; operand: Expr; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { kind: 'call'; name: string; args: Expr[]; pos: number }
  /**
   * An XPath location path: `/data/g/q`, `../q`, `q` (relative to the context node),
   * `instance('list')/root/item[name = ${x}]/label`, `current()/../q`. `start` says where the
   * first step starts from: the document root, the context node, or the nodes of an expression
   * (with its own predicates, e.g. `instance('x')[…]`).
   */
  | { kind: 'path'; start: PathStart; steps: Step[]; pos: number }
  /** `a | b`: the union of two node-sets */
  | { kind: 'union'; left: Expr; right: Expr; pos: number };

export type PathStart =
  | { kind: 'root' }
  | { kind: 'context' }
  | { kind: 'expr'; expr: Expr; predicates: Expr[] };

/**
 * One step of a path: ODK XForms has the child, self (`.`) and parent (`..`) axes, and the
 * attribute axis (`@name`) for secondary instances read from XML files.
 */
export interface Step {
  axis: 'child' | 'self' | 'parent' | 'attribute';
  /** Element (or attribute) name for the child (attribute) axis (`*` for any); '' for `.` and `..`. */
  name: string;
  predicates: Expr[];
}
