// Units ranked by overall index, each with its 95% interval, the city as a dashed line (issue
// 10 §3). `units` may be one page of the ranking (the printable report splits it); `floor`
// then keeps one axis across the pages.
import type { IndexReport } from '../../../../shared/indices/index-report';
import type { UnitReport } from '../../../../shared/indices/report';
import type { Translate } from './translate';
import { IntervalChart } from './IntervalChart';
import { axisFloor, count, interval, pct } from './format';
import { rankUnits, shortName, unitName } from './names';
import { DataTable } from './DataTable';

export interface RankingChartProps {
  report: IndexReport;
  t: Translate;
  /** A slice of the ranked Units (default: all); `firstRank` is the rank of its first. */
  units?: UnitReport[];
  firstRank?: number;
  title?: string;
  floor?: number;
  table?: boolean;
}

export function rankingFloor(report: IndexReport): number {
  return axisFloor(report.units.flatMap((u) => (u.ci ? [u.ci[0], u.index] : [u.index])));
}

export function RankingChart({ report, t, units, firstRank = 1, title, floor, table = true }: RankingChartProps) {
  const ranked = units ?? rankUnits(report.units);
  const all = rankUnits(report.units).filter((u) => u.index !== null);
  const top = all[0];
  const bottom = all[all.length - 1];
  const city = report.overall.index;
  const description = t('indices.ranking.desc', {
    count: String(all.length),
    top: top ? unitName(report, top) : '–',
    topValue: pct(top?.index),
    bottom: bottom ? unitName(report, bottom) : '–',
    bottomValue: pct(bottom?.index),
    city: pct(city),
  });
  const heading = title ?? t('indices.ranking.title');
  return (
    <figure className="index-figure ranking-chart">
      <figcaption>{heading}</figcaption>
      <IntervalChart
        title={heading}
        description={description}
        floor={floor ?? rankingFloor(report)}
        reference={city === null ? null : { value: city, label: t('indices.cityShort', { value: pct(city) }) }}
        axisLabel={t('indices.axis')}
        noDataLabel={t('indices.noData')}
        rowHeight={16}
        rows={ranked.map((u, i) => {
          const name = unitName(report, u);
          return { key: u.code, label: `${firstRank + i}. ${shortName(name)}`, fullLabel: name, value: u.index, ci: u.ci, note: `n ${count(u.n)}` };
        })}
      />
      {table ? (
        <DataTable
          summary={t('indices.table.show')}
          head={[t('indices.table.rank'), t('indices.table.unit'), t('indices.table.index'), t('indices.table.ci'), t('indices.table.n')]}
          rows={ranked.map((u, i) => [String(firstRank + i), unitName(report, u), pct(u.index), interval(u.ci), count(u.n)])}
        />
      ) : null}
    </figure>
  );
}
