// README, package.json and the installed dependencies agree on which Node.js each job needs, and
// the README's list of EBADENGINE warnings on Node 20 is exactly what npm would print.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DESKTOP_NODE_MIN, oldNodeWarning, versionAtLeast } from '../../electron/main/electron-native-build';

const ROOT = resolve(import.meta.dirname, '../..');
// semver is what npm itself uses to check `engines`; loaded untyped, so its two calls are typed here.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Every installed package with a node engines range, by name (nested copies included). */
const installed = Object.entries(lock.packages)
  .filter(([path, p]) => path !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
  .map(([path, p]) => ({ name: path.replace(/^.*node_modules\//, ''), range: (p.engines as { node: string }).node }));

const ELECTRON_TOOLS = ['electron', '@electron/rebuild', '@electron/get', 'node-abi', '@electron-internal/extract-zip'];
const lowest = semver.minVersion(pkg.engines.node)!.version;

describe('Node versions', () => {
  test("README states package.json's engines range word for word", () => {
    expect(readme).toContain(`\`package.json\`'s \`engines\` is \`${pkg.engines.node}\``);
  });

  test('every installed package except the Electron tools accepts the lowest Node the engines allow', () => {
    const refusing = installed.filter((p) => !semver.satisfies(lowest, p.range)).map((p) => p.name);
    expect(refusing.filter((n) => !ELECTRON_TOOLS.includes(n))).toEqual([]);
  });

  test("the engines range is no looser than the test tools': one minor lower and vite would refuse", () => {
    const [major, minor] = lowest.split('.').map(Number);
    const below = `${major}.${minor! - 1}.99`;
    expect(installed.some((p) => !ELECTRON_TOOLS.includes(p.name) && !semver.satisfies(below, p.range))).toBe(true);
  });

  test("README's EBADENGINE list is exactly the packages that refuse Node 20 at the engines' lowest version", () => {
    const refusing = [...new Set(installed.filter((p) => !semver.satisfies(lowest, p.range)).map((p) => p.name))].sort();
    const paragraph = readme.slice(readme.indexOf('for exactly these packages, all Electron tooling:'));
    const listed = paragraph.slice(0, paragraph.indexOf('They are used only')).match(/`([^`]+)`/g)!.map((s) => s.slice(1, -1));
    expect(listed.sort()).toEqual(refusing);
  });

  test('the desktop requirement is the highest that the Electron tools declare, and README states it', () => {
    const tools = installed.filter((p) => ELECTRON_TOOLS.includes(p.name));
    expect(tools.length).toBeGreaterThanOrEqual(3);
    const highest = tools.map((p) => semver.minVersion(p.range)!.version).reduce((a, b) => (versionAtLeast(a, b) ? a : b));
    expect(highest).toBe(DESKTOP_NODE_MIN);
    const [major, minor] = DESKTOP_NODE_MIN.split('.');
    expect(readme).toMatch(new RegExp(`\\| desktop app: \`npm start\`, installers \\(\`npm run dist\`\\) \\| \\*\\*${major}\\.${minor}\\+\\*\\* \\|`));
    expect(readme).toMatch(new RegExp(`\\| command line .* \\| \\*\\*${lowest.split('.').slice(0, 2).join('\\.')}\\+ or ${major}\\.${minor}\\+\\*\\* \\|`));
  });

  test('npm start warns in one vi/en line on a Node older than the Electron tools need, and not on a newer one', () => {
    expect(oldNodeWarning('v20.20.2')).toMatch(/^Công cụ build của Electron 45 cần Node ≥ 22\.12\.0 \(đang chạy 20\.20\.2\).* \/ Electron 45's build tools need Node ≥ 22\.12\.0/);
    expect(oldNodeWarning('v22.12.0')).toBeNull();
    expect(oldNodeWarning('v24.1.0')).toBeNull();
    expect(versionAtLeast('22.11.9', '22.12.0')).toBe(false);
    expect(versionAtLeast('23.0.0', '22.12.0')).toBe(true);
  });
});
