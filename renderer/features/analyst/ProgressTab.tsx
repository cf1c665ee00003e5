// "Tiến độ": the fieldwork dashboard (analysis:dashboard) — totals and the response rate, outcomes,
// interviews by unit (by name, against the package's quotas: UnitProgressTable), by surveyor and by
// day, quality flags and missing batches. Loaded each time the tab is shown, and on "Tải lại".
import { useCallback, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT, type MessageKey } from '../../i18n';
import { useAppStore } from '../../stores';
import type { ContractError, Dashboard } from '../../../shared/contract';
import { GapList } from './GapList';
import { UnitProgressTable, unitLabel } from './UnitProgressTable';
import { isoToDateText } from '../../components/dateText';

function CountTable({ id, title, head, rows, mono = true }: { id: string; title: string; head: string[]; rows: { key: string; cells: (string | number)[]; share?: number }[]; mono?: boolean }) {
  return (
    <div className="count-table">
      <h3 id={id}>{title}</h3>
      <table className="users-table" aria-labelledby={id}>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) => (
                <td key={i} className={i === 0 && mono ? 'mono' : undefined}>
                  {c}
                </td>
              ))}
              {r.share !== undefined ? (
                <td aria-hidden="true" className="bar-cell">
                  <span className="bar" style={{ width: `${Math.round(r.share * 100)}%` }} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProgressTab({ active }: { active: boolean }) {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const r = await api.fieldworkDashboard({});
      if (r.ok) setData(r.value);
      else setError(r.error);
    } finally {
      setLoading(false);
    }
  }, [api]);
  useEffect(() => {
    if (active) void load();
  }, [active, load]);

  const outcome = (o: string) => {
    const key = `outcome.${o}` as MessageKey;
    const text = t(key);
    return text === key ? o : text;
  };
  const total = data?.totals.total ?? 0;
  const named = new Map((data?.byUnit ?? []).map((u) => [u.unitCode, u]));
  const unitName = (code: string) => {
    const u = named.get(code);
    return u ? unitLabel(u, language) : code;
  };
  const maxOf = (rows: { total: number }[]) => Math.max(1, ...rows.map((r) => r.total));

  return (
    <div className="progress-tab">
      <div className="tab-head">
        <h2>{t('analyst.progress.title')}</h2>
        {data?.survey ? <span className="muted">{`${t('analyst.progress.survey')}: ${data.survey}`}</span> : null}
        <button type="button" className="secondary small" onClick={() => void load()} disabled={loading}>
          {t('analyst.progress.refresh')}
        </button>
      </div>
      <p className="status-message neutral" role="status">
        {loading && !data ? t('analyst.progress.loading') : ''}
      </p>
      <ErrorAlert message={error ? errorText(error, language) : null} />
      {data && total === 0 ? <p className="muted">{t('analyst.progress.empty')}</p> : null}
      {data && total > 0 ? (
        <>
          <dl className="totals">
            {(
              [
                ['analyst.progress.total', data.totals.total],
                ['analyst.progress.completed', data.totals.completed],
                ['analyst.progress.responseRate', data.totals.responseRate === null ? '—' : `${data.totals.responseRate.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}%`],
                ['analyst.progress.devices', data.totals.devices],
                ['analyst.progress.batches', data.totals.batches],
                ['analyst.progress.conflicts', data.totals.unresolvedConflicts],
              ] as [MessageKey, string | number][]
            ).map(([k, v]) => (
              <div key={k}>
                <dt>{t(k)}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small-print">{t('analyst.progress.rateHint')}</p>
          <div className="dashboard-grid">
            <UnitProgressTable units={data.byUnit} totals={data.totals} />
            <CountTable
              id="dash-outcomes"
              mono={false}
              title={t('analyst.progress.outcomes')}
              head={[t('analyst.progress.outcome'), t('analyst.progress.count'), '']}
              rows={data.outcomes.map((o) => ({ key: o.outcome, cells: [outcome(o.outcome), o.n], share: o.n / total }))}
            />
            <CountTable
              id="dash-surveyors"
              title={t('analyst.progress.bySurveyor')}
              head={[t('analyst.progress.surveyor'), t('analyst.progress.completed'), t('analyst.progress.total'), '']}
              rows={data.bySurveyor.map((s) => ({ key: s.surveyorCode, cells: [s.surveyorCode, s.completed, s.total], share: s.completed / maxOf(data.bySurveyor) }))}
            />
            <CountTable
              id="dash-days"
              title={t('analyst.progress.byDay')}
              head={[t('analyst.progress.day'), t('analyst.progress.completed'), t('analyst.progress.total'), '']}
              rows={data.byDay.map((d) => ({ key: d.day, cells: [isoToDateText(d.day) || d.day, d.completed, d.total], share: d.completed / maxOf(data.byDay) }))}
            />
          </div>
          <h3>{t('analyst.progress.flags')}</h3>
          {data.flags === null ? (
            <p className="muted">{t('analyst.progress.flagsNoForm')}</p>
          ) : data.flags.flagged.length === 0 ? (
            <p className="muted">{t('analyst.progress.flagsNone')}</p>
          ) : (
            // Up to 100 flagged interviews: they scroll in their own box so the page stays short.
            <div className="table-scroll flags-scroll">
              <table className="users-table flags" aria-label={t('analyst.progress.flagged')}>
                <thead>
                  <tr>
                    <th scope="col">{t('analyst.progress.interview')}</th>
                    <th scope="col">{t('analyst.progress.unit')}</th>
                    <th scope="col">{t('analyst.progress.surveyor')}</th>
                    <th scope="col">{t('analyst.progress.flags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.flags.flagged.map((f) => (
                    <tr key={f.interviewId}>
                      <td className="mono">{f.interviewId}</td>
                      <td>{unitName(f.unitCode)}</td>
                      <td>{f.surveyorCode}</td>
                      <td>{f.flags.map((c) => t(`supervise.flag.${c}` as MessageKey)).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <GapList gaps={data.gaps} />
        </>
      ) : null}
    </div>
  );
}
