// The two errors of the expression language: a syntax error for the survey designer (with the
// offset and what was expected) and an evaluation error for the form runtime.

export interface SyntaxErrorDetails {
  /** `expected` in Vietnamese; defaults to `expected`. */
  expectedVi?: string;
  /** Appended in brackets to the standard message, e.g. a likely cause. */
  hint?: { en: string; vi: string };
  /** A whole message instead of "Expected … at position …", where that wording does not fit. */
  message?: { en: string; vi: string };
}

export class ExprSyntaxError extends Error {
  /** 0-based character offset in the source. Messages show it 1-based, as a designer counts. */
  readonly position: number;
  /** What the parser wanted at `position`, in English, e.g. "')'" or "an operand". */
  readonly expected: string;
  /** The same, in Vietnamese. */
  readonly expectedVi: string;
  readonly messageVi: string;

  constructor(position: number, expected: string, details: SyntaxErrorDetails = {}) {
    const where = position + 1;
    const expectedVi = details.expectedVi ?? expected;
    const hint = details.hint;
    super(details.message?.en ?? `Expected ${expected} at position ${where}${hint ? ` (${hint.en})` : ''}`);
    this.name = 'ExprSyntaxError';
    this.position = position;
    this.expected = expected;
    this.expectedVi = expectedVi;
    this.messageVi = details.message?.vi ?? `Thiếu ${expectedVi} ở vị trí ${where}${hint ? ` (${hint.vi})` : ''}`;
  }
}

export class ExprEvalError extends Error {
  readonly messageVi: string;

  constructor(message: string, messageVi: string = message) {
    super(message);
    this.name = 'ExprEvalError';
    this.messageVi = messageVi;
  }
}
