// The renderer bundle's size as users download it in an installer update: gzip (level 9) of every
// .js and .css file under a folder (dist/renderer), walked recursively.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function rendererGzipBytes(dir: string): { files: number; raw: number; gzip: number } {
  const total = { files: 0, raw: 0, gzip: 0 };
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|css)$/.test(name)) {
        const bytes = readFileSync(p);
        total.files++;
        total.raw += bytes.length;
        total.gzip += gzipSync(bytes, { level: 9 }).length;
      }
    }
  };
  walk(dir);
  return total;
}
