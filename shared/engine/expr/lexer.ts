// Splits an expression into tokens. Only an unterminated string or a malformed ${name} throws
// here; any other unexpected character becomes an 'invalid' token so the parser can say what it
// expected at that point.

import { ExprSyntaxError } from './errors';

export type TokenType =
  | 'number'
  | 'string'
  | 'ref'
  /** `${last-saved#name}`: the value of name in the surveyor's previous interview of the form */
  | 'lastSaved'
  | 'name'
  | '.'
  | '..'
  | '('
  | ')'
  | ','
  | '/'
  | '['
  | ']'
  | '|'
  | '@'
  | '+'
  | '-'
  | '*'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'invalid'
  | 'eof';

export interface Token {
  type: TokenType;
  start: number;
  /** name for 'ref' and 'name', text for 'string' and 'invalid', digits for 'number' */
  text: string;
}

// XML-ish names (XLSForm names are XML element names): a letter or '_' then letters, marks,
// digits, '_', '.', '-'. Unicode letters are allowed because XML allows them.
const FIELD_NAME = /[\p{L}_][\p{L}\p{M}\p{N}_.-]*/uy;
// Function names: an NCName with an optional prefix, as in jr:choice-name.
const FUNCTION_NAME = /[\p{L}_][\p{L}\p{M}\p{N}_.-]*(?::[\p{L}_][\p{L}\p{M}\p{N}_.-]*)?/uy;
/** `${last-saved#name}` (pyxform's spelling of ODK's jr://instance/last-saved). */
export const LAST_SAVED = 'last-saved#';
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)/y;

function isSpace(c: number): boolean {
  // XPath whitespace plus the no-break and other Unicode spaces Excel cells tend to carry.
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}

function matchAt(re: RegExp, source: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(source);
  return m ? m[0] : null;
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    const ch = source[i] as string;
    switch (ch) {
      case '(':
      case ')':
      case ',':
      case '+':
      case '-':
      case '*':
      case '=':
      case '[':
      case ']':
      case '|':
      case '@':
        tokens.push({ type: ch, start, text: ch });
        i++;
        continue;
      case '/':
        if (source[i + 1] === '/') {
          // Only the parent, child and self axes exist in ODK XForms: '//' is not one of them.
          tokens.push({ type: 'invalid', start, text: '//' });
          i += 2;
        } else {
          tokens.push({ type: '/', start, text: '/' });
          i++;
        }
        continue;
      case '!':
        if (source[i + 1] === '=') {
          tokens.push({ type: '!=', start, text: '!=' });
          i += 2;
        } else {
          tokens.push({ type: 'invalid', start, text: ch });
          i++;
        }
        continue;
      case '<':
      case '>': {
        if (source[i + 1] === '=') {
          tokens.push({ type: ch === '<' ? '<=' : '>=', start, text: ch + '=' });
          i += 2;
        } else {
          tokens.push({ type: ch, start, text: ch });
          i++;
        }
        continue;
      }
      case "'":
      case '"': {
        const close = source.indexOf(ch, i + 1);
        if (close < 0) {
          throw new ExprSyntaxError(n, `the closing quote ${ch}`, {
            expectedVi: `dấu nháy đóng ${ch}`,
            message: {
              en: `The text starting at position ${start + 1} has no closing quote ${ch}`,
              vi: `Chuỗi bắt đầu ở vị trí ${start + 1} thiếu dấu nháy đóng ${ch}`,
            },
          });
        }
        tokens.push({ type: 'string', start, text: source.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
      case '$': {
        if (source[i + 1] !== '{') throw new ExprSyntaxError(i + 1, "'{' after '$'", { expectedVi: "'{' sau '$'" });
        const lastSaved = source.startsWith(LAST_SAVED, i + 2);
        const nameAt = lastSaved ? i + 2 + LAST_SAVED.length : i + 2;
        const name = matchAt(FIELD_NAME, source, nameAt);
        if (name === null) {
          throw new ExprSyntaxError(nameAt, 'a field name inside ${...}', { expectedVi: 'tên câu hỏi trong ${...}' });
        }
        const end = nameAt + name.length;
        if (source[end] !== '}') throw new ExprSyntaxError(end, "'}'");
        tokens.push({ type: lastSaved ? 'lastSaved' : 'ref', start, text: name });
        i = end + 1;
        continue;
      }
      case '.': {
        const next = source.charCodeAt(i + 1);
        if (next >= 0x30 && next <= 0x39) break; // a number such as .5
        if (next === 0x2e) {
          tokens.push({ type: '..', start, text: '..' });
          i += 2;
        } else {
          tokens.push({ type: '.', start, text: '.' });
          i++;
        }
        continue;
      }
      default:
        break;
    }
    const num = matchAt(NUMBER, source, i);
    if (num !== null) {
      tokens.push({ type: 'number', start, text: num });
      i += num.length;
      continue;
    }
    const name = matchAt(FUNCTION_NAME, source, i);
    if (name !== null) {
      tokens.push({ type: 'name', start, text: name });
      i += name.length;
      continue;
    }
    // One code point, so a stray emoji is reported whole.
    const cp = source.codePointAt(i) ?? c;
    const text = String.fromCodePoint(cp);
    tokens.push({ type: 'invalid', start, text });
    i += text.length;
  }
  tokens.push({ type: 'eof', start: n, text: '' });
  return tokens;
}
