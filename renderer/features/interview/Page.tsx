// The page on screen: its title (the group's label), then its blocks (questions, grids); a
// repeat's page lists its entries with add/remove.
import type { Page as ScreenPage } from '../../../shared/engine/screens';
import { useT } from '../../i18n';
import { useInterview, useInterviewHandle, useRecordValue } from './context';
import { Grid } from './Grid';
import { Question } from './Question';
import { useFormLanguage } from './formLanguage';

/** Renders once per page: each question and grid row then follows its own answers. */
export function PageView({ page }: { page: ScreenPage }) {
  if (page.kind === 'repeat') return <RepeatPage page={page} />;
  return (
    <section className="page" aria-labelledby={page.titlePath ? 'page-title' : undefined}>
      {page.titlePath ? <PageTitle path={page.titlePath} /> : null}
      {page.blocks.map((b) => (b.kind === 'grid' ? <Grid key={b.rows[0]} rows={b.rows} /> : <Question key={b.path} path={b.path} />))}
    </section>
  );
}

/** The group's label; it may quote answers (${…}), so it is re-read after every change (re-rendered when it differs). */
function PageTitle({ path }: { path: string }) {
  const { runtime } = useInterviewHandle();
  const lang = useFormLanguage();
  const title = useRecordValue(() => runtime.renderLabel(path, lang));
  return title ? <h2 id="page-title">{title}</h2> : null;
}

function RepeatPage({ page }: { page: ScreenPage }) {
  const t = useT();
  const { runtime } = useInterviewHandle();
  const lang = useFormLanguage();
  const add = useInterview((s) => s.addInstance);
  const remove = useInterview((s) => s.removeInstance);
  const locked = useInterview((s) => s.summary.status !== 'draft');
  useInterview((s) => s.version);
  const repeatPath = page.repeatPath as string;
  const node = page.repeatNode;
  const label = node ? node.labels[lang] || Object.values(node.labels)[0] || node.name : repeatPath;
  const count = runtime.repeatInstanceCount(repeatPath);
  const fixed = Boolean(node?.repeatCount);
  return (
    <section className="page" aria-labelledby="page-title">
      <h2 id="page-title">{label}</h2>
      <p>{t('iv.repeat.count', { count: String(count) })}</p>
      <ol className="repeat-list">
        {Array.from({ length: count }, (_, k) => (
          <li key={k}>
            {t('iv.repeat.item', { index: String(k + 1) })}
            {!fixed ? (
              <button type="button" className="secondary" disabled={locked} onClick={() => remove(repeatPath, k + 1)}>
                {t('iv.repeat.remove', { index: String(k + 1) })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {!fixed ? (
        <button type="button" disabled={locked} onClick={() => add(repeatPath)}>
          {t('iv.repeat.add')}: {label}
        </button>
      ) : null}
    </section>
  );
}
