// The printable report as one self-contained HTML file (issue 10 §5): the report document
// rendered to static markup with react-dom/server (the same chart components as the app, no
// script in the file), the stylesheet inlined, and a Content-Security-Policy that allows that one
// stylesheet by its hash and nothing else — the file opens safely in any browser. Runs wherever
// React does (the CLI bundles it); no Node or DOM API.
import { renderToStaticMarkup } from 'react-dom/server';
import type { IndexReport } from '../../shared/indices/index-report';
import { CATALOGUES, format } from '../i18n/messages';
import type { Translate } from '../features/indices/charts/translate';
import { ReportDocument } from './ReportDocument';
import { REPORT_CSS } from './report-css';

/** The report is Vietnamese (the city publishes it in Vietnamese). */
const vi: Translate = (key, values) => format(CATALOGUES.vi[key], values);

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

async function sha256Base64(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64(new Uint8Array(digest));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function renderReportHtml(report: IndexReport): Promise<string> {
  const body = renderToStaticMarkup(<ReportDocument report={report} t={vi} />);
  const csp = `default-src 'none'; style-src 'sha256-${await sha256Base64(REPORT_CSS)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`Báo cáo chỉ số hài lòng — ${report.survey}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
