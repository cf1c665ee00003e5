// The app:// handler and its path resolution: files of dist/renderer only, strict headers always.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/app-protocol';
import { mimeTypeFor, resolveRendererPath } from '../../../electron/main/protocol-path';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'khaosat-proto-'));
  root = join(base, 'dist', 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>KhaoSat</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'SECRET');
  writeFileSync(join(base, 'dist', 'secret.txt'), 'SECRET');
  handle = createAppProtocolHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, init?: RequestInit) => handle(new Request(url, init));

describe('serving', () => {
  test('the root and /index.html serve index.html as HTML with CSP and nosniff', async () => {
    for (const url of ['app://khaosat/', 'app://khaosat/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>KhaoSat</title>');
    }
  });

  test('assets get their MIME types; query and fragment are ignored', async () => {
    const js = await get('app://khaosat/assets/index-abc.js?v=1#x');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await get('app://khaosat/assets/index-abc.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  test('a missing file or a folder is 404, still with the CSP header', async () => {
    for (const url of ['app://khaosat/nope.js', 'app://khaosat/assets', 'app://khaosat/assets/']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  test('another host on the app scheme is 404', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
  });

  test('only GET and HEAD are answered', async () => {
    expect((await get('app://khaosat/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('app://khaosat/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
});

describe('traversal', () => {
  test.each([
    'app://khaosat/../../etc/passwd',
    'app://khaosat/../secret.txt',
    'app://khaosat/%2e%2e%2fsecret.txt',
    'app://khaosat/%2e%2e/%2e%2e/secret.txt',
    'app://khaosat/..%2f..%2fsecret.txt',
    'app://khaosat/..%5c..%5csecret.txt',
    'app://khaosat/assets%2f..%2f..%2fsecret.txt',
    'app://khaosat//etc/passwd',
    'app://khaosat/%2fetc%2fpasswd',
    'app://khaosat/C:/Windows/win.ini',
    'app://khaosat/index.html%00.png',
    'app://khaosat/%252e%252e%252fsecret.txt',
    'app://khaosat/%E0%A4%A',
  ])('%s is refused with 403 or 404 and never returns the secret', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('SECRET');
  });

  test('encoded dot segments, backslashes, NUL and absolute paths are 403, not just missing', () => {
    for (const url of [
      'app://khaosat/%2e%2e%2fsecret.txt',
      'app://khaosat/..%5csecret.txt',
      'app://khaosat/a%00b',
      'app://khaosat//etc/passwd',
      'app://khaosat/C:/x',
      // An encoded separator is refused even when it would land inside the folder.
      'app://khaosat/assets%2findex-abc.js',
    ]) {
      expect(resolveRendererPath(root, url), url).toMatchObject({ ok: false, status: 403 });
    }
  });

  test('whatever the path, a resolved file lies strictly inside the renderer folder', () => {
    const pieces = fc.constantFrom('..', '.', '%2e%2e', '%2E', '%2f', '%5c', '%00', '\\', '/', 'a', 'assets', 'C:', '%', '~', '');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const result = resolveRendererPath(root, `app://khaosat/${parts.join('')}`);
        if (!result.ok) return true;
        const rel = relative(root, result.filePath);
        return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
      }),
      { numRuns: 2000 },
    );
  });
});

test('unknown extensions are served as opaque bytes', () => {
  expect(mimeTypeFor('x.exe')).toBe('application/octet-stream');
  expect(mimeTypeFor('A.PNG')).toBe('image/png');
  expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
});
