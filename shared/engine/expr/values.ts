// The values an expression produces and the context it reads answers from.

/**
 * An element of an instance as XPath paths see it: the primary instance (the record) or a
 * secondary one (a choice list, a CSV or XML file shipped with the form); or an attribute of an
 * element of an XML file (`@id`). Paths never reach comments or text nodes.
 */
export interface XNode {
  readonly name: string;
  /** Text of a leaf or an attribute ('' = empty); '' for an element with children (as JavaRosa reads a group). */
  value(): string;
  children(): readonly XNode[];
  /** The element's attributes, for `@name` steps; absent where there are none (the record). */
  attributes?(): readonly XNode[];
  parent(): XNode | null;
  /** 1-based position among the parent's children of the same name (a repeat instance's index). */
  position(): number;
}

/** All instances of one field, e.g. a field inside a repeat referenced from outside it. */
export interface XNodeSet {
  kind: 'nodeset';
  values: string[];
  /** The elements themselves, when a path selected them (values[i] is nodes[i].value()). */
  nodes?: readonly XNode[];
  /**
   * Set on what a path selected: when empty it compares as '' (ODK Collect's reading of a path
   * that selects nothing, so `${x} = null` holds when x is empty; see javarosa#322, #768).
   */
  blankWhenEmpty?: boolean;
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
  // The rest is optional: a context without an instance tree (the expression tests) reads every
  // path as selecting nothing and every secondary instance as missing.
  /** The node `.` stands for in a relative path: the question being evaluated (current()). */
  contextNode?(): XNode | null;
  /** The document node `/` of the primary instance (its one child is the form's root element). */
  documentRoot?(): XNode | null;
  /** The document node of secondary instance `id` (a choice list or a file shipped with the form), or null. */
  instance?(id: string): XNode | null;
  /** ${name} as elements, for a path that continues from it (`${members}[age > 18]`). */
  nodesOf?(name: string): readonly XNode[];
  /** ${last-saved#name}: the value in the surveyor's previous interview of the form ('' when none). */
  lastSaved?(name: string): XValue;
  /** jr:itext(id): a text of the form by its id in the current language ('' when none). */
  itext?(id: string): string;
  /** indexed-repeat with nested repeats: levels are [repeat name, 1-based index] from the outermost. */
  indexedRepeatPath?(field: string, levels: readonly (readonly [string, number])[]): XValue;
}

export function isNodeSet(v: XValue): v is XNodeSet {
  return typeof v === 'object';
}
