// The contract shapes of the index report: a report and filters as the screen and the core
// exchange them pass; unknown keys, bad days, unknown unit types and oversized lists do not.
import { describe, expect, it } from 'vitest';
import { IndexReportSchema, ReportFiltersSchema } from '../../../shared/contract/indices';
import { fixtureReport, unit } from '../../renderer/index-report-fixture';

describe('index report contract shapes', () => {
  it('accepts a report with its filters, period and frame, and one without them', () => {
    expect(IndexReportSchema.safeParse(fixtureReport()).success).toBe(true);
    const { filters: _f, period: _p, frame: _r, ...bare } = fixtureReport();
    expect(IndexReportSchema.safeParse(bare).success).toBe(true);
  });

  it('refuses a report with an unknown key, an index over 100 or a bad Unit code', () => {
    expect(IndexReportSchema.safeParse({ ...fixtureReport(), extra: 1 }).success).toBe(false);
    expect(IndexReportSchema.safeParse(fixtureReport([{ ...unit('26734', 'P', 80), index: 101 }])).success).toBe(false);
    expect(IndexReportSchema.safeParse(fixtureReport([unit('26734; DROP', 'P', 80)])).success).toBe(false);
  });

  it('accepts the screen’s filters and refuses malformed ones', () => {
    const ok = { survey: 'hids-2026', from: '2026-11-01', to: '2026-11-30', unit_types: ['ward', 'commune'], former_provinces: ['TP.HCM'], age_groups: ['1'], sexes: ['2'], respondent_types: ['1'] };
    expect(ReportFiltersSchema.parse(ok)).toEqual(ok);
    expect(ReportFiltersSchema.safeParse({}).success).toBe(true);
    expect(ReportFiltersSchema.safeParse({ from: '30/11/2026' }).success).toBe(false);
    expect(ReportFiltersSchema.safeParse({ unit_types: ['district'] }).success).toBe(false);
    expect(ReportFiltersSchema.safeParse({ sexes: Array.from({ length: 51 }, (_, i) => String(i)) }).success).toBe(false);
    expect(ReportFiltersSchema.safeParse({ region: 'south' }).success).toBe(false);
  });
});
