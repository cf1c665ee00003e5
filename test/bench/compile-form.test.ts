// The compile bench's generated form is what it claims: 2,000 questions that compile cleanly.
import { describe, expect, it } from 'vitest';
import { compileForm, listQuestions, type Cell } from '../../shared/forms';
import { bigFormSheets } from './compile.bench';

describe('compile bench form', () => {
  it('has 2,000 entered questions in groups of 20 (plus one calculation per group) and compiles without errors', () => {
    const sheets = bigFormSheets(2000);
    const r = compileForm({ fileName: 'bench2000.xlsx', sheets: Object.fromEntries(Object.entries(sheets).map(([k, rows]) => [k, { rows: rows as Cell[][] }])) });
    expect(r.ok ? [] : r.errors.map((e) => e.messageEn)).toEqual([]);
    if (!r.ok) return;
    const qs = listQuestions(r.form);
    expect(qs.filter((q) => q.type !== 'calculate')).toHaveLength(2000);
    expect(new Set(qs.map((q) => q.type))).toEqual(new Set(['integer', 'select_one', 'select_multiple', 'text', 'calculate']));
  });
});
