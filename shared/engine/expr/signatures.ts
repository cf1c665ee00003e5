// Names and argument counts of the supported functions: one table that both the parser (arity
// errors with a position) and the evaluator (defence for hand-built trees) consult.

/** [minimum, maximum] number of arguments; maximum Infinity for variadic functions. */
export const FUNCTION_ARITY: Readonly<Record<string, readonly [number, number]>> = {
  // multiple-choice values (space-separated choice names)
  selected: [2, 2],
  'count-selected': [1, 1],
  'selected-at': [2, 2],
  'jr:choice-name': [2, 2],
  'jr:itext': [1, 1],
  // control
  if: [3, 3],
  coalesce: [2, 2],
  once: [1, 1],
  // strings
  concat: [0, Infinity],
  join: [2, Infinity],
  'string-length': [0, 1],
  substr: [2, 3],
  contains: [2, 2],
  'starts-with': [2, 2],
  'ends-with': [2, 2],
  'substring-before': [2, 2],
  'substring-after': [2, 2],
  regex: [2, 2],
  translate: [3, 3],
  'normalize-space': [0, 1],
  string: [0, 1],
  uuid: [0, 1],
  digest: [2, 3],
  'base64-decode': [1, 1],
  pulldata: [4, 4],
  // numbers
  number: [0, 1],
  int: [1, 1],
  round: [1, 2],
  floor: [1, 1],
  ceiling: [1, 1],
  abs: [1, 1],
  pow: [2, 2],
  sqrt: [1, 1],
  exp: [1, 1],
  exp10: [1, 1],
  log: [1, 1],
  log10: [1, 1],
  sin: [1, 1],
  cos: [1, 1],
  tan: [1, 1],
  asin: [1, 1],
  acos: [1, 1],
  atan: [1, 1],
  atan2: [2, 2],
  pi: [0, 0],
  random: [0, 0],
  // booleans
  boolean: [1, 1],
  'boolean-from-string': [1, 1],
  checklist: [2, Infinity],
  'weighted-checklist': [2, Infinity],
  not: [1, 1],
  true: [0, 0],
  false: [0, 0],
  // dates
  today: [0, 0],
  now: [0, 0],
  date: [1, 1],
  'decimal-date-time': [1, 1],
  'format-date': [2, 2],
  'format-date-time': [2, 2],
  'decimal-time': [1, 1],
  // repeats and node-sets
  count: [1, 1],
  'count-non-empty': [1, 1],
  sum: [1, 1],
  max: [1, Infinity],
  min: [1, Infinity],
  position: [0, 1],
  'indexed-repeat': [3, 7],
  instance: [1, 1],
  current: [0, 0],
  randomize: [1, 2],
  // geography (geopoint, geotrace, geoshape values)
  area: [1, 1],
  'enclosed-area': [1, 1],
  distance: [1, Infinity],
};

export const SUPPORTED_FUNCTIONS: readonly string[] = Object.freeze(Object.keys(FUNCTION_ARITY));

export function arityOf(name: string): readonly [number, number] | undefined {
  return Object.prototype.hasOwnProperty.call(FUNCTION_ARITY, name) ? FUNCTION_ARITY[name] : undefined;
}
