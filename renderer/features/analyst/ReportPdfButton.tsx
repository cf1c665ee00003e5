// "Xuất báo cáo PDF" in the Chỉ số tab: the printable report of the filters on screen, printed to
// PDF by main (`analysis:reportPdf`) and saved where the analyst chooses; the file and its pages
// are shown, or why not (no data for these filters, no printer, the file could not be written).
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT } from '../../i18n';
import { useAppStore } from '../../stores';
import type { ContractError, ReportPdfResult } from '../../../shared/contract';
import type { ReportFilters } from '../../../shared/indices/index-report';

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function ReportPdfButton({ filters, ready }: { filters: ReportFilters; ready: boolean }) {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReportPdfResult | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  async function run() {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const { survey, ...rest } = filters;
      const r = await api.exportReportPdf({ ...(survey ? { survey } : {}), filters: rest });
      if (r.ok) setResult(r.value);
      else setError(r.error);
    } finally {
      setBusy(false);
    }
  }

  const status = busy
    ? t('analyst.reportPdf.busy')
    : result?.cancelled
      ? t('analyst.reportPdf.cancelled')
      : result
        ? t('analyst.reportPdf.done', { pages: String(result.pages), size: kilobytes(result.bytes) })
        : null;
  return (
    <div className="report-pdf">
      <button type="button" onClick={() => void run()} disabled={busy || !ready} aria-busy={busy}>
        {busy ? t('analyst.reportPdf.busy') : t('analyst.reportPdf.run')}
      </button>
      <p className={`status-message${result?.cancelled ? ' neutral' : ''}`} role="status">
        {status}
        {result && !result.cancelled ? (
          <>
            {' '}
            <span className="mono report-pdf-path">{result.path}</span>
          </>
        ) : null}
      </p>
      <ErrorAlert message={error ? errorText(error, language) : null} />
    </div>
  );
}
