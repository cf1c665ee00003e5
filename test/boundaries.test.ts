// The folder rules of ARCHITECTURE.md, checked: shared/ and renderer/ never import Node or
// Electron, and only electron/main and electron/preload import 'electron'.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
// Packages that only run in Node even though they are not builtins.
const NODE_ONLY_PACKAGES = ['electron', 'better-sqlite3', 'exceljs', '@electron/', 'electron-builder'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('vite.config.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports, re-exports, requires or dynamically imports. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[\w*{}\s,]+\s+from\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

function isNodeOrElectron(spec: string): boolean {
  return NODE_MODULES.has(spec) || NODE_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(p));
}

function violations(folder: string, forbidden: (spec: string, file: string) => boolean): string[] {
  return sourceFiles(join(ROOT, folder)).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter((spec) => forbidden(spec, file))
      .map((spec) => `${relative(ROOT, file)} imports ${spec}`),
  );
}

describe('folder boundaries', () => {
  it('the import scanner sees static, type, re-export, dynamic and require imports', () => {
    const src = `import fs from 'node:fs';\nimport type { X } from "electron";\nexport * from 'path';\nconst m = await import('os');\nconst c = require('child_process');`;
    expect(importsOf(src)).toEqual(['node:fs', 'electron', 'path', 'os', 'child_process']);
  });

  it('shared/ imports nothing from Node, Electron or the other sides', () => {
    expect(
      violations('shared', (spec) => isNodeOrElectron(spec) || /(^|\/)(electron|renderer)\//.test(spec)),
    ).toEqual([]);
  });

  it('renderer/ imports nothing from Node, Electron or electron/', () => {
    expect(
      violations('renderer', (spec) => isNodeOrElectron(spec) || /(^|\.\.\/)electron\//.test(spec)),
    ).toEqual([]);
  });

  it('electron/ imports renderer/ only for the printable report (rendered server-side by the CLI and analysis:reportPdf)', () => {
    expect(
      violations('electron', (spec) => /(^|\/)renderer\//.test(spec) && !/(^|\/)renderer\/report\/html$/.test(spec)),
    ).toEqual([]);
  });

  it("only electron/main and electron/preload import 'electron'", () => {
    expect(
      violations('electron', (spec, file) => {
        const rel = relative(ROOT, file);
        return spec === 'electron' && !rel.startsWith('electron/main/') && !rel.startsWith('electron/preload/');
      }),
    ).toEqual([]);
  });
});
