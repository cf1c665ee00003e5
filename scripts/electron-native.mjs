// Builds better-sqlite3 for Electron's ABI and puts the one .node file into .electron-native/,
// leaving node_modules/ (the plain-Node build used by tests and the CLI) untouched, so `npm test`
// and `npm start` both work in either order. Stops at once, before compiling anything, when there
// is no Electron binary; skips the work when the stamp says this Electron version is already built.
// The compile happens in a temporary folder outside the project (see
// electron/main/electron-native-build.ts for why), and the Node build is hashed before and after.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The decisions (paths, stamp, binary, workspace, rebuild options) live in tested TS modules.
const paths = await tsImport('../electron/main/native-binding.ts', import.meta.url);
const build = await tsImport('../electron/main/electron-native-build.ts', import.meta.url);

function fail(vi, en, cause) {
  console.error(`[electron-native] ${vi}\n[electron-native] ${en}`);
  if (cause) console.error(`[electron-native] ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exit(1);
}

function versionOf(pkg) {
  const file = join(root, 'node_modules', pkg, 'package.json');
  if (!existsSync(file)) {
    fail(`Thiếu gói ${pkg} trong node_modules; hãy chạy npm install.`, `Package ${pkg} is missing from node_modules; run npm install.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function sha256(file) {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
}

const target = {
  electronVersion: versionOf('electron'),
  betterSqlite3Version: versionOf('better-sqlite3'),
  platform: process.platform,
  arch: process.arch,
};

const binary = build.electronBinary({
  electronDir: join(root, 'node_modules', 'electron'),
  env: process.env,
  exists: existsSync,
  readText: (file) => readFileSync(file, 'utf8'),
});
if (!binary) {
  console.error(`[electron-native] ${build.MISSING_ELECTRON_MESSAGE}`);
  process.exit(1);
}

const out = paths.electronNativePaths(root);
const existingStamp = existsSync(out.stamp) ? readFileSync(out.stamp, 'utf8') : null;
if (!paths.needsRebuild({ target, existingStamp, bindingExists: existsSync(out.binding) })) {
  console.log(`[electron-native] better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion}: up to date.`);
  process.exit(0);
}

const oldNode = build.oldNodeWarning(process.version);
if (oldNode) console.warn(`[electron-native] ${oldNode}`);

const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const nodeBuildHash = sha256(nodeBuild);
const workspace = build.rebuildWorkspace(mkdtempSync(join(tmpdir(), 'khaosat-electron-native-')));
// process.exit (in fail) skips finally blocks; an exit handler removes the workspace on every path.
process.on('exit', () => rmSync(workspace.projectDir, { recursive: true, force: true }));
const problem = build.workspaceProblem(workspace, root);
if (problem) fail('Thư mục biên dịch tạm nằm trong dự án; hãy đặt TMPDIR ra ngoài dự án.', `Refusing to build: ${problem}. Set TMPDIR outside the project.`);

console.log(`[electron-native] building better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} in ${workspace.projectDir} …`);
mkdirSync(workspace.moduleDir, { recursive: true });
writeFileSync(
  join(workspace.projectDir, 'package.json'),
  `${JSON.stringify({ name: 'khaosat-electron-native', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3Version } }, null, 2)}\n`,
);
// A private copy of the sources, without the Node build and without nested node_modules.
const source = join(root, 'node_modules', 'better-sqlite3');
cpSync(source, workspace.moduleDir, {
  recursive: true,
  filter: (from) => {
    const rel = relative(source, from);
    return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
  },
});
const prebuildInstall = join(root, 'node_modules', 'prebuild-install');
// 'junction' makes a directory link without admin rights on Windows; ignored elsewhere.
if (existsSync(prebuildInstall)) symlinkSync(prebuildInstall, workspace.prebuildInstallLink, 'junction');

for (const key of build.headerOverrides(process.env)) delete process.env[key];

try {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild(build.rebuildOptions(workspace, target.electronVersion));
} catch (error) {
  fail(
    'Không biên dịch được better-sqlite3 cho Electron. Việc này cần Internet (tải header của Electron từ electronjs.org) và trình biên dịch C++ (build-essential / Visual Studio Build Tools). Kiểm thử (npm test) không bị ảnh hưởng.',
    'Could not build better-sqlite3 for Electron. This needs internet access (Electron headers from electronjs.org) and a C++ toolchain (build-essential / Visual Studio Build Tools). Tests (npm test) are not affected.',
    error,
  );
}
if (!existsSync(workspace.builtBinding)) {
  fail('Biên dịch xong nhưng không thấy tệp better_sqlite3.node.', `The build finished but ${workspace.builtBinding} is missing.`);
}
if (sha256(nodeBuild) !== nodeBuildHash) {
  fail(
    'Bản better-sqlite3 cho Node trong node_modules đã bị thay đổi; chạy npm rebuild better-sqlite3.',
    'The Node build in node_modules/better-sqlite3 was changed by the Electron build; run npm rebuild better-sqlite3.',
  );
}
// Only the finished addon enters the project; renamed into place so a half-copied file is never loaded.
mkdirSync(out.dir, { recursive: true });
// The layout before this script built outside the project kept a whole copy here; drop it.
rmSync(join(out.dir, 'node_modules'), { recursive: true, force: true });
rmSync(join(out.dir, 'package.json'), { force: true });
copyFileSync(workspace.builtBinding, `${out.binding}.tmp`);
renameSync(`${out.binding}.tmp`, out.binding);
writeFileSync(out.stamp, paths.stampContent(target));
console.log(`[electron-native] done: ${relative(root, out.binding)}`);
