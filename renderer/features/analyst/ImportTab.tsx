// "Nhập dữ liệu": drop batch files, survey packages or a folder on the page, or choose them in the
// dialog; analysis:import starts a job and analysis:importStatus is polled for the progress bar
// (files done of total, interviews); then each file's result with its reason, the missing batches
// per laptop, and the conflicts side by side with a choice of one (ConflictList).
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT, type MessageKey } from '../../i18n';
import { useAppStore } from '../../stores';
import type { ContractError, ImportStatus, KhaosatApi } from '../../../shared/contract';
import { ConflictList } from './ConflictList';
import { GapList } from './GapList';
import { asUploads, droppedFiles } from './dropped';

type ImportRequest = Parameters<KhaosatApi['importBatches']>[0];

export function ImportTab({ pollMs = 300 }: { pollMs?: number }) {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const [job, setJob] = useState<ImportStatus | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [conflictsVersion, setConflictsVersion] = useState(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  async function follow(jobId: string) {
    for (;;) {
      const r = await api.importStatus({ jobId });
      if (!live.current) return;
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setJob(r.value);
      if (r.value.state !== 'running') return;
      await new Promise((res) => setTimeout(res, pollMs));
    }
  }

  async function start(request: ImportRequest) {
    setBusy(true);
    setNote(null);
    setError(null);
    try {
      const r = await api.importBatches(request);
      if (!r.ok) return setError(r.error);
      if (r.value.cancelled || !r.value.jobId) return setNote(t('analyst.import.cancelled'));
      setJob(null);
      await follow(r.value.jobId);
      setConflictsVersion((v) => v + 1);
    } finally {
      if (live.current) setBusy(false);
    }
  }

  async function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (busy) return;
    setNote(t('analyst.import.reading'));
    const files = await droppedFiles(e.dataTransfer);
    if (files.length === 0) return setNote(t('analyst.import.noFiles'));
    await start({ files: await asUploads(files) });
  }

  const results = job?.results ?? [];
  const count = (s: string) => String(results.filter((r) => r.status === s).length);
  const statusText = !job
    ? note
    : job.state === 'running'
      ? t('analyst.import.running', {
          done: String(job.done),
          total: String(job.total),
          interviews: String(job.interviews.new + job.interviews.replaced),
          file: job.currentFile ? ` — ${job.currentFile}` : '',
        })
      : job.state === 'failed'
        ? t('analyst.import.failed')
        : t('analyst.import.done', { total: String(job.total), imported: count('imported'), unchanged: count('unchanged'), rejected: count('rejected'), duplicate: count('duplicate') });

  return (
    <div className="import-tab">
      <h2>{t('analyst.import.title')}</h2>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
        data-testid="drop-zone"
      >
        <p>{t('analyst.import.drop')}</p>
        <div className="button-row inline">
          <button type="button" onClick={() => void start({ choose: 'files' })} disabled={busy}>
            {t('analyst.import.chooseFiles')}
          </button>
          <button type="button" onClick={() => void start({ choose: 'folder' })} disabled={busy}>
            {t('analyst.import.chooseFolder')}
          </button>
        </div>
      </div>
      {job ? <progress className="import-progress" aria-label={t('analyst.import.progress')} max={Math.max(job.total, 1)} value={job.state === 'running' ? job.done : Math.max(job.total, 1)} /> : null}
      <p className={`status-message${job ? '' : ' neutral'}`} role="status">
        {statusText}
      </p>
      {job ? <p className="muted">{t('analyst.import.counts', Object.fromEntries(Object.entries(job.interviews).map(([k, v]) => [k, String(v)])))}</p> : null}
      <ErrorAlert message={error ? errorText(error, language) : job?.error ? (language === 'en' ? job.error.messageEn : job.error.message) : null} />
      {job && job.packages.length > 0 ? (
        <>
          <h3>{t('analyst.import.packages')}</h3>
          <ul className="package-results">
            {job.packages.map((p) => (
              <li key={p.file}>
                {p.reason
                  ? t('analyst.import.packageRefused', { file: p.file, reason: p.reason })
                  : t(p.added ? 'analyst.import.packageAdded' : 'analyst.import.packageKnown', { file: p.file, survey: p.survey ?? '', version: p.formVersion ?? '' })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {job && job.formsUnknown.length > 0 ? <p className="notice">{t('analyst.import.formsUnknown', { forms: job.formsUnknown.map((f) => `${f.survey} ${f.formVersion}`).join(', ') })}</p> : null}
      {results.length > 0 ? (
        <>
          <h3 id="import-results-title">{t('analyst.import.results')}</h3>
          <table className="users-table import-results" aria-labelledby="import-results-title">
            <thead>
              <tr>
                <th scope="col">{t('analyst.import.file')}</th>
                <th scope="col">{t('analyst.import.status')}</th>
                <th scope="col">{t('analyst.import.sequence')}</th>
                <th scope="col">{t('analyst.import.interviews')}</th>
                <th scope="col">{t('analyst.import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r, i) => (
                <tr key={`${r.file}-${i}`} className={`status-${r.status}`}>
                  <td className="mono">{r.file}</td>
                  <td>{t(`analyst.import.status.${r.status}` as MessageKey)}</td>
                  <td>{r.sequence ?? '—'}</td>
                  <td>{`${r.interviews.new} / ${r.interviews.replaced} / ${r.interviews.conflicts}`}</td>
                  <td className="reason">{r.reason ? reasonIn(r.reason, language) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {job && job.state !== 'running' ? <GapList gaps={job.gaps} /> : null}
      <ConflictList reload={conflictsVersion} />
    </div>
  );
}

/** `code: Vietnamese / English (detail)` → the reader's language with the detail. */
export function reasonIn(reason: string, language: 'vi' | 'en'): string {
  const m = /^[a-z_]+: (.*?) \/ (.*?)( \(.*\))?$/s.exec(reason);
  if (!m) return reason;
  return `${language === 'en' ? m[2] : m[1]}${m[3] ?? ''}`;
}
