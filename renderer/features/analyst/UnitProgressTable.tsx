// The dashboard's "Theo đơn vị": each Unit by its name from the package frame (its code beside it),
// completed / interviews / quota / percent of quota, in the order the service gives (furthest
// behind quota first, then Units without a quota by name), and a total row. With 168 Units the
// table scrolls inside its panel, its header and total row kept in view (app.css).
import type { Dashboard } from '../../../shared/contract';
import { useLanguage, useT } from '../../i18n';

type UnitRow = Dashboard['byUnit'][number];

export function unitLabel(u: Pick<UnitRow, 'unitCode' | 'nameVi' | 'nameEn'>, language: string): string {
  return (language === 'en' ? (u.nameEn ?? u.nameVi) : u.nameVi) ?? u.unitCode;
}

export function UnitProgressTable({ units, totals }: { units: UnitRow[]; totals: Dashboard['totals'] }) {
  const t = useT();
  const [language] = useLanguage();
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  const percent = (p: number | null) => (p === null ? t('analyst.progress.noQuota') : `${p.toLocaleString(locale, { maximumFractionDigits: 1 })}%`);
  const quota = (q: number | null) => (q === null ? t('analyst.progress.noQuota') : q);
  const maxTotal = Math.max(1, ...units.map((u) => u.total));
  // The bar: share of the quota (full at 100 %), or of the largest Unit when there is no quota.
  const share = (u: UnitRow) => (u.percent !== null ? Math.min(1, u.percent / 100) : u.quota === null ? u.completed / maxTotal : 1);
  const completed = units.reduce((n, u) => n + u.completed, 0);
  const total = units.reduce((n, u) => n + u.total, 0);
  return (
    <div className="count-table unit-progress">
      <h3 id="dash-units">{t('analyst.progress.byUnit')}</h3>
      <p className="muted small-print">{t(totals.quota === null ? 'analyst.progress.unitOrderNoQuota' : 'analyst.progress.unitOrder')}</p>
      <div className="table-scroll">
        <table className="users-table" aria-labelledby="dash-units">
          <thead>
            <tr>
              <th scope="col">{t('analyst.progress.unit')}</th>
              <th scope="col">{t('analyst.progress.code')}</th>
              <th scope="col" className="num">{t('analyst.progress.completed')}</th>
              <th scope="col" className="num">{t('analyst.progress.total')}</th>
              <th scope="col" className="num">{t('analyst.progress.quota')}</th>
              <th scope="col" className="num">{t('analyst.progress.percent')}</th>
              <th scope="col" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitCode} className={u.percent !== null && u.percent < 100 ? 'behind' : undefined}>
                <td className="unit-name">{unitLabel(u, language)}</td>
                <td className="mono muted">{u.unitCode}</td>
                <td className="num">{u.completed}</td>
                <td className="num">{u.total}</td>
                <td className="num">{quota(u.quota)}</td>
                <td className="num">{percent(u.percent)}</td>
                <td aria-hidden="true" className="bar-cell">
                  <span className={u.percent !== null && u.percent >= 100 ? 'bar done' : 'bar'} style={{ width: `${Math.round(share(u) * 100)}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('analyst.progress.unitTotal')}
              </th>
              <td className="num">{completed}</td>
              <td className="num">{total}</td>
              <td className="num">{quota(totals.quota)}</td>
              <td className="num">{percent(totals.quotaPercent)}</td>
              <td aria-hidden="true" />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
