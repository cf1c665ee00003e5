// A page holding only IndicesScreen, for the browser test of the charts under the app's CSP
// (test/e2e/indices-csp.test.ts): the report comes from report.js (a separate 'self' script),
// CSP violations are recorded for the test to read.
import '../../../renderer/zod-config';
import { createRoot } from 'react-dom/client';
import { IndicesScreen } from '../../../renderer/features/indices/IndicesScreen';
import type { IndexReport, ReportFilters } from '../../../shared/indices/index-report';

declare global {
  interface Window {
    KHAOSAT_REPORT: IndexReport;
    cspViolations: string[];
    requests: ReportFilters[];
  }
}

window.cspViolations = [];
window.requests = [];
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile.split('/').pop()}:${e.lineNumber}`));

createRoot(document.getElementById('root')!).render(
  <div className="app">
    <main className="app-main indices-page">
      <IndicesScreen
        loadReport={async (filters) => {
          window.requests.push(filters);
          return window.KHAOSAT_REPORT;
        }}
      />
    </main>
  </div>,
);
