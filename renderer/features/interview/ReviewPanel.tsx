// Review and complete: unanswered required questions, rule errors and don't-know answers, each a
// link to its question; complete (main has the last word and its refusal is listed the same
// way); or end the attempt with another outcome. A completed interview is locked.
import { useState } from 'react';
import { CLOSE_OUTCOMES } from '../../../shared/contract';
import { errorText, useLanguage, useT } from '../../i18n';
import { useInterview, useInterviewHandle } from './context';
import { useFormLanguage } from './formLanguage';
import type { CloseOutcome, ReviewItem } from './store';

export function ReviewPanel() {
  const t = useT();
  const [language] = useLanguage();
  const lang = useFormLanguage();
  const handle = useInterviewHandle();
  useInterview((s) => s.version);
  const summary = useInterview((s) => s.summary);
  const busy = useInterview((s) => s.busy);
  const actionError = useInterview((s) => s.actionError);
  const goToQuestion = useInterview((s) => s.goToQuestion);
  const complete = useInterview((s) => s.complete);
  const close = useInterview((s) => s.close);
  const back = useInterview((s) => s.back);
  const [outcome, setOutcome] = useState<CloseOutcome>('partial');
  const [note, setNote] = useState('');
  const items = handle.review(lang);
  const draft = summary.status === 'draft';
  const labelOf = (path: string) => {
    try {
      return handle.runtime.renderLabel(path, lang) || path;
    } catch {
      return path;
    }
  };
  const mainIssues = actionError?.code === 'interview_incomplete' ? (actionError.issues ?? []) : [];

  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      {summary.status === 'completed' ? (
        <p role="status" className="ok">
          {t('review.completed')} {summary.outcome ? `(${t(`outcome.${summary.outcome}`)})` : ''}
        </p>
      ) : null}
      {draft ? (
        items.length === 0 ? (
          <p className="ok">{t('review.ok')}</p>
        ) : (
          <ul className="review-list">
            {items.map((item: ReviewItem) => (
              <li key={`${item.path}-${item.kind}`} className={`review-${item.kind}`}>
                <span className="badge">{t(`review.${item.kind}`)}</span>{' '}
                <button type="button" className="link" onClick={() => void goToQuestion(item.path)}>
                  {labelOf(item.path)}
                </button>
                {item.message ? <span className="muted"> — {item.message}</span> : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {actionError ? (
        <div role="alert" className="alert">
          <p>{mainIssues.length ? t('review.issues') : errorText(actionError, language)}</p>
          {mainIssues.length ? (
            <ul>
              {mainIssues.map((i) => (
                <li key={i.path}>
                  <button type="button" className="link" onClick={() => void goToQuestion(i.path)}>{labelOf(i.path)}</button> — {i.problem}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {draft ? (
        <>
          <div className="review-actions">
            <button type="button" className="secondary" onClick={() => void back()}>{t('iv.back')}</button>
            <button type="button" onClick={() => void complete()} disabled={busy}>{t('review.complete')}</button>
          </div>
          <fieldset className="close-outcome">
            <legend>{t('review.close')}</legend>
            <label>
              {t('review.close')}
              <select value={outcome} onChange={(e) => setOutcome(e.target.value as CloseOutcome)}>
                {CLOSE_OUTCOMES.map((o) => (
                  <option key={o} value={o}>{t(`outcome.${o}`)}</option>
                ))}
              </select>
            </label>
            <label>
              {t('review.closeNote')}
              <input type="text" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="button" className="secondary" disabled={busy} onClick={() => void close(outcome, note.trim() || undefined)}>
              {t('review.closeSubmit')}
            </button>
          </fieldset>
        </>
      ) : null}
    </section>
  );
}
