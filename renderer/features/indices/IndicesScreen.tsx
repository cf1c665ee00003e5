// The analyst's "Chỉ số" tab (issue 10 §3): filters, the Units ranked by overall index with their
// intervals, a Unit's component profile against the city, the item breakdown of a component, and
// "Xuất PDF / In". The report comes from `loadReport` (the lead passes the contract call), so the
// screen holds no data access of its own; printing defaults to the page's print (app.css hides
// the controls on paper; Electron's print dialog can save as PDF).
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { DateField } from '../../components/DateField';
import { isoToDateText } from '../../components/dateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import type { IndexReport, ReportChoice, ReportFilters, UnitType } from '../../../shared/indices/index-report';
import { RankingChart } from './charts/RankingChart';
import { ProfileChart } from './charts/ProfileChart';
import { ItemChart } from './charts/ItemChart';
import { componentOrder, rankUnits, unitName } from './charts/names';
import { count, day, interval, pct } from './charts/format';

export interface IndicesScreenProps {
  loadReport: (filters: ReportFilters) => Promise<IndexReport>;
  /** Print or save as PDF the report of these filters (the ones applied); default: the page's print. */
  onPrint?: (filters: ReportFilters) => void;
  /**
   * Replaces the print button with the face's own report action (the app: "Xuất báo cáo PDF"),
   * given the filters applied and whether a report with Interviews is on screen.
   */
  reportAction?: (filters: ReportFilters, ready: boolean) => ReactNode;
}

type ListKey = 'unit_types' | 'former_provinces' | 'age_groups' | 'sexes' | 'respondent_types';

/** Filters without empty fields: what the request carries. */
function cleaned(f: ReportFilters): ReportFilters {
  const out: ReportFilters = {};
  if (f.survey) out.survey = f.survey;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  for (const key of ['unit_types', 'former_provinces', 'age_groups', 'sexes', 'respondent_types'] as const) {
    const v = f[key];
    if (v && v.length > 0) (out as Record<ListKey, string[]>)[key] = [...v];
  }
  return out;
}

function CheckList({ legend, name, choices, chosen, onToggle }: { legend: string; name: ListKey; choices: ReportChoice[]; chosen: string[]; onToggle: (code: string) => void }) {
  if (choices.length === 0) return null;
  return (
    <fieldset className="filter-list">
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.code}>
          <input type="checkbox" name={name} value={c.code} checked={chosen.includes(c.code)} onChange={() => onToggle(c.code)} /> {c.label}
        </label>
      ))}
    </fieldset>
  );
}

export function IndicesScreen({ loadReport, onPrint, reportAction }: IndicesScreenProps) {
  const t = useT();
  const [draft, setDraft] = useState<ReportFilters>({});
  const [applied, setApplied] = useState<ReportFilters>({});
  const [report, setReport] = useState<IndexReport | null>(null);
  const [frame, setFrame] = useState<IndexReport['frame'] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [componentId, setComponentId] = useState<string | null>(null);
  // The date range as the two fields give it: ISO, '' for none, null while a field is not a date.
  const [dates, setDates] = useState<{ from: string | null; to: string | null }>({ from: '', to: '' });
  const [datesTried, setDatesTried] = useState(false);
  const request = useRef(0);

  const load = useCallback(
    (filters: ReportFilters) => {
      const mine = ++request.current;
      setApplied(cleaned(filters));
      setLoading(true);
      setError(null);
      loadReport(cleaned(filters)).then(
        (r) => {
          if (mine !== request.current) return;
          setReport(r);
          if (r.frame) setFrame(r.frame);
          setLoading(false);
        },
        (e: unknown) => {
          if (mine !== request.current) return;
          setError(t('indices.error', { message: e instanceof Error ? e.message : String(e) }));
          setLoading(false);
        },
      );
    },
    [loadReport, t],
  );

  useEffect(() => {
    load({});
    // Only a new data source reloads by itself (not a language switch); filters wait for "apply".
  }, [loadReport]);

  const toggle = (key: ListKey, code: string) =>
    setDraft((d) => {
      const now = (d[key] ?? []) as string[];
      return { ...d, [key]: now.includes(code) ? now.filter((c) => c !== code) : [...now, code] };
    });

  // "Từ" after "đến" is refused before any request, said under the two fields.
  const reversed = dates.from && dates.to && dates.from > dates.to ? t('indices.filter.badRange', { from: isoToDateText(dates.from), to: isoToDateText(dates.to) }) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (dates.from === null || dates.to === null || reversed) {
      setDatesTried(true);
      return;
    }
    setDatesTried(false);
    load({ ...draft, from: dates.from || undefined, to: dates.to || undefined });
  };
  const clear = () => {
    const kept: ReportFilters = draft.survey ? { survey: draft.survey } : {};
    setDraft(kept);
    setDates({ from: '', to: '' });
    setDatesTried(false);
    load(kept);
  };

  const ranked = report ? rankUnits(report.units) : [];
  const chosenUnit = report ? (unitCode === '' ? null : (report.units.find((u) => u.code === unitCode) ?? ranked.find((u) => u.index !== null) ?? null)) : null;
  const components = report ? componentOrder(report) : [];
  const component = components.find((c) => c.id === componentId) ?? components[0];
  const scope = report ? (chosenUnit ? { name: unitName(report, chosenUnit), group: chosenUnit } : { name: t('indices.city'), group: report.overall }) : null;
  const unitTypes: ReportChoice[] = (frame?.unit_types ?? []).map((u: UnitType) => ({ code: u, label: t(`indices.unitType.${u}` as const) }));

  return (
    <section className="indices-screen" aria-labelledby="indices-title">
      <header className="indices-header">
        <h2 id="indices-title">{t('indices.title')}</h2>
        {reportAction ? (
          reportAction(applied, Boolean(report && !loading && report.overall.n > 0))
        ) : (
          <button type="button" className="secondary" onClick={() => (onPrint ? onPrint(applied) : window.print())} disabled={!report || report.overall.n === 0}>
            {t('indices.print')}
          </button>
        )}
      </header>

      <form className="indices-filters" aria-label={t('indices.filters')} onSubmit={submit}>
        {frame && frame.surveys.length > 1 ? (
          <label>
            {t('indices.filter.survey')}{' '}
            <select value={draft.survey ?? report?.survey ?? ''} onChange={(e) => setDraft((d) => ({ ...d, survey: e.target.value }))}>
              {frame.surveys.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <fieldset className="date-range">
          <legend className="visually-hidden">{t('indices.filter.period')}</legend>
          <DateField label={t('indices.filter.from')} name="from" value={dates.from} onChange={(from) => setDates((d) => ({ ...d, from }))} showProblem={datesTried} invalid={reversed !== null} describedBy={reversed ? 'date-range-problem' : undefined} />
          <DateField label={t('indices.filter.to')} name="to" value={dates.to} onChange={(to) => setDates((d) => ({ ...d, to }))} showProblem={datesTried} invalid={reversed !== null} describedBy={reversed ? 'date-range-problem' : undefined} />
          {reversed ? (
            <p className="field-problem" id="date-range-problem" role="alert">
              {reversed}
            </p>
          ) : null}
        </fieldset>
        <CheckList legend={t('indices.filter.unitTypes')} name="unit_types" choices={unitTypes} chosen={draft.unit_types ?? []} onToggle={(c) => toggle('unit_types', c)} />
        <CheckList
          legend={t('indices.filter.provinces')}
          name="former_provinces"
          choices={(frame?.former_provinces ?? []).map((p) => ({ code: p, label: p }))}
          chosen={draft.former_provinces ?? []}
          onToggle={(c) => toggle('former_provinces', c)}
        />
        <CheckList legend={t('indices.filter.ageGroups')} name="age_groups" choices={frame?.age_groups ?? []} chosen={draft.age_groups ?? []} onToggle={(c) => toggle('age_groups', c)} />
        <CheckList legend={t('indices.filter.sexes')} name="sexes" choices={frame?.sexes ?? []} chosen={draft.sexes ?? []} onToggle={(c) => toggle('sexes', c)} />
        <CheckList legend={t('indices.filter.respondentTypes')} name="respondent_types" choices={frame?.respondent_types ?? []} chosen={draft.respondent_types ?? []} onToggle={(c) => toggle('respondent_types', c)} />
        <div className="button-row">
          <button type="submit" disabled={loading}>
            {t('indices.filter.apply')}
          </button>
          <button type="button" className="secondary" onClick={clear} disabled={loading}>
            {t('indices.filter.clear')}
          </button>
        </div>
      </form>

      <ErrorAlert message={error} />
      {loading ? (
        <p className="muted" role="status">
          {t('indices.loading')}
        </p>
      ) : null}
      {report && !loading && report.overall.n === 0 ? (
        <p className="muted" role="status">
          {t('indices.empty')}
        </p>
      ) : null}
      {report && report.overall.n > 0 && scope && component ? (
        <div className="indices-charts">
          <p className="indices-summary">
            {t('indices.summary', {
              index: pct(report.overall.index),
              ci: interval(report.overall.ci),
              n: count(report.overall.n),
              units: count(report.units.length),
              from: day(report.period?.from),
              to: day(report.period?.to),
            })}{' '}
            {t('indices.excluded', { conflicts: count(report.excluded.conflicts), notCompleted: count(report.excluded.not_completed) })}
          </p>
          <RankingChart report={report} t={t} units={ranked} />
          <div className="chart-controls">
            <label>
              {t('indices.profile.unit')}{' '}
              <select value={chosenUnit?.code ?? ''} onChange={(e) => setUnitCode(e.target.value)}>
                <option value="">{t('indices.city')}</option>
                {[...report.units]
                  .map((u) => ({ code: u.code, name: unitName(report, u) }))
                  .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
                  .map((u) => (
                    <option key={u.code} value={u.code}>
                      {u.name}
                    </option>
                  ))}
              </select>
            </label>
          </div>
          <ProfileChart report={report} t={t} unit={chosenUnit ? { name: unitName(report, chosenUnit), group: chosenUnit } : null} />
          <div className="chart-controls">
            <label>
              {t('indices.items.component')}{' '}
              <select value={component.id} onChange={(e) => setComponentId(e.target.value)}>
                {components.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ItemChart report={report} t={t} component={component} scope={scope} />
        </div>
      ) : null}
    </section>
  );
}
