// IndexReport fixtures for the index charts and the printable report: Units with given overall
// indices and intervals, two components (ACC with two items, CIV with one), the frame's labels.
import type { IndexReport } from '../../shared/indices/index-report';
import type { GroupReport, UnitReport } from '../../shared/indices/report';

function group(index: number | null, n: number): GroupReport {
  if (index === null) return { index: null, n: 0, ci: null, components: {}, components_missing: ['ACC', 'CIV'] };
  const ci = (x: number, w: number): [number, number] => [Math.max(0, Math.round((x - w) * 10) / 10), Math.min(100, Math.round((x + w) * 10) / 10)];
  return {
    index,
    n,
    ci: ci(index, 4),
    components: {
      ACC: {
        index: Math.min(100, index + 2),
        n,
        ci: ci(index + 2, 5),
        items: {
          ACC1: { index: Math.min(100, index + 5), mean: 4.21, n, ci: ci(index + 5, 6) },
          ACC2: { index: Math.max(0, index - 1), mean: 3.9, n: n - 1, ci: ci(index - 1, 6) },
        },
      },
      CIV: { index: Math.max(0, index - 2), n, ci: ci(index - 2, 5), items: { CIV1: { index: Math.max(0, index - 2), mean: 4.02, n, ci: ci(index - 2, 5) } } },
    },
    components_missing: [],
  };
}

export function unit(code: string, name: string, index: number | null, n = 40): UnitReport {
  return { code, name, ...group(index, n) };
}

export function fixtureReport(units: UnitReport[] = DEFAULT_UNITS, overrides: Partial<IndexReport> = {}): IndexReport {
  const n = units.reduce((s, u) => s + u.n, 0);
  return {
    survey: 'hids-2026',
    generated_at: '2026-12-01T03:00:00.000Z',
    overall: n === 0 ? { ...group(null, 0) } : group(82.4, n),
    units,
    excluded: { conflicts: 1, not_completed: 7 },
    filters: { survey: 'hids-2026' },
    period: n === 0 ? { from: null, to: null } : { from: '2026-11-02', to: '2026-11-30' },
    frame: {
      surveys: ['hids-2026'],
      unit_types: ['ward', 'commune', 'special_zone'],
      former_provinces: ['Bà Rịa - Vũng Tàu', 'Bình Dương', 'TP.HCM'],
      age_groups: [
        { code: '1', label: 'Từ 18 - 24 tuổi' },
        { code: '2', label: 'Từ 25-34 tuổi' },
      ],
      sexes: [
        { code: '1', label: 'Nam' },
        { code: '2', label: 'Nữ' },
      ],
      respondent_types: [
        { code: '1', label: 'Người dân' },
        { code: '2', label: 'Đại diện tổ chức, doanh nghiệp' },
      ],
      components: [
        { code: 'ACC', label: 'Tiếp cận' },
        { code: 'CIV', label: 'Công chức' },
      ],
      items: { ACC1: 'Cơ quan cung cấp thông tin dễ tiếp cận', ACC2: 'Trụ sở có biển hiệu rõ ràng', CIV1: 'Công chức lịch sự, tôn trọng' },
      units: {},
    },
    ...overrides,
  };
}

export const DEFAULT_UNITS: UnitReport[] = [
  unit('26734', 'Phường Sài Gòn', 78.5),
  unit('25747', 'Phường Thủ Dầu Một (Bình Dương cũ: TP. Thủ Dầu Một)', 91.2),
  unit('26500', 'Đặc khu Côn Đảo', 84),
  unit('27001', 'Xã Cần Giờ', null, 0),
];
