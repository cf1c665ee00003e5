// Every exported file read back by real tools (PSPP, R haven, readstat, pandas), compared with
// values and labels written out by hand here — never with our own reader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDataset } from '../../../electron/exports';
import { buildDataset } from '../../../shared/exports/fromForm';
import { sampleForm, SAMPLE_INTERVIEWS } from '../../fixtures/exports/sample';
import { parseCsv, probeTools, PYTHON, run } from './tools';

const tools = probeTools();
const NOTE = 'Cán bộ "rất" nhiệt tình, nhanh chóng\nCảm ơn';
const QUESTIONS = ['tuoi', 'ACC1', 'ACC2', 'ghichu', 'kenh', 'kenh_tv', 'kenh_web', 'kenh_ban'];
/** Stored values per interview; null = skipped or unanswered (told apart by STATUS). */
const VALUES: (number | string | null)[][] = [
  [34, 5, 4, NOTE, 'tv ban', 1, 0, 1],
  [9, 9, null, 'Đường đông', 'web', 0, 1, 0],
  [51, 5, null, null, null, null, null, null],
  [28, 8, null, null, '9', 9, 9, 9],
];
/** 1 answered, 2 missing code, 3 skipped, 4 unanswered. */
const STATUS = [
  [1, 1, 1, 1, 1, 1, 1, 1],
  [2, 2, 3, 1, 1, 1, 1, 1],
  [1, 1, 4, 4, 4, 4, 4, 4],
  [1, 2, 3, 4, 2, 2, 2, 2],
];
const META = [
  ['iv-1', 1, 'Nguyễn Văn An', '26734'],
  ['iv-2', 2, 'Nguyễn Văn An', '26737'],
  ['iv-3', 1, 'Phạm Thị Hoa', '26734'],
  ['iv-4', 1, 'Nguyễn Văn An', '26740'],
];
const LABELS: Record<string, string> = {
  tuoi: 'Tuổi của người trả lời', ACC1: 'Mức độ hài lòng về tiếp cận dịch vụ', ACC2: 'Hài lòng về thủ tục', ghichu: 'Ghi chú của người dân',
  kenh: 'Kênh thông tin', kenh_tv: 'Kênh thông tin: Truyền hình', kenh_web: 'Kênh thông tin: Cổng thông tin điện tử', kenh_ban: 'Kênh thông tin: Bạn bè, người quen',
};
const SAT5 = [[1, 'Rất không hài lòng'], [2, 'Không hài lòng'], [3, 'Bình thường'], [4, 'Hài lòng'], [5, 'Rất hài lòng'], [8, 'Không áp dụng'], [9, 'Không biết/từ chối']] as const;
const MEMBERS = [['iv-1', 1, 'Trần Thị Bình', 60], ['iv-1', 2, 'Lê Đức Anh', 9], ['iv-3', 1, 'Võ Văn Tường', null]];
/** Stata extended missing letters per question column (d don't know, n not applicable, s skipped, u unanswered). */
const STATA_TAGS: Record<string, (string | null)[]> = {
  tuoi: [null, 'd', null, null], ACC1: [null, 'd', null, 'n'], ACC2: [null, 's', 'u', 's'],
  kenh_tv: [null, null, 'u', 'd'], kenh_ban: [null, null, 'u', 'd'],
};

let dir = '';
const dirs: Record<string, string> = {};
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khaosat-exports-'));
  const dataset = buildDataset(sampleForm(), SAMPLE_INTERVIEWS);
  for (const format of ['csv', 'xlsx', 'spss', 'stata'] as const) {
    dirs[format] = path.join(dir, format);
    await exportDataset(dataset, { format, outDir: dirs[format] as string, bom: format === 'csv' });
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('every reader is installed in CI', () => {
  const missing = Object.values(tools).filter((t) => !t.available).map((t) => t.reason);
  if (process.env.CI) expect(missing).toEqual([]);
});

/** PSPP's CSV output split into its tables by title. */
function psppTables(out: string): Record<string, string[][]> {
  const tables: Record<string, string[][]> = {};
  for (const part of out.split(/^Table: /m).slice(1)) {
    const nl = part.indexOf('\n');
    tables[part.slice(0, nl).trim()] = parseCsv(part.slice(nl + 1).replace(/\n+$/, '\n'));
  }
  return tables;
}

describe.skipIf(!tools.pspp.available)('SPSS .sav read back by PSPP', () => {
  const read = (file: string) => {
    fs.writeFileSync(path.join(dirs.spss as string, 'read.sps'), `GET FILE="${file}".\nDISPLAY DICTIONARY.\nLIST.\n`);
    return psppTables(run('pspp', ['-O', 'format=csv', 'read.sps'], dirs.spss as string));
  };

  test('names, Vietnamese variable labels, measure levels and the declared user-missing 8 and 9', () => {
    const vars = read('interviews.sav').Variables as string[][];
    const byName = Object.fromEntries(vars.slice(1).map((r) => [r[0], r]));
    for (const q of QUESTIONS) {
      expect(byName[q]?.[2]).toBe(LABELS[q]);
      expect(byName[`${q}_st`]?.[2]).toBe(`Tình trạng (status): ${q}`);
    }
    expect(byName.ACC1?.[3]).toBe('Ordinal');
    expect(byName.tuoi?.[3]).toBe('Scale');
    expect(byName.ACC1?.[9]).toBe('8; 9');
    expect(byName.tuoi?.[9]).toBe('9');
    expect(byName.ACC2?.[9]).toBe('8; 9');
    expect(byName.ghichu?.[7]).toBe('A55');
  });

  test('value labels from the choices, the missing codes marked user-missing', () => {
    const labels = read('interviews.sav')['Value Labels'] as string[][];
    const start = labels.findIndex((r) => r[0] === LABELS.ACC1);
    expect(labels.slice(start, start + 7).map((r) => [r[1], r[2]])).toEqual(SAT5.map(([v, l]) => [v >= 8 ? `${v}[a]` : String(v), l]));
    const tv = labels.findIndex((r) => r[0] === LABELS.kenh_tv);
    expect(labels.slice(tv, tv + 2).map((r) => [r[1], r[2]])).toEqual([['0', 'Không chọn'], ['1', 'Có chọn']]);
  });

  test('the cases: codes, text with diacritics and line breaks, system-missing plus status for skipped/unanswered', () => {
    const data = read('interviews.sav')['Data List'] as string[][];
    const header = data[0] as string[];
    const cell = (row: number, name: string) => data[row + 1]?.[header.indexOf(name)];
    VALUES.forEach((vals, r) => {
      expect([cell(r, 'interview_id'), cell(r, 'revision'), cell(r, 'surveyor'), cell(r, 'unit_code')]).toEqual(META[r]?.map(String));
      QUESTIONS.forEach((q, i) => {
        const v = vals[i];
        const isString = q === 'ghichu' || q === 'kenh';
        expect(cell(r, q)).toBe(v === null ? (isString ? '' : '.') : String(v));
        expect(cell(r, `${q}_st`)).toBe(String(STATUS[r]?.[i]));
      });
    });
  });

  test('the repeat group table', () => {
    const data = read('members.sav')['Data List'] as string[][];
    expect(data[0]).toEqual(['interview_id', 'members_n', 'ten', 'ten_st', 'tuoi_tv', 'tuoi_tv_st']);
    expect(data.slice(1)).toEqual([
      ['iv-1', '1', 'Trần Thị Bình', '1', '60', '1'],
      ['iv-1', '2', 'Lê Đức Anh', '1', '9', '1'],
      ['iv-3', '1', 'Võ Văn Tường', '1', '.', '4'],
    ]);
  });
});

interface RColumn {
  name: string;
  label: string | null;
  values: (number | string | null)[];
  labels: { values: (number | null)[]; names: string[]; tags?: (string | null)[] } | null;
  na_values?: number[] | null;
  tags?: (string | null)[];
}

function haven(file: string, reader: 'read_sav' | 'read_dta'): Record<string, RColumn> {
  const script = `
suppressMessages({library(haven); library(jsonlite)})
d <- ${reader === 'read_sav' ? 'read_sav(f, user_na=TRUE)' : 'read_dta(f)'}
out <- lapply(names(d), function(n) {
  x <- d[[n]]; l <- attr(x, "labels")
  list(name=n, label=attr(x, "label"), values=as.vector(unclass(x)),
       labels=if (is.null(l)) NULL else list(values=unname(as.vector(unclass(l))), names=names(l), tags=if (is.numeric(l)) na_tag(l) else NULL),
       na_values=attr(x, "na_values"), tags=if (is.numeric(x)) na_tag(x) else NULL)
})
cat(toJSON(out, auto_unbox=FALSE, null="null", na="null", digits=NA))`;
  const out = run('Rscript', ['-e', `f <- "${file}"`, '-e', script], path.dirname(file));
  const cols = JSON.parse(out) as (Omit<RColumn, 'name' | 'label'> & { name: string[]; label: string[] | null })[];
  return Object.fromEntries(cols.map((c) => [c.name[0], { ...c, name: c.name[0] as string, label: c.label?.[0] ?? null }]));
}

describe.skipIf(!tools.haven.available)('R haven', () => {
  test('read_sav(user_na = TRUE): values, variable labels, value labels, na_values 8 and 9', () => {
    const d = haven(path.join(dirs.spss as string, 'interviews.sav'), 'read_sav');
    QUESTIONS.forEach((q, i) => {
      expect(d[q]?.label).toBe(LABELS[q]);
      expect(d[q]?.values).toEqual(VALUES.map((row) => row[i] ?? (q === 'ghichu' || q === 'kenh' ? '' : null)));
      expect(d[`${q}_st`]?.values).toEqual(STATUS.map((row) => row[i]));
    });
    expect(d.ACC1?.na_values).toEqual([8, 9]);
    expect(d.tuoi?.na_values).toEqual([9]);
    expect(d.ACC1?.labels?.values).toEqual(SAT5.map(([v]) => v));
    expect(d.ACC1?.labels?.names).toEqual(SAT5.map(([, l]) => l));
    expect(d.interview_id?.values).toEqual(META.map((m) => m[0]));
    expect(d.surveyor?.values).toEqual(META.map((m) => m[2]));
  });

  test('read_sav of the repeat table', () => {
    const d = haven(path.join(dirs.spss as string, 'members.sav'), 'read_sav');
    expect(d.ten?.values).toEqual(MEMBERS.map((m) => m[2]));
    expect(d.tuoi_tv?.values).toEqual(MEMBERS.map((m) => m[3]));
    expect(d.ten?.label).toBe('Họ và tên');
  });

  test('read_dta: answers as values, missing codes and skipped/unanswered as tagged NA .d .n .s .u, labelled', () => {
    const d = haven(path.join(dirs.stata as string, 'interviews.dta'), 'read_dta');
    QUESTIONS.forEach((q, i) => {
      expect(d[q]?.label).toBe(LABELS[q]);
      const tags = STATA_TAGS[q];
      const expected = VALUES.map((row, r) => (q === 'ghichu' || q === 'kenh' ? (row[i] ?? '') : STATUS[r]?.[i] === 1 ? row[i] : null));
      expect(d[q]?.values).toEqual(expected);
      if (tags) expect(d[q]?.tags).toEqual(tags);
    });
    // String questions carry a status column instead.
    expect(d.ghichu_st?.values).toEqual([1, 1, 4, 4]);
    expect(d.kenh_st?.values).toEqual([1, 1, 4, 2]);
    const acc1 = d.ACC1?.labels;
    expect(acc1?.names).toEqual(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng', 'Không áp dụng (8)', 'Không biết, không trả lời (9)', 'Bỏ qua theo logic (skipped)', 'Không trả lời (unanswered)']);
    expect(acc1?.tags).toEqual([null, null, null, null, null, 'n', 'd', 's', 'u']);
    expect(acc1?.values.slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe.skipIf(!tools.readstat.available)('readstat CLI', () => {
  test('metadata of the .sav and .dta files', () => {
    const sav = run('readstat', ['interviews.sav'], dirs.spss as string);
    expect(sav).toMatch(/Columns: 24/);
    expect(sav).toMatch(/Rows: 4/);
    expect(sav).toMatch(/Text encoding: UTF-8/);
    expect(sav).toMatch(/Table label: Khảo sát hài lòng/);
    const dta = run('readstat', ['interviews.dta'], dirs.stata as string);
    expect(dta).toMatch(/Columns: 18/);
    expect(dta).toMatch(/Format version: 118/);
  });

  test('the .sav converted to CSV: the same values', () => {
    const rows = parseCsv(run('readstat', ['interviews.sav', '-'], dirs.spss as string));
    const header = rows[0] as string[];
    VALUES.forEach((vals, r) => {
      QUESTIONS.forEach((q, i) => {
        const got = rows[r + 1]?.[header.indexOf(q)];
        const v = vals[i];
        expect(got === '' ? null : typeof v === 'number' ? Number(got) : got).toEqual(v === null || v === undefined ? null : v);
      });
    });
  });

  test('the .dta repeat table converted to CSV', () => {
    const rows = parseCsv(run('readstat', ['members.dta', '-'], dirs.stata as string));
    expect(rows.slice(1).map((r) => [r[0], Number(r[1]), r[2], r[4] === '' ? null : Number(r[4])])).toEqual(MEMBERS);
  });
});

function pandas(script: string, cwd: string): unknown {
  return JSON.parse(run(PYTHON, ['-c', script], cwd));
}

describe.skipIf(!tools.pandas.available)('pandas', () => {
  test('.dta: values, extended missing values, variable and value labels', () => {
    const out = pandas(`
import json, pandas as pd
from pandas.io.stata import StataMissingValue
r = pd.io.stata.StataReader('interviews.dta')
labels = r.variable_labels(); vl = r.value_labels()
d = pd.read_stata('interviews.dta', convert_categoricals=False, convert_missing=True)
cell = lambda v: v.string if isinstance(v, StataMissingValue) else (None if v != v else v)
print(json.dumps({'labels': labels, 'value_labels': {k: {str(a): b for a, b in v.items()} for k, v in vl.items()},
  'data': {c: [cell(v) for v in d[c].tolist()] for c in d.columns}}, ensure_ascii=False))`, dirs.stata as string) as { labels: Record<string, string>; value_labels: Record<string, Record<string, string>>; data: Record<string, unknown[]> };
    for (const q of QUESTIONS) expect(out.labels[q]).toBe(LABELS[q]);
    expect(out.data.ACC1).toEqual([5, '.d', 5, '.n']);
    expect(out.data.ACC2).toEqual([4, '.s', '.u', '.s']);
    expect(out.data.ghichu).toEqual([NOTE, 'Đường đông', '', '']);
    expect(out.value_labels.ACC1?.['5']).toBe('Rất hài lòng');
    expect(out.value_labels.khaosat_status).toEqual({ '1': 'Đã trả lời (answered)', '2': 'Mã thiếu: không biết/từ chối/không áp dụng (missing code)', '3': 'Bỏ qua theo logic (skipped)', '4': 'Không trả lời (unanswered)' });
  });

  test('.xlsx: data, status, value labels and codebook sheets', () => {
    const out = pandas(`
import json, pandas as pd
s = pd.read_excel('mau.xlsx', sheet_name=None, dtype=object)
print(json.dumps({k: {'columns': list(v.columns), 'rows': [[None if x != x else x for x in r] for r in v.values.tolist()]} for k, v in s.items()}, ensure_ascii=False, default=str))`, dirs.xlsx as string) as Record<string, { columns: string[]; rows: unknown[][] }>;
    expect(Object.keys(out)).toEqual(['interviews', 'interviews_status', 'members', 'members_status', 'value_labels', 'codebook']);
    const data = out.interviews as { columns: string[]; rows: unknown[][] };
    QUESTIONS.forEach((q, i) => expect(data.rows.map((r) => r[data.columns.indexOf(q)])).toEqual(VALUES.map((row) => row[i])));
    const st = out.interviews_status as { columns: string[]; rows: unknown[][] };
    const WORDS = ['', 'answered', 'missing', 'skipped', 'unanswered'];
    QUESTIONS.forEach((q, i) => expect(st.rows.map((r) => r[st.columns.indexOf(q)])).toEqual(STATUS.map((row) => WORDS[row[i] as number])));
    expect(out.members?.rows).toEqual(MEMBERS);
    expect(out.value_labels?.rows).toContainEqual(['interviews', 'ACC1', 9, 'Không biết/từ chối', 'dont_know']);
    expect(out.codebook?.rows).toContainEqual(['interviews', 'kenh_web', 'kenh/web', 'choice', 'Kênh thông tin: Cổng thông tin điện tử', 'numeric', null, '0=Không chọn; 1=Có chọn; 9=Không biết, không trả lời', '9=dont_know', 'nominal', 'kenh_web_st']);
  });

  test('.csv with BOM: interviews.csv and statuses.csv read as UTF-8 with the same shape', () => {
    const out = pandas(`
import json, pandas as pd
a = pd.read_csv('interviews.csv', encoding='utf-8-sig', dtype=str, keep_default_na=False)
b = pd.read_csv('statuses.csv', encoding='utf-8-sig', dtype=str, keep_default_na=False)
print(json.dumps({'columns': list(a.columns), 'values': a.values.tolist(), 'st_columns': list(b.columns), 'statuses': b.values.tolist()}, ensure_ascii=False))`, dirs.csv as string) as { columns: string[]; values: string[][]; st_columns: string[]; statuses: string[][] };
    expect(out.st_columns).toEqual(out.columns);
    const WORDS = ['', 'answered', 'missing', 'skipped', 'unanswered'];
    QUESTIONS.forEach((q, i) => {
      const c = out.columns.indexOf(q);
      expect(out.values.map((r) => r[c])).toEqual(VALUES.map((row) => (row[i] === null ? '' : String(row[i]))));
      expect(out.statuses.map((r) => r[c])).toEqual(STATUS.map((row) => WORDS[row[i] as number]));
    });
  });
});
