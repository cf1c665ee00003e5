// One interview opened for review: its flags, every answer with the question's label, and the
// paradata timeline. Approve and reject live in the panel (buttons here, keys there).
import { useMemo } from 'react';
import type { ReviewDetail } from '../../../shared/contract';
import type { FormModel } from '../../../shared/forms/model';
import { type Language, type MessageKey, type Translate } from '../../i18n';
import { answerText, questionLabel, questionsByName } from './labels';

interface Props {
  detail: ReviewDetail;
  form: FormModel | null;
  t: Translate;
  language: Language;
}

export function ReviewDetailView({ detail, form, t, language }: Props) {
  const questions = useMemo(() => questionsByName(form), [form]);
  return (
    <>
      {detail.flags.length ? (
        <>
          <h3>{t('supervise.detail.flags')}</h3>
          <ul className="review-flags">
            {detail.flags.map((f) => (
              <li key={f.code}>{language === 'vi' ? f.vi : f.en}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 id="review-answers">{t('supervise.detail.answers')}</h3>
      <table className="users-table review-answers" aria-labelledby="review-answers">
        <thead>
          <tr>
            <th scope="col">{t('supervise.detail.question')}</th>
            <th scope="col">{t('supervise.detail.answer')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.answers.map((a) => (
            <tr key={a.path}>
              <td>{questionLabel(a.path, form, questions, language)}</td>
              <td>
                {answerText(a, form, questions, language)}
                {a.missing ? ` — ${t(`supervise.missing.${a.missing}` as MessageKey)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 id="review-paradata">{t('supervise.detail.paradata')}</h3>
      <ol className="review-timeline" aria-labelledby="review-paradata">
        {detail.paradata.map((p, k) => (
          <li key={k}>
            <time dateTime={p.at}>{p.at.replace('T', ' ').slice(0, 19)}</time> <strong>{p.event}</strong>
            {p.path ? ` ${p.path}` : ''}
            {p.detail ? <span className="muted"> {p.detail}</span> : null}
          </li>
        ))}
      </ol>
      {detail.paradataTruncated ? <p className="muted">{t('supervise.detail.truncated', { n: String(detail.paradata.length) })}</p> : null}
    </>
  );
}
