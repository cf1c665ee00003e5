// The questionnaire: header (interview, unit, save state), the section list to jump within what
// is relevant, the page, progress, back/next. Keyboard first: Enter or PageDown = next,
// Alt+← or PageUp = back, Ctrl+Enter = review, F1 or ? = the list of keys.
// An answer re-renders only its own question or grid row: this screen reads the relevant pages
// (which change only when the logic shows or hides a page), and the parts that follow every
// change (save state, page errors, the busy next button) are their own small components.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT, errorText, useLanguage } from '../../i18n';
import { useInterview, useInterviewHandle, useRecordValue, useRelevantPages } from './context';
import { HelpOverlay } from './HelpOverlay';
import { PageView } from './Page';
import { ReviewPanel } from './ReviewPanel';
import { REVIEW_PAGE } from './store';
import { domId } from './Question';
import { useFormLanguage } from './formLanguage';

function isTextEntry(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && ['text', 'search', 'number', ''].includes(el.type);
}

export function SaveIndicator() {
  const t = useT();
  const [language] = useLanguage();
  const state = useInterview((s) => s.saveState);
  const error = useInterview((s) => s.saveError);
  const retry = useInterview((s) => s.retrySave);
  if (state === 'idle') return null;
  if (state === 'failed') {
    return (
      <span className="save-state failed" role="alert">
        {t('iv.saveFailed', { error: error ? errorText(error, language) : '' })}{' '}
        <button type="button" className="secondary" onClick={() => void retry()}>{t('iv.retry')}</button>
      </span>
    );
  }
  return (
    <span className={`save-state ${state}`} role="status">
      {state === 'saving' ? t('iv.saving') : t('iv.saved')}
    </span>
  );
}

/** "This page has errors", once the surveyor tried to go on; re-checked after every change of the record. */
function PageErrors({ paths }: { paths: string[] }) {
  const t = useT();
  const { runtime } = useInterviewHandle();
  const showErrors = useInterview((s) => s.showErrors);
  const errors = useRecordValue(() => showErrors && paths.some((p) => runtime.isRelevant(p) && runtime.getError(p) !== null));
  return errors ? <p className="q-error" role="alert">{t('iv.pageErrors')}</p> : null;
}

/** Back and next; busy while saves are pending (the only part of the screen that follows them). */
function NavButtons({ first, last }: { first: boolean; last: boolean }) {
  const t = useT();
  const navigating = useInterview((s) => s.navigating);
  const busy = useInterview((s) => s.navigating || s.pendingCount > 0);
  const next = useInterview((s) => s.next);
  const back = useInterview((s) => s.back);
  return (
    <div className="iv-nav">
      <button type="button" className="secondary" onClick={() => void back()} disabled={first || navigating}>{t('iv.back')}</button>
      <button type="button" onClick={() => void next()} disabled={busy && navigating} aria-busy={busy || undefined}>
        {last ? t('iv.toReview') : t('iv.next')}
      </button>
    </div>
  );
}

export function QuestionnaireScreen({ unitName, onExit }: { unitName: string; onExit: () => void }) {
  const t = useT();
  const lang = useFormLanguage();
  const { screens, form } = useInterviewHandle();
  const summary = useInterview((s) => s.summary);
  const pageId = useInterview((s) => s.pageId);
  const focusPath = useInterview((s) => s.focusPath);
  const next = useInterview((s) => s.next);
  const back = useInterview((s) => s.back);
  const goTo = useInterview((s) => s.goTo);
  const openReview = useInterview((s) => s.openReview);
  const recordHelp = useInterview((s) => s.recordHelp);
  const reopen = useInterview((s) => s.reopen);
  const [help, setHelp] = useState(false);
  const pageRef = useRef<HTMLDivElement>(null);

  const pages = useRelevantPages();
  const sections = screens.model().sections;
  const index = pages.findIndex((p) => p.id === pageId);
  const page = index >= 0 ? (pages[index] ?? null) : null;
  const sectionLabel = (k: number) => {
    const labels = sections[k]?.labels ?? {};
    const text = labels[lang] || labels[form.defaultLanguage] || form.title[lang] || Object.values(form.title)[0] || '';
    // A loose question's label can be a whole sentence: the list shows its start.
    return text.length > 48 ? `${text.slice(0, 46).trimEnd()}…` : text;
  };

  // A new page: focus its first field (or the question the review linked to), so typing answers at once.
  useEffect(() => {
    const root = pageRef.current;
    if (!root) return;
    const scope = focusPath ? (root.querySelector(`[data-path="${focusPath.replace(/["\\]/g, '\\$&')}"]`) ?? root) : root;
    const target = scope.querySelector<HTMLElement>('input:checked:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])');
    (target ?? root).focus();
  }, [pageId, focusPath]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (help) return;
    if (e.key === 'F1' || (e.key === '?' && !isTextEntry(e.target))) {
      e.preventDefault();
      setHelp(true);
      recordHelp();
      return;
    }
    if ((e.altKey && e.key === 'ArrowLeft') || e.key === 'PageUp') {
      e.preventDefault();
      void back();
      return;
    }
    if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault();
      void openReview();
      return;
    }
    // Enter on a button presses it and makes a new line in a long text; anywhere else it goes on.
    const onButton = e.target instanceof HTMLButtonElement || e.target instanceof HTMLTextAreaElement;
    if ((e.key === 'Enter' && !onButton && !e.shiftKey) || e.key === 'PageDown') {
      if (pageId === REVIEW_PAGE) return;
      e.preventDefault();
      void next();
    }
  };

  const locked = summary.status !== 'draft';

  return (
    <div className="questionnaire" onKeyDown={onKeyDown}>
      <header className="iv-header">
        <div>
          <strong>{t('iv.header', { serial: String(summary.serial), unit: unitName })}</strong>
          <span className="muted"> · {form.title[lang] || Object.values(form.title)[0]}</span>
        </div>
        <div className="iv-header-actions">
          <SaveIndicator />
          <button type="button" className="secondary" onClick={() => (setHelp(true), recordHelp())}>{t('iv.help')}</button>
          <button type="button" className="secondary" onClick={onExit}>{t('iv.exit')}</button>
        </div>
      </header>
      {summary.status === 'rejected' && summary.comment ? (
        <div className="banner" role="note">
          {t('iv.comment', { comment: summary.comment })}{' '}
          <button type="button" onClick={() => void reopen()}>{t('iv.reopen')}</button>
        </div>
      ) : null}
      {locked && summary.status !== 'rejected' ? <p className="banner muted">{t('iv.locked', { status: t(`status.${summary.status}`) })}</p> : null}
      <div className="iv-body">
        <nav className="sections" aria-label={t('iv.sections')}>
          <ol>
            {sections.map((s, k) => {
              const first = pages.find((p) => p.section === k);
              if (!first) return null;
              const current = page?.section === k;
              return (
                <li key={`${s.name}-${k}`}>
                  <button type="button" className="link" aria-current={current ? 'step' : undefined} disabled={locked && summary.status !== 'completed'} onClick={() => void goTo(first.id)}>
                    {sectionLabel(k)}
                  </button>
                </li>
              );
            })}
            <li>
              <button type="button" className="link" aria-current={pageId === REVIEW_PAGE ? 'step' : undefined} onClick={() => void openReview()}>
                {t('iv.review')}
              </button>
            </li>
          </ol>
        </nav>
        <div className="iv-main">
          {page ? (
            <p className="progress" aria-live="polite">
              <span>{sectionLabel(page.section)}</span> · <span>{t('iv.progress', { index: String(index + 1), total: String(pages.length) })}</span>
              <progress max={pages.length} value={index + 1} aria-hidden="true" />
            </p>
          ) : null}
          <div ref={pageRef} tabIndex={-1} className="page-holder" id={page ? `page-${domId(page.id)}` : 'review'}>
            {page ? <PageView page={page} /> : <ReviewPanel />}
          </div>
          {page ? <PageErrors paths={page.paths} /> : null}
          {page ? <NavButtons first={index <= 0} last={index === pages.length - 1} /> : null}
        </div>
      </div>
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
