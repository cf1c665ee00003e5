// A Unit's component profile against the city (issue 10 §3): for each component the Unit's
// index (dot) and the city's (diamond), both with their 95% intervals.
import type { IndexReport } from '../../../../shared/indices/index-report';
import type { GroupReport } from '../../../../shared/indices/report';
import type { Translate } from './translate';
import { IntervalChart, type IntervalRow } from './IntervalChart';
import { axisFloor, count, interval, pct } from './format';
import { componentOrder } from './names';
import { DataTable } from './DataTable';

export interface ProfileChartProps {
  report: IndexReport;
  t: Translate;
  /** The Unit's indices and its display name; null shows the city alone. */
  unit: { name: string; group: GroupReport } | null;
  table?: boolean;
}

export function ProfileChart({ report, t, unit, table = true }: ProfileChartProps) {
  const components = componentOrder(report);
  const cityName = t('indices.city');
  const rows: IntervalRow[] = components.flatMap((c) => {
    const city = report.overall.components[c.id];
    const own = unit?.group.components[c.id];
    const pair: IntervalRow[] = [];
    if (unit) pair.push({ key: `${c.id}:unit`, label: c.label, fullLabel: `${c.label} — ${unit.name}`, value: own?.index ?? null, ci: own?.ci ?? null, note: own ? `n ${count(own.n)}` : '', series: 'primary' });
    pair.push({ key: `${c.id}:city`, label: unit ? cityName : c.label, fullLabel: `${c.label} — ${cityName}`, value: city?.index ?? null, ci: city?.ci ?? null, note: city ? `n ${count(city.n)}` : '', series: 'reference' });
    return pair;
  });
  const name = unit?.name ?? cityName;
  const title = unit ? t('indices.profile.title', { unit: name }) : t('indices.profile.cityTitle');
  return (
    <figure className="index-figure profile-chart">
      <figcaption>{title}</figcaption>
      <IntervalChart
        title={title}
        description={unit ? t('indices.profile.desc', { unit: name }) : t('indices.profile.cityDesc')}
        rows={rows}
        floor={axisFloor(rows.flatMap((r) => [r.value, r.ci?.[0]]))}
        groupBy={(r) => r.key.split(':')[0]!}
        rowHeight={20}
        labelWidth={240}
        axisLabel={t('indices.axis')}
        noDataLabel={t('indices.noData')}
      />
      {table ? (
        <DataTable
          summary={t('indices.table.show')}
          head={[t('indices.table.component'), t('indices.table.unit'), t('indices.table.index'), t('indices.table.ci'), t('indices.table.n')]}
          rows={components.flatMap((c) => {
            const city = report.overall.components[c.id];
            const own = unit?.group.components[c.id];
            const lines = [[c.label, cityName, pct(city?.index), interval(city?.ci), city ? count(city.n) : '–']];
            if (unit) lines.unshift([c.label, unit.name, pct(own?.index), interval(own?.ci), own ? count(own.n) : '–']);
            return lines;
          })}
        />
      ) : null}
    </figure>
  );
}
