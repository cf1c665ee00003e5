// Real files that are not .xlsx workbooks, made by real tools (test/fixtures/forms/legacy/
// make_fixtures.py: an Excel 97–2003 .xls written by xlwt, a password-protected .xlsx written by
// xlsx-populate, the .xls renamed .xlsx, a PDF renamed .xlsx): `khaosat form check` and
// `khaosat package create` name each for what it is and say what to do; nothing is written.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/io';
import { runCli } from '../../../electron/cli/main';
import { sniffFormFile } from '../../../electron/forms/sniffFormFile';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/forms/legacy');
const FRAME = resolve(import.meta.dirname, '../../../shared/instruments/units/hcmc_units_2025.csv');
const dir = mkdtempSync(join(tmpdir(), 'khaosat-legacy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env: {}, cwd: dir };
  const code = await runCli(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

beforeAll(async () => {
  expect((await cli('keys', 'generate', '--out', 'keys')).code).toBe(0);
}, 60_000);

const CASES: [file: string, code: string, vi: RegExp, en: RegExp][] = [
  ['form.xls', 'legacy_xls', /form\.xls là sổ Excel 97–2003 \(\.xls\) kiểu cũ/, /form\.xls is a legacy Excel 97–2003 workbook \(\.xls\); KhaoSat reads \.xlsx only\. Open it in Excel or LibreOffice and Save As "Excel Workbook \(\.xlsx\)"\./],
  ['renamed-xls.xlsx', 'legacy_xls', /sổ Excel 97–2003/, /legacy Excel 97–2003 workbook/],
  ['encrypted.xlsx', 'encrypted_workbook', /sổ Excel có mật khẩu/, /password-protected \(encrypted\) Excel workbook.*remove the password/],
  ['report-pdf.xlsx', 'not_xlsx', /tài liệu PDF \(có lẽ bị đổi tên\)/, /is a PDF document \(perhaps renamed\), not an \.xlsx workbook/],
];

describe('legacy, encrypted and renamed workbooks made by real tools', () => {
  it('the fixtures are what they claim: OLE2 with a Workbook stream, OLE2 with EncryptionInfo, a PDF', () => {
    const head = (f: string) => readFileSync(join(FIXTURES, f)).subarray(0, 8).toString('hex');
    expect(head('form.xls')).toBe('d0cf11e0a1b11ae1');
    expect(head('encrypted.xlsx')).toBe('d0cf11e0a1b11ae1');
    expect(readFileSync(join(FIXTURES, 'encrypted.xlsx')).includes(Buffer.from('EncryptionInfo', 'utf16le'))).toBe(true);
    expect(sniffFormFile(readFileSync(join(FIXTURES, 'form.xls')))).toEqual({ kind: 'legacy_xls' });
  });

  it.each(CASES)('form check %s → %s, named in Vietnamese and English', async (file, code, vi, en) => {
    const r = await cli('form', 'check', join(FIXTURES, file), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { errors: { code: string; message: string; messageEn: string; row: number }[] };
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ code, row: 0 });
    expect(report.errors[0]?.message).toMatch(vi);
    expect(report.errors[0]?.messageEn).toMatch(en);
  });

  it.each(CASES)('package create --form %s is refused with the same message and writes no package', async (file, _code, vi, en) => {
    const r = await cli('package', 'create', '--form', join(FIXTURES, file), '--units', FRAME, '--keys', 'keys', '--out', 'x.kspkg');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(vi);
    expect(r.err).toMatch(en);
    expect(existsSync(join(dir, 'x.kspkg'))).toBe(false);
  }, 60_000);
});
