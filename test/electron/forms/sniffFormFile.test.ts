// What a file handed to `form check` really is, from its bytes, and the message that names it.
import { describe, expect, test } from 'vitest';
import { describeNotXlsx, sniffFormFile } from '../../../electron/forms/sniffFormFile';
import { buildXlsx } from '../../fixtures/forms/build';
import { ole2With, zipOf } from '../../fixtures/files/bytes';

describe('sniffFormFile', () => {
  test('a real .xlsx', async () => {
    expect(sniffFormFile(await buildXlsx({ survey: [['type', 'name']] }))).toEqual({ kind: 'xlsx' });
  });

  test('OLE2 files: Excel 97–2003, encrypted workbook, other legacy Office', () => {
    expect(sniffFormFile(ole2With(['Root Entry', 'Workbook', 'SummaryInformation']))).toEqual({ kind: 'legacy_xls' });
    expect(sniffFormFile(ole2With(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))).toEqual({ kind: 'encrypted_workbook' });
    expect(sniffFormFile(ole2With(['Root Entry', 'WordDocument']))).toEqual({ kind: 'legacy_office' });
  });

  test('zips that are not workbooks', () => {
    expect(sniffFormFile(zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }))).toEqual({ kind: 'zip', is: 'ods' });
    expect(sniffFormFile(zipOf({ '[Content_Types].xml': '<x/>', 'word/document.xml': '<w/>' }))).toEqual({ kind: 'zip', is: 'docx' });
    expect(sniffFormFile(zipOf({ 'xl/workbook.bin': 'x' }))).toEqual({ kind: 'zip', is: 'xlsb' });
    expect(sniffFormFile(zipOf({ 'notes.txt': 'hello' }))).toEqual({ kind: 'zip', is: 'other' });
  });

  test('text files renamed .xlsx', () => {
    expect(sniffFormFile(Buffer.from('type,name,label\ninteger,age,Tuổi\n'))).toEqual({ kind: 'text', is: 'csv' });
    expect(sniffFormFile(Buffer.from('\uFEFF{"formId":"x"}'))).toEqual({ kind: 'text', is: 'json' });
    expect(sniffFormFile(Buffer.from('<html><table><tr><td>type</td></tr></table></html>'))).toEqual({ kind: 'text', is: 'html' });
    expect(sniffFormFile(Buffer.from('Phiếu khảo sát\n'))).toEqual({ kind: 'text', is: 'text' });
  });

  test('empty and unknown binary', () => {
    expect(sniffFormFile(new Uint8Array(0))).toEqual({ kind: 'empty' });
    expect(sniffFormFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({ kind: 'document', is: 'png' });
    expect(sniffFormFile(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toEqual({ kind: 'unknown', head: '7F 45 4C 46' });
  });
});

describe('describeNotXlsx', () => {
  test('each message names the file and what it is, in Vietnamese and English, and says what to do', () => {
    const xls = describeNotXlsx('phieu.xls', { kind: 'legacy_xls' });
    expect(xls.code).toBe('legacy_xls');
    expect(xls.vi).toMatch(/^phieu\.xls là sổ Excel 97–2003 \(\.xls\).*Lưu thành/);
    expect(xls.en).toMatch(/^phieu\.xls is a legacy Excel 97–2003 workbook \(\.xls\).*Save As "Excel Workbook \(\.xlsx\)"/);
    const enc = describeNotXlsx('p.xlsx', { kind: 'encrypted_workbook' });
    expect(enc.code).toBe('encrypted_workbook');
    expect(enc.en).toMatch(/password-protected.*remove the password/);
    const csv = describeNotXlsx('p.xlsx', { kind: 'text', is: 'csv' });
    expect(csv).toMatchObject({ code: 'not_xlsx' });
    expect(csv.en).toMatch(/CSV text file \(perhaps renamed\)/);
    expect(describeNotXlsx('p.xlsx', { kind: 'zip', is: 'docx' }).vi).toMatch(/tài liệu Word/);
  });
});
