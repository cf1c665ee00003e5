// `khaosat package create` → `khaosat package install` end to end: the built-in HIDS XLSForm and
// the 168-unit 2025 frame, signed with a key folder from `khaosat keys generate`, installed into a
// fresh database; a foreign signer, a tampered file and a bad frame are refused with nothing written.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { readSurveyPackage } from '../../../electron/sync/survey-package';

const dir = mkdtempSync(join(tmpdir(), 'khaosat-package-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORM = join(__dirname, '../../../shared/instruments/hids-satisfaction.xlsx');
const FRAME = join(__dirname, '../../../shared/instruments/units/hcmc_units_2025.csv');

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env: {}, cwd: dir };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

async function cli(...argv: string[]) {
  const t = fakeIo();
  const code = await runCli(argv, t.io);
  return { code, out: t.out(), err: t.err() };
}

/** Rows in every table of the database: equal before and after means nothing was written. */
function rowCounts(dbPath: string): Record<string, number> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  expect((await cli('keys', 'generate', '--out', 'analyst')).code).toBe(0);
  expect((await cli('keys', 'generate', '--out', 'intruder')).code).toBe(0);
  writeFileSync(join(dir, 'quotas.csv'), 'unit_code,target\n26743,30\n26758,25\n');
}, 60_000);

describe('khaosat package create', () => {
  it('packages the HIDS form with the 168-unit frame and quotas, signed by the key folder', async () => {
    const r = await cli('package', 'create', '--form', FORM, '--units', FRAME, '--quotas', 'quotas.csv', '--keys', 'analyst', '--out', 'hids.kspkg', '--survey', 'hids-satisfaction', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    const pkg = readSurveyPackage(readFileSync(join(dir, 'hids.kspkg')));
    expect(pkg.manifest.survey).toEqual({ id: 'hids-satisfaction', title: expect.stringContaining('HIDS'), formVersion: '2025.2' });
    expect(pkg.manifest.parts.map((p) => p.name)).toEqual(['form.json', 'form.xlsx', 'units.csv', 'quotas.csv']);
    expect(pkg.signer.fingerprint).toBe(summary.signer);
    expect(pkg.manifest.recipient.age).toBe(readFileSync(join(dir, 'analyst/encryption.pub'), 'utf8').trim());
    expect(pkg.parts['units.csv']!.equals(readFileSync(FRAME))).toBe(true);
  }, 60_000);

  it('refuses a quota for a unit not in the frame, naming file, line and column, and writes no file', async () => {
    writeFileSync(join(dir, 'bad-quotas.csv'), 'unit_code,target\n26743,30\n99999,5\n26758,-2\n');
    const r = await cli('package', 'create', '--form', FORM, '--units', FRAME, '--quotas', 'bad-quotas.csv', '--keys', 'analyst', '--out', 'bad.kspkg');
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad-quotas.csv, dòng 3, cột unit_code: mã đơn vị "99999" không có trong hcmc_units_2025.csv');
    expect(r.err).toContain('bad-quotas.csv, line 3, column unit_code: unit code "99999" is not in hcmc_units_2025.csv');
    expect(r.err).toContain('bad-quotas.csv, line 4, column target');
    expect(existsSync(join(dir, 'bad.kspkg'))).toBe(false);
  }, 60_000);

  it('refuses a units file without the frame columns and a form with errors', async () => {
    writeFileSync(join(dir, 'units-bad.csv'), 'code,name\n26743,Bến Thành\n');
    const units = await cli('package', 'create', '--form', FORM, '--units', 'units-bad.csv', '--keys', 'analyst', '--out', 'bad.kspkg');
    expect(units.code).toBe(1);
    expect(units.err).toMatch(/units-bad\.csv, line 1: expected exactly the columns code,type,name_vi,name_en,former_province,former_district,merged_from/);
    writeFileSync(join(dir, 'broken.json'), '{"modelVersion": 1}');
    const form = await cli('package', 'create', '--form', 'broken.json', '--units', FRAME, '--keys', 'analyst', '--out', 'bad.kspkg');
    expect(form.code).toBe(1);
    expect(form.err).toMatch(/lỗi trong phiếu \/ error\(s\) in the form/);
    expect(existsSync(join(dir, 'bad.kspkg'))).toBe(false);
  }, 60_000);

  it('never overwrites an existing package file', async () => {
    const before = readFileSync(join(dir, 'hids.kspkg'));
    const r = await cli('package', 'create', '--form', FORM, '--units', FRAME, '--keys', 'analyst', '--out', 'hids.kspkg');
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'hids.kspkg')).equals(before)).toBe(true);
  }, 60_000);
});

describe('khaosat package install', () => {
  it('installs into a fresh database: the survey with its form, 168 units, quotas and the pinned signer', async () => {
    const r = await cli('package', 'install', 'hids.kspkg', '--db', 'laptop.sqlite', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({ surveyId: 'hids-satisfaction', formVersion: '2025.2', units: 168, quotas: 2, installed: true, pinned: true });
    const db = new Database(join(dir, 'laptop.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM units WHERE survey_id = 'hids-satisfaction'").get()).toEqual({ n: 168 });
      expect(db.prepare("SELECT unit_code, target FROM quotas ORDER BY unit_code").all()).toEqual([{ unit_code: '26743', target: 30 }, { unit_code: '26758', target: 25 }]);
      expect(db.prepare('SELECT survey_id, version FROM form_versions').all()).toEqual([{ survey_id: 'hids-satisfaction', version: '2025.2' }]);
      const signer = db.prepare('SELECT fingerprint, recipient FROM survey_signers').get() as { fingerprint: string; recipient: string };
      expect(signer.fingerprint).toBe(result.signerFingerprint);
      expect(signer.recipient).toBe(readFileSync(join(dir, 'analyst/encryption.pub'), 'utf8').trim());
      expect(db.prepare("SELECT action, entity_id FROM audit_log WHERE action = 'package_installed'").all()).toEqual([{ action: 'package_installed', entity_id: 'hids-satisfaction' }]);
    } finally {
      db.close();
    }
  }, 60_000);

  it('installing the same file again changes nothing', async () => {
    const before = rowCounts(join(dir, 'laptop.sqlite'));
    const r = await cli('package', 'install', 'hids.kspkg', '--db', 'laptop.sqlite', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ installed: false, pinned: false, units: 168, quotas: 2 });
    expect(rowCounts(join(dir, 'laptop.sqlite'))).toEqual(before);
  }, 60_000);

  it('refuses a package signed before the newest installed one (rollback), naming both times, and writes nothing', async () => {
    const make = async (name: string) => expect((await cli('package', 'create', '--form', FORM, '--units', FRAME, '--keys', 'analyst', '--out', name, '--survey', 'hids-satisfaction')).code).toBe(0);
    await make('older.kspkg');
    await new Promise((r) => setTimeout(r, 5));
    await make('newer.kspkg');
    const olderAt = readSurveyPackage(readFileSync(join(dir, 'older.kspkg'))).manifest.createdAt;
    const newerAt = readSurveyPackage(readFileSync(join(dir, 'newer.kspkg'))).manifest.createdAt;
    expect(Date.parse(newerAt)).toBeGreaterThan(Date.parse(olderAt));
    expect((await cli('package', 'install', 'newer.kspkg', '--db', 'laptop.sqlite', '--json')).code).toBe(0);
    const before = rowCounts(join(dir, 'laptop.sqlite'));
    const r = await cli('package', 'install', 'older.kspkg', '--db', 'laptop.sqlite');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`được tạo lúc ${olderAt}, không mới hơn gói đã cài`);
    expect(r.err).toContain(`created at ${olderAt}, not after the installed one (form version 2025.2, created at ${newerAt})`);
    expect(rowCounts(join(dir, 'laptop.sqlite'))).toEqual(before);
    // The first package, installed long ago, is still "already installed", not a rollback.
    const again = await cli('package', 'install', 'hids.kspkg', '--db', 'laptop.sqlite', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ installed: false });
    expect(rowCounts(join(dir, 'laptop.sqlite'))).toEqual(before);
  }, 120_000);

  it('refuses a package for the same survey signed by another key, and writes nothing', async () => {
    expect((await cli('package', 'create', '--form', FORM, '--units', FRAME, '--keys', 'intruder', '--out', 'foreign.kspkg', '--survey', 'hids-satisfaction')).code).toBe(0);
    const before = rowCounts(join(dir, 'laptop.sqlite'));
    const r = await cli('package', 'install', 'foreign.kspkg', '--db', 'laptop.sqlite');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Gói khảo sát được ký bởi một khóa khác');
    expect(r.err).toContain('signed by a different key');
    expect(rowCounts(join(dir, 'laptop.sqlite'))).toEqual(before);
  }, 60_000);

  it('refuses a tampered or truncated file with a specific error, and writes nothing', async () => {
    const good = readFileSync(join(dir, 'hids.kspkg'));
    const before = rowCounts(join(dir, 'laptop.sqlite'));
    const cases: [string, Buffer, RegExp][] = [
      ['flipped-manifest.kspkg', flip(good, 60), /chữ ký của gói khảo sát không hợp lệ|signature is not valid/i],
      ['flipped-body.kspkg', flip(good, good.length - 10), /gói khảo sát bị hỏng|damaged/i],
      ['truncated.kspkg', good.subarray(0, good.length - 1), /damaged/],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(join(dir, name), bytes);
      const r = await cli('package', 'install', name, '--db', 'laptop.sqlite');
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(message);
      expect(rowCounts(join(dir, 'laptop.sqlite')), name).toEqual(before);
    }
  }, 60_000);
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}
