// Builds better-sqlite3 for Electron's ABI into .electron-native/, leaving node_modules/ (the
// plain-Node build used by tests and the CLI) untouched, so `npm test` and `npm start` both work
// in either order. Skips the work when the stamp says this Electron version is already built.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The decisions (paths, stamp, rebuild or not) live in a tested TS module shared with main.
const plan = await tsImport('../electron/main/native-binding.ts', import.meta.url);

function versionOf(pkg) {
  const file = join(root, 'node_modules', pkg, 'package.json');
  if (!existsSync(file)) {
    fail(`Thiếu gói ${pkg} trong node_modules; hãy chạy npm install.`, `Package ${pkg} is missing from node_modules; run npm install.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function fail(vi, en, cause) {
  console.error(`\n[electron-native] ${vi}\n[electron-native] ${en}`);
  if (cause) console.error(`[electron-native] ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exit(1);
}

const target = {
  electronVersion: versionOf('electron'),
  betterSqlite3Version: versionOf('better-sqlite3'),
  platform: process.platform,
  arch: process.arch,
};
const paths = plan.electronNativePaths(root);
const existingStamp = existsSync(paths.stamp) ? readFileSync(paths.stamp, 'utf8') : null;

if (!plan.needsRebuild({ target, existingStamp, bindingExists: existsSync(paths.binding) })) {
  console.log(`[electron-native] better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion}: up to date.`);
  process.exit(0);
}

console.log(`[electron-native] building better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} in ${relative(root, paths.projectDir)}/ …`);
rmSync(paths.projectDir, { recursive: true, force: true });
mkdirSync(paths.moduleDir, { recursive: true });
// A tiny project around a private copy of the sources: @electron/rebuild compiles what it finds
// under <buildPath>/node_modules, so the original in node_modules/ is never rebuilt.
writeFileSync(
  join(paths.projectDir, 'package.json'),
  `${JSON.stringify({ name: 'khaosat-electron-native', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3Version } }, null, 2)}\n`,
);
const source = join(root, 'node_modules', 'better-sqlite3');
cpSync(source, paths.moduleDir, {
  recursive: true,
  filter: (from) => {
    const rel = relative(source, from);
    return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
  },
});

try {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: paths.projectDir,
    electronVersion: target.electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });
} catch (error) {
  fail(
    'Không biên dịch được better-sqlite3 cho Electron. Việc này cần Internet (tải header của Electron từ electronjs.org) và trình biên dịch C++ (build-essential / Visual Studio Build Tools). Kiểm thử (npm test) không bị ảnh hưởng.',
    'Could not build better-sqlite3 for Electron. This needs internet access (Electron headers from electronjs.org) and a C++ toolchain (build-essential / Visual Studio Build Tools). Tests (npm test) are not affected.',
    error,
  );
}

if (!existsSync(paths.binding)) {
  fail('Biên dịch xong nhưng không thấy tệp better_sqlite3.node.', `The build finished but ${relative(root, paths.binding)} is missing.`);
}
writeFileSync(paths.stamp, plan.stampContent(target));
console.log(`[electron-native] done: ${relative(root, paths.binding)}`);
