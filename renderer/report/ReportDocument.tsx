// The printable index report (issue 10 §5, docs/report.md): survey, period and sample sizes, the
// city's indices by component and by question, the Units ranked with their intervals, the Unit
// table and the method in plain words. Drawn with the same chart components as the analyst's
// screen; rendered to static HTML (renderer/report/html.tsx), so the file carries no script.
import type { IndexReport, ReportFilters } from '../../shared/indices/index-report';
import type { Translate } from '../features/indices/charts/translate';
import { RankingChart, rankingFloor } from '../features/indices/charts/RankingChart';
import { ProfileChart } from '../features/indices/charts/ProfileChart';
import { ItemChart } from '../features/indices/charts/ItemChart';
import { componentOrder, rankUnits, unitName } from '../features/indices/charts/names';
import { count, day, interval, pct } from '../features/indices/charts/format';
import { MethodNotes } from './MethodNotes';

/** Units per page of the ranking: one A4 page each, at the chart's row height. */
export const RANKING_ROWS_PER_PAGE = 45;

function filterLines(report: IndexReport, t: Translate): string[] {
  const f: ReportFilters = report.filters ?? {};
  const frame = report.frame;
  const labels = (codes: string[] | undefined, choices: { code: string; label: string }[] | undefined) => (codes ?? []).map((c) => choices?.find((x) => x.code === c)?.label ?? c).join(', ');
  const lines: string[] = [];
  if (f.from || f.to) lines.push(`${t('indices.filter.from')} ${f.from ? day(f.from) : '…'} ${t('indices.filter.to').toLowerCase()} ${f.to ? day(f.to) : '…'}`);
  if (f.unit_types?.length) lines.push(`${t('indices.filter.unitTypes')}: ${f.unit_types.map((u) => t(`indices.unitType.${u}` as const)).join(', ')}`);
  if (f.former_provinces?.length) lines.push(`${t('indices.filter.provinces')}: ${f.former_provinces.join(', ')}`);
  if (f.age_groups?.length) lines.push(`${t('indices.filter.ageGroups')}: ${labels(f.age_groups, frame?.age_groups)}`);
  if (f.sexes?.length) lines.push(`${t('indices.filter.sexes')}: ${labels(f.sexes, frame?.sexes)}`);
  if (f.respondent_types?.length) lines.push(`${t('indices.filter.respondentTypes')}: ${labels(f.respondent_types, frame?.respondent_types)}`);
  return lines;
}

export function ReportDocument({ report, t }: { report: IndexReport; t: Translate }) {
  const ranked = rankUnits(report.units);
  const withIndex = ranked.filter((u) => u.index !== null);
  const pages: (typeof ranked)[] = [];
  for (let i = 0; i < ranked.length; i += RANKING_ROWS_PER_PAGE) pages.push(ranked.slice(i, i + RANKING_ROWS_PER_PAGE));
  const floor = rankingFloor(report);
  const components = componentOrder(report);
  const filters = filterLines(report, t);
  const city = { name: t('indices.city'), group: report.overall };
  return (
    <main className="report">
      <header className="report-title">
        <h1>Báo cáo chỉ số hài lòng</h1>
        <p className="subtitle">
          Khảo sát <strong>{report.survey}</strong> · lập ngày {day(report.generated_at.slice(0, 10))}
        </p>
      </header>

      <section id="thong-tin" aria-labelledby="h-thong-tin">
        <h2 id="h-thong-tin">1. Thông tin chung</h2>
        <table className="facts">
          <tbody>
            <tr>
              <th scope="row">Thời gian khảo sát</th>
              <td>{report.period?.from ? `${day(report.period.from)} – ${day(report.period.to)}` : '–'}</td>
            </tr>
            <tr>
              <th scope="row">Số người trả lời được tính</th>
              <td>{count(report.overall.n)}</td>
            </tr>
            <tr>
              <th scope="row">Số đơn vị có số liệu</th>
              <td>
                {count(withIndex.length)} / {count(report.units.length)}
              </td>
            </tr>
            <tr>
              <th scope="row">Cỡ mẫu mỗi đơn vị</th>
              <td>{withIndex.length ? `từ ${count(Math.min(...withIndex.map((u) => u.n)))} đến ${count(Math.max(...withIndex.map((u) => u.n)))} người` : '–'}</td>
            </tr>
            <tr>
              <th scope="row">Không tính</th>
              <td>
                {count(report.excluded.conflicts)} phỏng vấn đang xung đột, {count(report.excluded.not_completed)} phỏng vấn không hoàn thành
              </td>
            </tr>
            <tr>
              <th scope="row">Bộ lọc</th>
              <td>{filters.length ? filters.join('; ') : 'không lọc (toàn bộ phỏng vấn được tính)'}</td>
            </tr>
          </tbody>
        </table>
        <p className="headline">
          Chỉ số hài lòng chung của toàn thành phố: <strong>{pct(report.overall.index)}%</strong> (khoảng tin cậy 95%: {interval(report.overall.ci)}).
        </p>
      </section>

      <section id="thanh-phan" aria-labelledby="h-thanh-phan">
        <h2 id="h-thanh-phan">2. Chỉ số theo thành phần</h2>
        <ProfileChart report={report} t={t} unit={null} table={false} />
        {components.map((c) => (
          <ItemChart key={c.id} report={report} t={t} component={{ id: c.id, label: c.label }} scope={city} table={false} />
        ))}
      </section>

      <section id="xep-hang" aria-labelledby="h-xep-hang">
        <h2 id="h-xep-hang">3. Xếp hạng đơn vị</h2>
        {pages.map((page, i) => (
          <RankingChart
            key={i}
            report={report}
            t={t}
            units={page}
            firstRank={i * RANKING_ROWS_PER_PAGE + 1}
            floor={floor}
            table={false}
            title={pages.length > 1 ? t('indices.ranking.part', { part: String(i + 1), parts: String(pages.length) }) : undefined}
          />
        ))}
      </section>

      <section id="bang-don-vi" aria-labelledby="h-bang-don-vi">
        <h2 id="h-bang-don-vi">4. Bảng chỉ số theo đơn vị</h2>
        <table className="unit-table">
          <thead>
            <tr>
              <th scope="col">Hạng</th>
              <th scope="col">Mã</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">n</th>
              <th scope="col">Chỉ số (%)</th>
              <th scope="col">KTC 95%</th>
              {components.map((c) => (
                <th key={c.id} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranked.map((u, i) => (
              <tr key={u.code}>
                <td>{u.index === null ? '' : i + 1}</td>
                <td>{u.code}</td>
                <th scope="row">{unitName(report, u)}</th>
                <td>{count(u.n)}</td>
                <td>{pct(u.index)}</td>
                <td>{interval(u.ci)}</td>
                {components.map((c) => (
                  <td key={c.id}>{pct(u.components[c.id]?.index)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <MethodNotes />
    </main>
  );
}
