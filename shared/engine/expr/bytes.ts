// digest() and base64-decode() (ODK XForms, after XForms 1.1's digest()): hashes from
// @noble/hashes (pure TypeScript, audited, no Node or DOM), base64 and UTF-8 written out here
// because shared/ may use neither Buffer nor TextEncoder.
import { md5, sha1 } from '@noble/hashes/legacy';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2';
import { ExprEvalError } from './errors';

const ALGORITHMS: Record<string, (b: Uint8Array) => Uint8Array> = {
  'MD5': md5,
  'SHA-1': sha1,
  'SHA-256': sha256,
  'SHA-384': sha384,
  'SHA-512': sha512,
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** UTF-8 bytes to text; an invalid sequence becomes U+FFFD, as a decoder in replacement mode does. */
export function utf8Decode(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const need = c < 0x80 ? 0 : c >= 0xf0 && c < 0xf5 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    if (need < 0) {
      out += '\uFFFD';
      i++;
      continue;
    }
    if (need === 0) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (d & 63);
    }
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\uFFFD';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

export function base64Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] as number) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < b.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < b.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** Base64 (whitespace ignored, padding optional) to bytes; null when it is not base64. */
export function base64Decode(text: string): Uint8Array | null {
  const s = text.replace(/\s+/g, '').replace(/=+$/, '');
  if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) return null;
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of s) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

export function digest(text: string, algorithm: string, encoding: string): string {
  const fn = ALGORITHMS[algorithm];
  if (!fn) {
    throw new ExprEvalError(`digest(): unknown algorithm "${algorithm}" (use MD5, SHA-1, SHA-256, SHA-384 or SHA-512)`,
      `digest(): không có thuật toán "${algorithm}" (dùng MD5, SHA-1, SHA-256, SHA-384 hoặc SHA-512)`);
  }
  const hash = fn(utf8Encode(text));
  if (encoding === 'base64') return base64Encode(hash);
  if (encoding === 'hex') return Array.from(hash, (x) => x.toString(16).padStart(2, '0')).join('');
  throw new ExprEvalError(`digest(): unknown encoding "${encoding}" (use base64 or hex)`,
    `digest(): không có mã hoá "${encoding}" (dùng base64 hoặc hex)`);
}
