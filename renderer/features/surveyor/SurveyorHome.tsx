// The surveyor's home: installed surveys (start a new interview), their own interviews by status
// (drafts to continue, completed, sent back with the supervisor's comment) with counts, counts by
// unit, a search by unit or respondent reference, and each survey's quotas (when it has any).
import { useEffect, useMemo, useState } from 'react';
import { INTERVIEW_STATUSES, type InterviewSummary, type Unit } from '../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT } from '../../i18n';
import { useAppStore } from '../../stores';
import { formatTimestamp } from '../interview/dates';
import { QuotaList } from '../quotas/QuotaList';
import { fold, formerPlace } from './unitSearch';

export function SurveyorHome() {
  const t = useT();
  const [language] = useLanguage();
  const surveys = useAppStore((s) => s.surveys);
  const interviews = useAppStore((s) => s.interviews);
  const units = useAppStore((s) => s.units);
  const error = useAppStore((s) => s.surveyorError);
  const load = useAppStore((s) => s.loadSurveyorHome);
  const loadUnits = useAppStore((s) => s.loadUnits);
  const show = useAppStore((s) => s.showSurveyor);
  const open = useAppStore((s) => s.openInterview);
  const [query, setQuery] = useState('');

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    for (const s of surveys ?? []) void loadUnits(s.id);
  }, [surveys, loadUnits]);

  const unitOf = useMemo(() => {
    const m = new Map<string, Unit>();
    for (const list of Object.values(units)) for (const u of list) m.set(u.code, u);
    return m;
  }, [units]);
  const unitName = (code: string) => unitOf.get(code)?.nameVi ?? code;

  const list = interviews ?? [];
  const q = fold(query.trim());
  const shown = q
    ? list.filter((i) => fold(`${unitName(i.unitCode)} ${i.unitCode} ${i.respondentRef ?? ''} ${unitOf.get(i.unitCode) ? formerPlace(unitOf.get(i.unitCode) as Unit) : ''}`).includes(q))
    : list;
  const byUnit = new Map<string, number>();
  for (const i of shown) byUnit.set(i.unitCode, (byUnit.get(i.unitCode) ?? 0) + 1);

  return (
    <div className="surveyor-home">
      <section className="card wide" aria-labelledby="surveys-title">
        <h2 id="surveys-title">{t('survey.home.surveys')}</h2>
        <ErrorAlert message={error ? errorText(error, language) : null} />
        {surveys === null ? <p className="muted">{t('app.loading')}</p> : null}
        {surveys?.length === 0 ? <p>{t('survey.home.noSurveys')}</p> : null}
        <ul className="plain">
          {surveys?.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong> <span className="muted">({s.formVersion ?? '—'} · {t('survey.home.units', { count: String(s.unitCount) })})</span>
              <QuotaList surveyId={s.id} hideWhenEmpty />
            </li>
          ))}
        </ul>
        {surveys?.length ? (
          <button type="button" onClick={() => show({ name: 'start' })}>{t('survey.home.start')}</button>
        ) : null}
      </section>

      <section className="card wide" aria-labelledby="mine-title">
        <h2 id="mine-title">{t('survey.home.title')}</h2>
        <label className="field">
          <span>{t('survey.home.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {list.length === 0 && interviews !== null ? <p className="muted">{t('survey.home.empty')}</p> : null}
        {INTERVIEW_STATUSES.map((status) => {
          const group = shown.filter((i) => i.status === status);
          if (group.length === 0) return null;
          return (
            <section key={status} aria-labelledby={`status-${status}`}>
              <h3 id={`status-${status}`}>
                {t(`status.${status}`)} <span className="count">({group.length})</span>
              </h3>
              <ul className="interviews">
                {group.map((i) => (
                  <InterviewRow key={i.id} interview={i} unit={unitName(i.unitCode)} onOpen={() => open(i.id)} />
                ))}
              </ul>
            </section>
          );
        })}
        {byUnit.size > 0 ? (
          <details>
            <summary>{t('survey.home.byUnit')}</summary>
            <table className="by-unit">
              <tbody>
                {[...byUnit].map(([code, n]) => (
                  <tr key={code}>
                    <th scope="row">{unitName(code)} <span className="muted">({code})</span></th>
                    <td>{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>
    </div>
  );
}

function InterviewRow({ interview: i, unit, onOpen }: { interview: InterviewSummary; unit: string; onOpen: () => void }) {
  const t = useT();
  return (
    <li className={`interview status-${i.status}`}>
      <div>
        <strong>{t('survey.home.serial', { serial: String(i.serial) })}</strong> · {unit}
        {i.respondentRef ? <> · {i.respondentRef}</> : null}
        <span className="muted">
          {' '}· {t('survey.home.answers', { count: String(i.answerCount) })} · {t('survey.home.updated', { date: formatTimestamp(i.updatedAt) })}
          {i.outcome ? <> · {t(`outcome.${i.outcome}`)}</> : null}
        </span>
        {i.status === 'rejected' && i.comment ? <p className="comment">“{i.comment}”</p> : null}
      </div>
      <button type="button" className={i.status === 'draft' ? undefined : 'secondary'} onClick={onOpen} aria-label={`${i.status === 'draft' ? t('survey.home.continue') : t('survey.home.open')} — ${t('survey.home.serial', { serial: String(i.serial) })}`}>
        {i.status === 'draft' ? t('survey.home.continue') : t('survey.home.open')}
      </button>
    </li>
  );
}
