// The supervisor's review on the home screen: completed interviews with surveyor, unit, duration,
// outcome and quality flags; opened one at a time to read answers and paradata; approved, or sent
// back with a comment. Keyboard first: j/k or ↑/↓ move, Enter opens, a approves, r rejects (a
// comment box opens; Ctrl+Enter sends it), Esc closes the box, then the detail.
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT } from '../../i18n';
import { useAppStore } from '../../stores';
import { FlagBadges } from './FlagBadges';
import { durationText, outcomeText } from './format';
import { ReviewDetailView } from './ReviewDetailView';

/** Keys typed into these are text, not commands. */
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function ReviewPanel() {
  const t = useT();
  const [language] = useLanguage();
  const rows = useAppStore((s) => s.reviewRows);
  const loading = useAppStore((s) => s.reviewLoading);
  const error = useAppStore((s) => s.reviewError);
  const cursor = useAppStore((s) => s.reviewCursor);
  const detail = useAppStore((s) => s.reviewDetail);
  const form = useAppStore((s) => s.reviewForm);
  const detailLoading = useAppStore((s) => s.reviewDetailLoading);
  const acting = useAppStore((s) => s.reviewActing);
  const actionError = useAppStore((s) => s.reviewActionError);
  const loadReview = useAppStore((s) => s.loadReview);
  const moveReviewCursor = useAppStore((s) => s.moveReviewCursor);
  const openReview = useAppStore((s) => s.openReview);
  const closeReview = useAppStore((s) => s.closeReview);
  const approveReview = useAppStore((s) => s.approveReview);
  const rejectReview = useAppStore((s) => s.rejectReview);
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const [commentProblem, setCommentProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const listRef = useRef<HTMLTableElement>(null);
  const detailRef = useRef<HTMLElement>(null);

  useEffect(() => {
    void loadReview();
  }, [loadReview]);
  useEffect(() => {
    if (detail) detailRef.current?.focus();
  }, [detail?.interview.id]);

  const current = detail?.interview ?? rows?.[cursor]?.interview ?? null;

  function stopRejecting() {
    setRejecting(false);
    setComment('');
    setCommentProblem(null);
  }

  async function approve() {
    if (!current) return;
    const serial = String(current.serial);
    const result = await approveReview(current.id);
    if (result?.ok) {
      setDone(t('supervise.done.approved', { serial }));
      listRef.current?.focus();
    }
  }

  function startRejecting() {
    if (!current) return;
    setDone(null);
    setRejecting(true);
  }

  async function submitReject(e: FormEvent) {
    e.preventDefault();
    if (!current) return;
    if (!comment.trim()) return setCommentProblem(t('supervise.reject.needComment'));
    const serial = String(current.serial);
    const result = await rejectReview(comment.trim(), current.id);
    if (result?.ok) {
      stopRejecting();
      setDone(t('supervise.done.rejected', { serial }));
      listRef.current?.focus();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      if (rejecting) stopRejecting();
      else if (detail) {
        closeReview();
        listRef.current?.focus();
      }
      return;
    }
    if (TYPING.has(target.tagName) || e.altKey || e.ctrlKey || e.metaKey || acting) return;
    if (e.key === 'j' || e.key === 'ArrowDown') {
      if (detail) return;
      e.preventDefault();
      moveReviewCursor(1);
    } else if (e.key === 'k' || e.key === 'ArrowUp') {
      if (detail) return;
      e.preventDefault();
      moveReviewCursor(-1);
    } else if (e.key === 'Enter' && target.tagName !== 'BUTTON' && !detail) {
      e.preventDefault();
      void openReview();
    } else if (e.key === 'a') {
      e.preventDefault();
      void approve();
    } else if (e.key === 'r') {
      e.preventDefault();
      startRejecting();
    }
  }

  const selectedId = rows?.[cursor]?.interview.id;
  return (
    <section className="card wide review" aria-labelledby="review-title" onKeyDown={onKeyDown}>
      <h2 id="review-title">{t('supervise.title')}</h2>
      <p className="muted">{t('supervise.keys')}</p>
      <ErrorAlert message={error ? errorText(error, language) : null} />
      <ErrorAlert message={actionError ? errorText(actionError, language) : null} />
      <p role="status" className="review-done">{done ?? ''}</p>
      {rows === null && loading ? <p className="muted">{t('supervise.loading')}</p> : null}
      {rows && rows.length === 0 ? <p className="muted">{t('supervise.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <table
          ref={listRef}
          role="grid"
          className="users-table review-list"
          aria-label={t('supervise.title')}
          tabIndex={0}
          aria-activedescendant={selectedId ? `review-row-${selectedId}` : undefined}
        >
          <thead>
            <tr>
              <th scope="col">{t('supervise.column.serial')}</th>
              <th scope="col">{t('supervise.column.surveyor')}</th>
              <th scope="col">{t('supervise.column.unit')}</th>
              <th scope="col">{t('supervise.column.duration')}</th>
              <th scope="col">{t('supervise.column.outcome')}</th>
              <th scope="col">{t('supervise.column.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, k) => (
              <tr
                key={r.interview.id}
                id={`review-row-${r.interview.id}`}
                aria-selected={k === cursor}
                className={[k === cursor ? 'selected' : '', r.flags.length ? 'attention' : ''].join(' ').trim()}
                onClick={() => {
                  moveReviewCursor(k - cursor);
                  void openReview(r.interview.id);
                }}
              >
                <td className="code">
                  {r.interview.serial}
                  {r.interview.revision > 0 ? <span className="muted"> ({t('supervise.revision', { revision: String(r.interview.revision) })})</span> : null}
                </td>
                <td>{r.surveyorName ? `${r.surveyorCode} — ${r.surveyorName}` : (r.surveyorCode ?? '—')}</td>
                <td>{(language === 'en' ? (r.unitNameEn ?? r.unitNameVi) : r.unitNameVi) ?? r.interview.unitCode}</td>
                <td>{durationText(r.durationSeconds, t)}</td>
                <td>{outcomeText(r.interview.outcome, t)}</td>
                <td>
                  <FlagBadges flags={r.flags} t={t} language={language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" onClick={() => void loadReview()} disabled={loading}>
        {t('supervise.refresh')}
      </button>
      {detailLoading && !detail ? <p className="muted">{t('supervise.detail.loading')}</p> : null}
      {detail ? (
        <section ref={detailRef} className="review-detail" tabIndex={-1} aria-labelledby="review-detail-title">
          <h2 id="review-detail-title">
            {t('supervise.detail.title', { serial: String(detail.interview.serial), surveyor: detail.surveyorName ?? detail.surveyorCode ?? '—' })}
          </h2>
          <div className="review-actions">
            <button type="button" onClick={() => void approve()} disabled={acting}>
              {t('supervise.approve')}
            </button>
            <button type="button" onClick={startRejecting} disabled={acting}>
              {t('supervise.reject')}
            </button>
            <button
              type="button"
              onClick={() => {
                closeReview();
                listRef.current?.focus();
              }}
            >
              {t('supervise.detail.close')}
            </button>
          </div>
          <ReviewDetailView detail={detail} form={form} t={t} language={language} />
        </section>
      ) : null}
      {rejecting && current ? (
        <form className="review-reject" aria-label={t('supervise.reject')} onSubmit={(e) => void submitReject(e)}>
          <label htmlFor="review-comment">{t('supervise.reject.comment')}</label>
          <textarea
            id="review-comment"
            autoFocus
            maxLength={1000}
            rows={3}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              setCommentProblem(null);
            }}
            onKeyDown={(e) => {
              // Enter is a new line in a comment; Ctrl+Enter sends it without leaving the keyboard.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <ErrorAlert message={commentProblem} />
          <button type="submit" disabled={acting}>
            {t('supervise.reject.submit')}
          </button>
          <button type="button" onClick={stopRejecting}>
            {t('supervise.reject.cancel')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
