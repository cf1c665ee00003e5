// Bundles the Node faces (Electron main, preload, CLI, preview host) with esbuild.
// The sandboxed preload must be one self-contained CommonJS file: a sandboxed preload can only
// require 'electron' and a few polyfills, so it cannot load shared/ from disk at run time.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Native and Electron modules stay outside the bundle.
  external: ['electron', 'better-sqlite3'],
  define: { __KHAOSAT_VERSION__: JSON.stringify(version) },
};

const entries = {
  main: 'electron/main/index.ts',
  preload: 'electron/preload/index.ts',
  cli: 'electron/cli/index.ts',
  preview: 'electron/preview/index.ts',
};

await Promise.all(
  Object.entries(entries)
    .filter(([, entry]) => existsSync(entry))
    .map(([name, entry]) =>
      build({ ...common, entryPoints: [entry], outfile: `dist/electron/${name}.cjs` }),
    ),
);

// The built-in instruments: compiled from shared/instruments (.xlsx + unit frame) into
// dist/electron/instruments.json, which main, preview and CLI read beside their bundle. The
// compiler runs here, at build time, so the app ships JSON and never exceljs.
const compiler = 'dist/.build/compile-instruments.cjs';
await build({ ...common, packages: 'external', sourcemap: false, entryPoints: ['scripts/compile-instruments.ts'], outfile: compiler });
execFileSync(process.execPath, [compiler, 'shared/instruments', 'dist/electron/instruments.json'], { stdio: 'inherit' });
rmSync('dist/.build', { recursive: true, force: true });
