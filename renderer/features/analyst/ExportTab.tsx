// "Xuất dữ liệu": choose csv, xlsx, spss or stata, then the folder in the dialog; analysis:export
// runs electron/analyst/export and the writers, and the files written are listed.
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT, type MessageKey } from '../../i18n';
import { useAppStore } from '../../stores';
import { DATA_EXPORT_FORMATS, type ContractError, type DataExportResult } from '../../../shared/contract';

type Format = (typeof DATA_EXPORT_FORMATS)[number];

export function ExportTab() {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const [format, setFormat] = useState<Format>('xlsx');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DataExportResult | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  async function run() {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const r = await api.exportData({ format });
      if (r.ok) setResult(r.value);
      else setError(r.error);
    } finally {
      setBusy(false);
    }
  }

  const status = busy
    ? t('analyst.export.busy')
    : result?.cancelled
      ? t('analyst.export.cancelled')
      : result
        ? t('analyst.export.done', { interviews: String(result.interviews), survey: result.survey ?? '', version: result.formVersion ?? '', folder: result.folder ?? '' })
        : null;
  return (
    <div className="export-tab">
      <h2>{t('analyst.export.title')}</h2>
      <p className="muted">{t('analyst.export.hint')}</p>
      <fieldset className="format-choice">
        <legend>{t('analyst.export.format')}</legend>
        {DATA_EXPORT_FORMATS.map((f) => (
          <label key={f} className="radio">
            <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {t(`analyst.export.format.${f}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {t('analyst.export.run')}
      </button>
      <p className={`status-message${result?.cancelled ? ' neutral' : ''}`} role="status">
        {status}
      </p>
      <ErrorAlert message={error ? errorText(error, language) : null} />
      {result && !result.cancelled ? (
        <ul className="export-files" aria-label={t('analyst.export.title')}>
          {result.files.map((f) => (
            <li key={f} className="mono">
              {f}
            </li>
          ))}
        </ul>
      ) : null}
      {result && result.warnings.length > 0 ? (
        <details>
          <summary>{`${t('analyst.export.warnings')} (${result.warnings.length})`}</summary>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
