// A survey's quotas on this laptop, one line per unit: "Phường Bến Thành 12/30" (interviews with
// outcome completed, past draft, against the target). For the surveyor's home; the core answers
// survey:quotas to anyone signed in. `hideWhenEmpty`: the surveyor's home lists every installed
// survey and only those with quotas get the list (nothing while loading or for a survey without).
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT } from '../../i18n';
import { useAppStore } from '../../stores';
import type { ContractError, QuotaProgress } from '../../../shared/contract';

export function QuotaList({ surveyId, hideWhenEmpty = false }: { surveyId: string; hideWhenEmpty?: boolean }) {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const [quotas, setQuotas] = useState<QuotaProgress[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  useEffect(() => {
    let live = true;
    setQuotas(null);
    setError(null);
    void api.listQuotas({ surveyId }).then((answer) => {
      if (!live) return;
      if (answer.ok) setQuotas(answer.value);
      else setError(answer.error);
    });
    return () => {
      live = false;
    };
  }, [api, surveyId]);

  if (hideWhenEmpty && !error && (quotas === null || quotas.length === 0)) return null;
  return (
    <section className="quota-list" aria-labelledby={`quotas-${surveyId}`}>
      <h3 id={`quotas-${surveyId}`}>{t('quotas.title')}</h3>
      <ErrorAlert message={error ? errorText(error, language) : null} />
      {quotas === null ? (
        error ? null : <p className="muted">{t('quotas.loading')}</p>
      ) : quotas.length === 0 ? (
        <p className="muted">{t('quotas.empty')}</p>
      ) : (
        // Focusable: a long list scrolls inside its box (app.css), and a keyboard must reach it.
        <ul aria-labelledby={`quotas-${surveyId}`} tabIndex={0}>
          {quotas.map((q) => {
            const name = (language === 'en' ? q.nameEn : null) ?? q.nameVi ?? q.unitCode;
            return (
              <li key={q.unitCode}>
                <span className="quota-unit">{name}</span>{' '}
                <span className="quota-count">{t('quotas.progress', { done: String(q.completed), target: String(q.target) })}</span>
                <progress value={Math.min(q.completed, q.target)} max={Math.max(q.target, 1)} aria-label={`${name} ${q.completed}/${q.target}`} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
