// Start an interview: survey, unit from the frame (search with or without diacritics, former
// district/province shown), the form's introduction and consent question, a respondent reference.
// Consent "no" is recorded by main as an interview closed with outcome refused.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Unit } from '../../../shared/contract';
import type { FormModel, QuestionNode } from '../../../shared/forms/model';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT } from '../../i18n';
import { useAppStore } from '../../stores';
import { getForm } from '../interview/formCache';
import { CONSENT_QUESTION, INTRO_NOTE } from '../interview/store';
import { formerPlace, searchUnits } from './unitSearch';

const SHOWN_UNITS = 12;

function findQuestion(form: FormModel | null, name: string): QuestionNode | null {
  let found: QuestionNode | null = null;
  const walk = (ns: FormModel['children']) => {
    for (const n of ns) {
      if (found) return;
      if (n.kind === 'question' && n.name === name) found = n;
      else if (n.kind !== 'question') walk(n.children);
    }
  };
  if (form) walk(form.children);
  return found;
}

export function StartScreen() {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const surveys = useAppStore((s) => s.surveys) ?? [];
  const loadUnits = useAppStore((s) => s.loadUnits);
  const start = useAppStore((s) => s.startInterview);
  const show = useAppStore((s) => s.showSurveyor);
  const error = useAppStore((s) => s.surveyorError);
  const [surveyId, setSurveyId] = useState(surveys[0]?.id ?? '');
  const [units, setUnits] = useState<Unit[]>([]);
  const [query, setQuery] = useState('');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [consent, setConsent] = useState<boolean | null>(null);
  const [respondentRef, setRespondentRef] = useState('');
  const [form, setForm] = useState<FormModel | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [refusedSerial, setRefusedSerial] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const survey = surveys.find((s) => s.id === surveyId) ?? null;

  useEffect(() => {
    if (!surveyId) return;
    void loadUnits(surveyId).then((u) => setUnits(u ?? []));
    setUnit(null);
  }, [surveyId, loadUnits]);
  useEffect(() => {
    if (!survey?.formHash) return;
    void getForm(api, survey.formHash).then((r) => setForm(r.ok ? r.form : null));
  }, [api, survey?.formHash]);

  const matches = useMemo(() => searchUnits(units, query), [units, query]);
  const lang = form?.languages.some((l) => l.code === language) ? language : (form?.defaultLanguage ?? 'vi');
  const intro = findQuestion(form, INTRO_NOTE);
  const consentQ = findQuestion(form, CONSENT_QUESTION);
  const label = (q: QuestionNode | null) => (q ? q.labels[lang] || q.labels[form?.defaultLanguage ?? 'vi'] || '' : '');

  const submit = async () => {
    if (!unit) return setProblem(t('start.needUnit'));
    if (consent === null) return setProblem(t('start.needConsent'));
    setProblem(null);
    setBusy(true);
    const r = await start({ surveyId, unitCode: unit.code, consent, ...(respondentRef.trim() ? { respondentRef: respondentRef.trim() } : {}) });
    setBusy(false);
    if (r && !consent) setRefusedSerial(r.serial);
  };
  const consentKeys = (e: KeyboardEvent) => {
    if (e.key === '1') (e.preventDefault(), setConsent(true));
    if (e.key === '2') (e.preventDefault(), setConsent(false));
  };

  return (
    <section className="card wide start" aria-labelledby="start-title">
      <h1 id="start-title">{t('start.title')}</h1>
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <label className="field">
          <span>{t('start.survey')}</span>
          <select value={surveyId} onChange={(e) => setSurveyId(e.target.value)}>
            {surveys.map((s) => (
              <option key={s.id} value={s.id}>{s.title}</option>
            ))}
          </select>
        </label>
        <fieldset className="unit-picker">
          <legend>{t('start.unit')}</legend>
          <label className="field">
            <span>{t('start.unitSearch')}</span>
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-controls="unit-results" />
          </label>
          <div id="unit-results" role="radiogroup" aria-label={t('start.unit')} className="unit-results">
            {matches.length === 0 ? <p className="muted">{t('start.unitNone')}</p> : null}
            {matches.slice(0, SHOWN_UNITS).map((u) => (
              <label key={u.code} className="choice unit">
                <input type="radio" name="unit" value={u.code} checked={unit?.code === u.code} onChange={() => setUnit(u)} />
                <span>
                  <strong>{language === 'en' && u.nameEn ? u.nameEn : u.nameVi}</strong> <span className="muted">({u.code})</span>
                  {formerPlace(u) ? <span className="former"> — {t('start.former', { place: formerPlace(u) })}</span> : null}
                </span>
              </label>
            ))}
            {matches.length > SHOWN_UNITS ? <p className="muted">{t('start.unitMore', { count: String(matches.length - SHOWN_UNITS) })}</p> : null}
          </div>
          {unit ? <p role="status">{t('start.unitChosen', { unit: `${unit.nameVi} (${unit.code})` })}</p> : null}
        </fieldset>
        {intro ? <div className="intro respondent-text">{label(intro)}</div> : null}
        <fieldset className="consent" onKeyDown={consentKeys}>
          <legend className="respondent-text">{consentQ ? label(consentQ) : t('start.consent')}</legend>
          <div role="radiogroup" aria-label={consentQ ? label(consentQ) : t('start.consent')} className="choices">
            <label className="choice">
              <input type="radio" name="consent" checked={consent === true} onChange={() => setConsent(true)} />
              <span className="code" aria-hidden="true">1</span> <span>{t('start.consentYes')}</span>
            </label>
            <label className="choice">
              <input type="radio" name="consent" checked={consent === false} onChange={() => setConsent(false)} />
              <span className="code" aria-hidden="true">2</span> <span>{t('start.consentNo')}</span>
            </label>
          </div>
        </fieldset>
        <label className="field">
          <span>{t('start.respondentRef')}</span>
          <input type="text" maxLength={64} value={respondentRef} onChange={(e) => setRespondentRef(e.target.value)} />
        </label>
        <ErrorAlert message={problem ?? (error ? errorText(error, language) : null)} />
        {refusedSerial !== null ? <p role="status" className="ok">{t('start.refused', { serial: String(refusedSerial) })}</p> : null}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => show({ name: 'home' })}>{t('start.cancel')}</button>
          <button type="submit" disabled={busy}>{t('start.submit')}</button>
        </div>
      </form>
    </section>
  );
}
