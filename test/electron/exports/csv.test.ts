import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { exportDataset } from '../../../electron/exports';
import { csvField } from '../../../electron/exports/csv';
import { withSink } from '../../../electron/exports/sink';
import { buildDataset } from '../../../shared/exports/fromForm';
import { sampleForm, SAMPLE_INTERVIEWS } from '../../fixtures/exports/sample';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khaosat-csv-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CSV fields (RFC 4180)', () => {
  test('quoted only when they hold a comma, a quote or a line break; quotes doubled', () => {
    expect(csvField('Quận 1')).toBe('Quận 1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
  });
});

describe('CSV export', () => {
  test('interviews.csv, statuses.csv, members.csv and the codebook, UTF-8 with CRLF', async () => {
    const r = await exportDataset(buildDataset(sampleForm(), SAMPLE_INTERVIEWS), { format: 'csv', outDir: dir });
    expect(r.files).toEqual(['interviews.csv', 'statuses.csv', 'members.csv', 'members-statuses.csv', 'codebook.csv', 'codebook.md']);
    const csv = fs.readFileSync(path.join(dir, 'interviews.csv'), 'utf8');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('interview_id,revision,device_id,surveyor,unit_code,outcome,started_at,ended_at,tuoi,ACC1,ACC2,ghichu,kenh,kenh_tv,kenh_web,kenh_ban');
    expect(lines[1]).toBe('iv-1,1,dev-01,Nguyễn Văn An,26734,completed,2025-08-01T08:00:00Z,2025-08-01T08:20:00Z,34,5,4,"Cán bộ ""rất"" nhiệt tình, nhanh chóng\nCảm ơn",tv ban,1,0,1');
    expect(lines[4]).toBe('iv-4,1,dev-01,Nguyễn Văn An,26740,completed,2025-08-01T08:00:00Z,2025-08-01T08:20:00Z,28,8,,,9,9,9,9');
    const st = fs.readFileSync(path.join(dir, 'statuses.csv'), 'utf8').split('\r\n');
    expect(st[4]).toBe('iv-4,1,dev-01,Nguyễn Văn An,26740,completed,2025-08-01T08:00:00Z,2025-08-01T08:20:00Z'.split(',').map(() => 'answered').join(',') + ',answered,missing,skipped,unanswered,missing,missing,missing,missing');
    expect(fs.readFileSync(path.join(dir, 'members.csv'), 'utf8')).toBe('interview_id,members_n,ten,tuoi_tv\r\niv-1,1,Trần Thị Bình,60\r\niv-1,2,Lê Đức Anh,9\r\niv-3,1,Võ Văn Tường,\r\n');
    const md = fs.readFileSync(path.join(dir, 'codebook.md'), 'utf8');
    expect(md).toContain('| interviews | ACC1 | ACC1 | question | Mức độ hài lòng về tiếp cận dịch vụ | numeric |  | 1=Rất không hài lòng; 2=Không hài lòng; 3=Bình thường; 4=Hài lòng; 5=Rất hài lòng; 8=Không áp dụng; 9=Không biết/từ chối | 8=not_applicable; 9=dont_know | ordinal | ACC1_st |');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  test('a BOM on request, for Excel', async () => {
    await exportDataset(buildDataset(sampleForm(), SAMPLE_INTERVIEWS), { format: 'csv', outDir: dir, bom: true });
    const bytes = fs.readFileSync(path.join(dir, 'interviews.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('an unknown format is refused, in Vietnamese and English, before anything is written', async () => {
    const out = path.join(dir, 'out');
    await expect(exportDataset(buildDataset(sampleForm(), []), { format: 'sas' as never, outDir: out })).rejects.toThrow(/Định dạng xuất không hỗ trợ: sas .* unsupported export format: sas/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a writer that fails leaves neither the file nor its temporary', () => {
    const file = path.join(dir, 'x.csv');
    expect(() => withSink(file, (sink) => {
      sink.text('half');
      throw new Error('boom');
    })).toThrow('boom');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
