// Maps an app://khaosat/... request to a file under the built renderer, refusing anything that
// could escape that folder (.., encoded .., backslashes, NUL, drive letters), and names MIME types.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

export type ResolvedPath =
  | { ok: true; filePath: string }
  | { ok: false; status: 403 | 404; reason: string };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const refuse = (reason: string): ResolvedPath => ({ ok: false, status: 403, reason });
const notFound = (reason: string): ResolvedPath => ({ ok: false, status: 404, reason });

/**
 * Resolves a request URL against `rootDir` (the absolute path of dist/renderer). Pure: it does
 * not look at the disk, so a returned path may still not exist (the caller answers 404).
 */
export function resolveRendererPath(rootDir: string, requestUrl: string): ResolvedPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound('unparsable url');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound('foreign host');

  // Work on the raw path as sent: the URL parser already folded literal `..` segments, and the
  // encoded forms of dot, slash, backslash and NUL are refused outright (a vite build never
  // needs them) so `%2e%2e%2f` or `..%5c` cannot turn into a separator after decoding.
  const raw = url.pathname;
  if (/%(?:2e|2f|5c|00)/i.test(raw)) return refuse('encoded dot, separator or NUL');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return refuse('malformed percent-encoding');
  }
  if (decoded.includes('\0')) return refuse('NUL byte');
  if (decoded.includes('\\')) return refuse('backslash');
  if (!decoded.startsWith('/')) return refuse('relative path');

  const segments = decoded.slice(1).split('/');
  if (segments.length === 1 && segments[0] === '') return { ok: true, filePath: resolve(rootDir, 'index.html') };
  for (const [i, segment] of segments.entries()) {
    // A trailing slash is harmless (a folder answers 404); an empty segment elsewhere (`//etc`)
    // would make an absolute path on some platforms.
    if (segment === '' && i < segments.length - 1) return refuse('empty segment (absolute path)');
    if (segment === '.' || segment === '..') return refuse('dot segment');
    if (segment.includes(':')) return refuse('drive letter or stream name');
  }

  const root = resolve(rootDir);
  const filePath = resolve(root, ...segments);
  const rel = relative(root, filePath);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return refuse('outside the renderer folder');
  }
  return { ok: true, filePath };
}
