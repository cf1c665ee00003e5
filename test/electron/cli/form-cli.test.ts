// `khaosat form check` on the built-in instruments and on a broken form.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { mkdirSync } from 'node:fs';
import { buildXlsx } from '../../fixtures/forms/build';
import { ole2With, zipOf } from '../../fixtures/files/bytes';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env: {}, cwd: ROOT };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'khaosat-formcli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('khaosat form check', () => {
  it.each(['hids-satisfaction.xlsx', 'mttq-satisfaction.xlsx'])('%s passes with a summary of questions, languages and index', async (file) => {
    const t = fakeIo();
    expect(await runCli(['form', 'check', `shared/instruments/${file}`, '--json'], t.io)).toBe(0);
    const report = JSON.parse(t.out());
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(report.summary.languages).toEqual(['vi', 'en']);
    expect(report.summary.questionsByType.select_one).toBeGreaterThan(20);
    expect(report.summary.indexComponents.map((c: { id: string }) => c.id)).toEqual(['ACC', 'PRO', 'CIV', 'RES', 'FBK']);
  });

  it('a broken form exits 1 and every error names the sheet, row and column', async () => {
    const file = join(dir, 'broken.xlsx');
    writeFileSync(
      file,
      await buildXlsx({
        survey: [
          ['type', 'name', 'label', 'relevant'],
          ['integer', 'age', 'Tuổi'],
          ['text', 'ten', 'Tên', '${agee} > 3'],
          ['geopont', 'gps', 'GPS'],
        ],
        settings: [['form_id', 'version'], ['broken', '1']],
      }),
    );
    const t = fakeIo();
    expect(await runCli(['form', 'check', file, '--json'], t.io)).toBe(1);
    const report = JSON.parse(t.out());
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown_reference', sheet: 'survey', row: 3, column: 'relevant', columnLetter: 'D' }),
        expect.objectContaining({ code: 'unknown_type', sheet: 'survey', row: 4, column: 'type', expected: 'geopoint' }),
      ]),
    );
    const human = fakeIo();
    expect(await runCli(['form', 'check', file], human.io)).toBe(1);
    expect(human.err()).toContain('survey!D3 (relevant) [unknown_reference]');
    expect(human.err()).toContain('did you mean ${age}?');
  });

  it('errors are listed in row order, whatever order the checks found them in', async () => {
    const file = join(dir, 'order.xlsx');
    writeFileSync(
      file,
      await buildXlsx({
        survey: [
          ['type', 'name', 'label', 'relevant'],
          ['integer', 'a', 'A', '${zz} > 1'],
          ['geopont', 'gps', 'GPS'],
          ['select_one nolist', 'b', 'B'],
          ['text', 'c', 'C', '${yy} = 1'],
          ['integer', 'a', 'A again'],
        ],
        settings: [['form_id', 'version'], ['order', '1']],
      }),
    );
    const t = fakeIo();
    expect(await runCli(['form', 'check', file, '--json'], t.io)).toBe(1);
    const rows = (JSON.parse(t.out()).errors as { sheet: string; row: number }[]).map((e) => e.row);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows).toEqual([...rows].sort((x, y) => x - y));
    const human = fakeIo();
    await runCli(['form', 'check', file], human.io);
    const cells = [...human.err().matchAll(/survey!([A-Z]+)(\d+)/g)].map((m) => Number(m[2]));
    expect(cells).toEqual([...cells].sort((x, y) => x - y));
  });
});

describe('a path that is not an .xlsx workbook', () => {
  // Each case: the bytes (written here, no binary fixtures), the code, and words the message must have.
  const cases: [string, () => Buffer | Promise<Buffer>, string, RegExp, RegExp][] = [
    ['phieu.xls', () => ole2With(['Root Entry', 'Workbook']), 'legacy_xls', /sổ Excel 97–2003 \(\.xls\)/, /legacy Excel 97–2003 workbook \(\.xls\).*Save As "Excel Workbook \(\.xlsx\)"/],
    ['protected.xlsx', () => ole2With(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'encrypted_workbook', /có mật khẩu/, /password-protected \(encrypted\).*remove the password/],
    ['renamed.xlsx', () => Buffer.from('type,name,label\ninteger,age,Tuổi\n'), 'not_xlsx', /văn bản CSV/, /CSV text file \(perhaps renamed\).*Save As/],
    ['archive.xlsx', () => zipOf({ 'readme.txt': 'hello' }), 'not_xlsx', /tệp nén zip/, /zip archive, not an Excel workbook/],
    ['report.xlsx', () => zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'not_xlsx', /tài liệu Word/, /Word document \(\.docx\)/],
    ['empty.xlsx', () => Buffer.alloc(0), 'empty_file', /tệp rỗng/, /is empty \(0 bytes\)/],
  ];

  it.each(cases)('%s: one message naming what it is and what to do, in form check and form run', async (name, bytes, code, vi, en) => {
    const file = join(dir, name);
    writeFileSync(file, await bytes());
    const human = fakeIo();
    expect(await runCli(['form', 'check', file], human.io)).toBe(1);
    const lines = human.err().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^khaosat: ${name.replace('.', '\\.')} `));
    expect(lines[0]).toMatch(vi);
    expect(lines[1]).toMatch(en);
    // One message, not "1 error(s) in the form" with a list around it.
    expect(human.err()).not.toMatch(/error\(s\) in the form|Lỗi \/ errors/);
    const json = fakeIo();
    expect(await runCli(['form', 'check', file, '--json'], json.io)).toBe(1);
    expect(JSON.parse(json.out()).errors).toEqual([expect.objectContaining({ file: name, row: 0, code })]);
    const answers = join(dir, 'a.json');
    writeFileSync(answers, '{}');
    const run = fakeIo();
    expect(await runCli(['form', 'run', file, '--answers', answers], run.io)).toBe(1);
    expect(run.err()).toMatch(en);
  });

  it('a damaged .xlsx (a workbook zip whose parts are not XML) says it could not be read', async () => {
    const file = join(dir, 'damaged.xlsx');
    writeFileSync(file, zipOf({ '[Content_Types].xml': 'garbage', 'xl/workbook.xml': 'garbage' }));
    const t = fakeIo();
    expect(await runCli(['form', 'check', file, '--json'], t.io)).toBe(1);
    expect(JSON.parse(t.out()).errors).toEqual([expect.objectContaining({ code: 'unreadable_file', file: 'damaged.xlsx' })]);
  });

  it('a missing path names the path', async () => {
    const t = fakeIo();
    expect(await runCli(['form', 'check', join(dir, 'nope.xlsx')], t.io)).toBe(1);
    expect(t.err()).toMatch(/^khaosat: Không có tệp .*nope\.xlsx\. Kiểm tra lại đường dẫn/);
    expect(t.err()).toMatch(/No such file: .*nope\.xlsx\. Check the path/);
  });

  it('a folder says it is a folder', async () => {
    const folder = join(dir, 'forms.xlsx');
    mkdirSync(folder, { recursive: true });
    const t = fakeIo();
    expect(await runCli(['form', 'check', folder], t.io)).toBe(1);
    expect(t.err()).toMatch(/là một thư mục, không phải tệp phiếu/);
    expect(t.err()).toMatch(/is a folder, not a form file/);
    const j = fakeIo();
    expect(await runCli(['form', 'check', folder, '--json'], j.io)).toBe(1);
    expect(JSON.parse(j.out()).errors[0].code).toBe('not_a_file');
  });
});

describe('khaosat form run', () => {
  const HIDS = 'shared/instruments/hids-satisfaction.xlsx';

  it('evaluates a record: skipped branch cleared, DK coded, unknown names reported, calculations applied', async () => {
    const answers = join(dir, 'answers.json');
    // A consenting, eligible service user (the service block is asked only of them).
    writeFileSync(answers, JSON.stringify({ consent: 1, DEM_TYPE: 1, SCR_AGE: 1, SCR_STAFF: 2, SCR_USE: 1, META_UNIT: '25747', EXP_PAKN: 2, FBK1: 4, ACC1: 5, ACC2: 9, bogus: 1 }));
    const t = fakeIo();
    // Not complete (required questions unanswered): exit 1, with the full report still printed.
    expect(await runCli(['form', 'run', HIDS, '--answers', answers, '--json'], t.io)).toBe(1);
    const report = JSON.parse(t.out());
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['relevant', 'values', 'errors', 'complete']));
    expect(report.complete).toBe(false);
    expect(report.relevant).not.toContain('FBK1');
    expect(report.values.FBK1 ?? null).toBeNull();
    expect(report.statuses.FBK1).toBe('skipped');
    expect(report.statuses.ACC1).toBe('answered');
    expect(report.missing.ACC2).toBe('dont_know');
    expect(report.errors).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'bogus', kind: 'type' })]));
    expect(report.errors).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'META_SITE', kind: 'required' })]));
    expect(report.errors.some((e: { name: string }) => e.name === 'META_UNIT')).toBe(false);
    expect(report.values.outcome).toBe('completed');
    expect(report.values.service_user).toBe('1');
  });

  it('a broken answers file is a one-line error naming the file', async () => {
    const answers = join(dir, 'broken.json');
    writeFileSync(answers, '{ "ACC1": 5,, }');
    const t = fakeIo();
    expect(await runCli(['form', 'run', HIDS, '--answers', answers], t.io)).toBe(1);
    expect(t.err()).toMatch(/broken\.json: không phải JSON hợp lệ \/ not valid JSON/);
    const arr = join(dir, 'array.json');
    writeFileSync(arr, '[1,2]');
    const u = fakeIo();
    expect(await runCli(['form', 'run', HIDS, '--answers', arr], u.io)).toBe(1);
    expect(u.err()).toMatch(/cần một đối tượng JSON \/ expected a JSON object/);
  });

  it('a complete record exits 0; an incomplete one exits 1, with Vietnamese/English headers', async () => {
    const form = join(dir, 'small.xlsx');
    writeFileSync(
      form,
      await buildXlsx({
        survey: [
          ['type', 'name', 'label', 'required', 'constraint'],
          ['integer', 'age', 'Tuổi', 'yes', '. >= 15'],
          ['text', 'note', 'Ghi chú'],
        ],
        settings: [['form_id', 'version'], ['small', '1']],
      }),
    );
    const complete = join(dir, 'complete.json');
    writeFileSync(complete, JSON.stringify({ age: 40 }));
    const ok = fakeIo();
    expect(await runCli(['form', 'run', form, '--answers', complete], ok.io)).toBe(0);
    expect(ok.out()).toMatch(/hoàn tất \/ complete\s+có \/ yes/);

    const young = join(dir, 'young.json');
    writeFileSync(young, JSON.stringify({ age: 9 }));
    const bad = fakeIo();
    expect(await runCli(['form', 'run', form, '--answers', young], bad.io)).toBe(1);
    expect(bad.out()).toMatch(/hoàn tất \/ complete\s+chưa \/ no/);
    expect(bad.out()).toMatch(/lỗi \/ errors\s+1/);
    expect(bad.out()).toMatch(/đường dẫn \/ path\s+loại \/ kind\s+thông báo \/ message/);
    expect(bad.out()).toMatch(/age\s+constraint/);
    const json = fakeIo();
    expect(await runCli(['form', 'run', form, '--answers', young, '--json'], json.io)).toBe(1);
    expect(JSON.parse(json.out()).complete).toBe(false);
  });

  it('a missing answers file or a folder is named, in Vietnamese and English', async () => {
    const t = fakeIo();
    expect(await runCli(['form', 'run', HIDS, '--answers', join(dir, 'none.json')], t.io)).toBe(1);
    expect(t.err()).toMatch(/Không có tệp trả lời .*none\.json[\s\S]*No such answers file: .*none\.json/);
    const u = fakeIo();
    expect(await runCli(['form', 'run', HIDS, '--answers', dir], u.io)).toBe(1);
    expect(u.err()).toMatch(/là thư mục[\s\S]*is a folder, not an answers \.json file/);
  });

  it('--answers is required', async () => {
    const t = fakeIo();
    expect(await runCli(['form', 'run', HIDS], t.io)).toBe(2);
  });
});
