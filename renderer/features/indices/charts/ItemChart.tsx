// The item breakdown of one component (issue 10 §3): each question's index with its 95%
// (Wilson) interval and its mean score, for the city or one Unit.
import type { IndexReport } from '../../../../shared/indices/index-report';
import type { GroupReport } from '../../../../shared/indices/report';
import type { Translate } from './translate';
import { IntervalChart } from './IntervalChart';
import { axisFloor, count, interval, mean, pct } from './format';
import { DataTable } from './DataTable';

export interface ItemChartProps {
  report: IndexReport;
  t: Translate;
  component: { id: string; label: string };
  /** Whose items: the city's (report.overall) or a Unit's, with the name shown in the text. */
  scope: { name: string; group: GroupReport };
  table?: boolean;
}

export function ItemChart({ report, t, component, scope, table = true }: ItemChartProps) {
  const items = Object.entries(scope.group.components[component.id]?.items ?? {});
  const labels = report.frame?.items ?? {};
  const rows = items.map(([q, it]) => ({
    key: q,
    label: q,
    fullLabel: labels[q] ? `${q}. ${labels[q]}` : q,
    value: it.index,
    ci: it.ci,
    note: it.mean === null ? '' : t('indices.items.mean', { mean: mean(it.mean) }),
  }));
  const title = t('indices.items.title', { component: component.label });
  return (
    <figure className="index-figure item-chart">
      <figcaption>
        {title} — {scope.name}
      </figcaption>
      <IntervalChart
        title={`${title} — ${scope.name}`}
        description={t('indices.items.desc', { component: component.label, scope: scope.name })}
        rows={rows}
        floor={axisFloor(rows.flatMap((r) => [r.value, r.ci?.[0]]))}
        rowHeight={20}
        labelWidth={120}
        axisLabel={t('indices.axis')}
        noDataLabel={t('indices.noData')}
      />
      {table ? (
        <DataTable
          summary={t('indices.table.show')}
          head={[t('indices.table.code'), t('indices.table.item'), t('indices.table.index'), t('indices.table.ci'), t('indices.table.mean'), t('indices.table.n')]}
          rows={items.map(([q, it]) => [q, labels[q] ?? q, pct(it.index), interval(it.ci), mean(it.mean), count(it.n)])}
        />
      ) : null}
    </figure>
  );
}
