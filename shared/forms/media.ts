// Stored values of image / audio / video / file questions. The attached file itself is the
// answer: a data URL `data:<mime>;name=<file name, URI-encoded>;base64,<bytes>`, so it is saved
// in the laptop database with the other answers of the interview (one durable transaction),
// travels inside batches unchanged and is written beside the data on export, with no second
// store to keep in step. Each type has a size limit; main refuses anything beyond it.
import type { Bilingual } from './geo';

export type MediaType = 'image' | 'audio' | 'video' | 'file';
export const MEDIA_TYPES: readonly MediaType[] = ['image', 'audio', 'video', 'file'];

const MiB = 1024 * 1024;

/**
 * Largest attachment per type, in bytes. Chosen so an interview stays loadable and a batch of a
 * day's interviews stays far below the batch file limit (256 MB): a phone photo resized by the
 * camera app, a few minutes of compressed voice, a short clip, a scanned document.
 */
export const MEDIA_LIMIT_BYTES: Readonly<Record<MediaType, number>> = {
  image: 3 * MiB,
  audio: 5 * MiB,
  video: 10 * MiB,
  file: 2 * MiB,
};

/** Longest file name kept. */
export const MAX_MEDIA_NAME = 200;

/** Characters of the largest stored value: base64 of the largest limit plus the header. */
export const MAX_MEDIA_VALUE_CHARS = 4 * Math.ceil(Math.max(...Object.values(MEDIA_LIMIT_BYTES)) / 3) + 512;

export interface MediaValue {
  name: string;
  mime: string;
  /** Decoded size in bytes. */
  bytes: number;
  base64: string;
}

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/;
const HEADER = /^data:([^;,]+);name=([^;,]*);base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function isMediaType(type: string): type is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}

/** A file name safe to write beside the data: no folders, no control characters. */
export function safeMediaName(name: string): string | null {
  const n = name.normalize('NFC').trim();
  if (n === '' || n.length > MAX_MEDIA_NAME || n === '.' || n === '..') return null;
  if (/[\\/:*?"<>|\u0000-\u001f\u007f]/.test(n)) return null;
  return n;
}

export function encodeMediaValue(v: { name: string; mime: string; base64: string }): string {
  return `data:${v.mime};name=${encodeURIComponent(v.name)};base64,${v.base64}`;
}

/** Decoded byte count of a base64 text (padding excluded). */
export function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

/** Reads a stored media value; null when it is not one (use `mediaProblem` for the reason). */
export function parseMediaValue(value: string): MediaValue | null {
  const m = HEADER.exec(value);
  if (!m) return null;
  let name: string;
  try {
    name = decodeURIComponent(m[2]!);
  } catch {
    return null;
  }
  const base64 = value.slice(m[0].length);
  if (base64.length % 4 !== 0 || !BASE64.test(base64)) return null;
  return { name, mime: m[1]!, bytes: base64Bytes(base64), base64 };
}

function fmtMiB(bytes: number): string {
  return `${(bytes / MiB).toFixed(bytes < MiB ? 2 : 1)} MB`;
}

const KIND: Record<MediaType, Bilingual> = {
  image: { vi: 'ảnh', en: 'image' },
  audio: { vi: 'âm thanh', en: 'audio' },
  video: { vi: 'video', en: 'video' },
  file: { vi: 'tệp', en: 'file' },
};

/** What is wrong with a stored value for `type`, or null when it is a good attachment. */
export function mediaProblem(type: MediaType, value: string): Bilingual | null {
  const v = parseMediaValue(value);
  if (!v) {
    return {
      vi: `Cần một tệp ${KIND[type].vi} đính kèm (data:<kiểu>;name=<tên>;base64,<nội dung>).`,
      en: `Expects an attached ${KIND[type].en} file (data:<mime>;name=<name>;base64,<content>).`,
    };
  }
  if (safeMediaName(v.name) !== v.name) {
    return { vi: `Tên tệp "${v.name.slice(0, 60)}" không hợp lệ (không chứa / \\ : * ? " < > |, tối đa ${MAX_MEDIA_NAME} ký tự).`, en: `File name "${v.name.slice(0, 60)}" is not valid (no / \\ : * ? " < > |, at most ${MAX_MEDIA_NAME} characters).` };
  }
  if (!MIME.test(v.mime)) return { vi: `Kiểu tệp "${v.mime.slice(0, 60)}" không hợp lệ.`, en: `File type "${v.mime.slice(0, 60)}" is not valid.` };
  if (type !== 'file' && !v.mime.startsWith(`${type}/`)) {
    return { vi: `Tệp "${v.name}" là ${v.mime}, không phải ${KIND[type].vi} (${type}/…).`, en: `File "${v.name}" is ${v.mime}, not ${KIND[type].en === 'image' ? 'an image' : KIND[type].en} (${type}/…).` };
  }
  if (v.bytes === 0) return { vi: `Tệp "${v.name}" rỗng.`, en: `File "${v.name}" is empty.` };
  const limit = MEDIA_LIMIT_BYTES[type];
  if (v.bytes > limit) {
    return { vi: `Tệp "${v.name}" nặng ${fmtMiB(v.bytes)}, vượt giới hạn ${fmtMiB(limit)} cho ${KIND[type].vi}.`, en: `File "${v.name}" is ${fmtMiB(v.bytes)}, over the ${fmtMiB(limit)} limit for ${KIND[type].en}.` };
  }
  return null;
}

/** One line for lists and review screens: `photo.jpg (image/jpeg, 1.2 MB)`. */
export function describeMediaValue(value: string): string | null {
  const v = parseMediaValue(value);
  return v ? `${v.name} (${v.mime}, ${fmtMiB(v.bytes)})` : null;
}
