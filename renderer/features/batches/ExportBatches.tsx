// "Xuất dữ liệu": a supervisor exports every approved interview not yet exported (batch:export).
// Main opens the folder dialog and writes one signed, encrypted batch per survey; the panel shows
// what was written (survey, sequence, file, interviews, SHA-256 to compare with the analyst), that
// the dialog was cancelled (nothing written), or why the export was refused, Vietnamese first.
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT } from '../../i18n';
import { useAppStore } from '../../stores';
import { LaptopFacts } from '../laptop/ThisLaptop';
import type { ContractError, KhaosatApi } from '../../../shared/contract';

type ExportResult = Extract<Awaited<ReturnType<KhaosatApi['exportBatches']>>, { ok: true }>['value'];

export function ExportBatches() {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  async function exportNow() {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const answer = await api.exportBatches({});
      if (answer.ok) setResult(answer.value);
      else setError(answer.error);
    } finally {
      setBusy(false);
    }
  }

  const status = busy
    ? t('batches.busy')
    : result?.cancelled
      ? t('batches.cancelled')
      : result && result.batches.length === 0
        ? t('batches.nothing')
        : result
          ? t('batches.done', { count: String(result.batches.length) })
          : null;
  const neutral = !busy && result !== null && (result.cancelled || result.batches.length === 0);
  return (
    <section className="card wide export-batches" aria-labelledby="export-batches-title">
      <h2 id="export-batches-title">{t('batches.title')}</h2>
      <p className="muted">{t('batches.hint')}</p>
      {/* What the analyst will see on the batch: read aloud to them when they ask. */}
      <LaptopFacts idPrefix="export" />
      <button type="button" onClick={() => void exportNow()} disabled={busy}>
        {t('batches.export')}
      </button>
      {/* A cancelled dialog or nothing due is neither success nor failure: said in a neutral colour. */}
      <p className={`status-message${neutral ? ' neutral' : ''}`} role="status">
        {status}
      </p>
      <ErrorAlert message={error ? errorText(error, language) : null} />
      {result && !result.cancelled && result.batches.length > 0 ? (
        <>
          {result.folder ? (
            <p>
              {t('batches.folder')} <code className="batch-folder">{result.folder}</code>
            </p>
          ) : null}
          <table className="batches">
            <thead>
              <tr>
                <th scope="col">{t('batches.survey')}</th>
                <th scope="col">{t('batches.sequence')}</th>
                <th scope="col">{t('batches.file')}</th>
                <th scope="col">{t('batches.interviews')}</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {result.batches.map((b) => (
                <tr key={b.batchId}>
                  <td>{b.surveyId}</td>
                  <td>{b.sequence}</td>
                  <td className="batch-file">{b.fileName}</td>
                  <td>{b.interviews}</td>
                  {/* The first 16 hex digits are enough to compare aloud; the whole hash is in the title. */}
                  <td className="fingerprint" title={b.fileSha256}>
                    {b.fileSha256.slice(0, 16)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
