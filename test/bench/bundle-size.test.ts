import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererGzipBytes } from './bundle-size';

describe('rendererGzipBytes', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sums gzip sizes of .js and .css files in nested folders, ignoring anything else', () => {
    dir = mkdtempSync(join(tmpdir(), 'khaosat-bundle-'));
    mkdirSync(join(dir, 'assets'));
    const js = 'export const a = 1;\n'.repeat(200);
    const css = 'body { color: red }\n'.repeat(50);
    writeFileSync(join(dir, 'assets', 'index.js'), js);
    writeFileSync(join(dir, 'index.css'), css);
    writeFileSync(join(dir, 'index.html'), '<html></html>'.repeat(100));
    writeFileSync(join(dir, 'logo.png'), Buffer.alloc(5000, 7));
    const r = rendererGzipBytes(dir);
    expect(r.files).toBe(2);
    expect(r.raw).toBe(js.length + css.length);
    expect(r.gzip).toBe(gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length);
    expect(r.gzip).toBeLessThan(r.raw);
  });
});
