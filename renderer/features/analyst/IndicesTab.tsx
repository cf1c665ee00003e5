// "Chỉ số": the index charts (ranking with intervals, component profile, item breakdown) with their
// filters, over `analysis:report` (renderer/features/indices, docs/report.md). A refused report
// (no store yet, a bad filter) is shown by the screen with the contract error's own text. The
// report of the filters applied is exported as PDF by "Xuất báo cáo PDF" (ReportPdfButton).
import { useCallback } from 'react';
import { errorText, useLanguage } from '../../i18n';
import { useAppStore } from '../../stores';
import type { IndexReport, ReportFilters } from '../../../shared/indices/index-report';
import { IndicesScreen } from '../indices/IndicesScreen';
import { ReportPdfButton } from './ReportPdfButton';

export function IndicesTab({ active }: { active: boolean }) {
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const loadReport = useCallback(
    async (filters: ReportFilters): Promise<IndexReport> => {
      const { survey, ...rest } = filters;
      const r = await api.indexReport({ ...(survey ? { survey } : {}), filters: rest });
      if (!r.ok) throw new Error(errorText(r.error, language));
      return r.value;
    },
    [api, language],
  );
  // Mounted only while its tab is open, so the report is computed when the analyst looks at it.
  const reportAction = useCallback((filters: ReportFilters, ready: boolean) => <ReportPdfButton filters={filters} ready={ready} />, []);
  return active ? <IndicesScreen loadReport={loadReport} reportAction={reportAction} /> : null;
}
