// `khaosat report --format html|pdf --out FILE`: the printable report (docs/report.md). The HTML
// comes from the renderer's report document rendered server-side (renderer/report/html.tsx, the
// same chart components as the app); the PDF is that HTML printed by headless Chromium.
import { resolve } from 'node:path';
import type { IndexReport } from '../../../shared/indices/index-report';
import { renderReportHtml } from '../../../renderer/report/html';
import { writeFileAtomic } from '../../sync/atomic-write';
import { chromiumPrinter, findChromium, NO_CHROMIUM_MESSAGE, PdfPrintError, printHtmlToPdf, type PdfPrinter } from '../../reports/pdf';
import { CliError, usageError, type CliIo } from '../io';

export const FILE_FORMATS = ['html', 'pdf'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Checked before the store is opened, so a missing --out or Chromium costs nothing. */
export function reportFileTarget(format: FileFormat, out: string | undefined, io: CliIo): { path: string; printer: PdfPrinter | null } {
  if (!out) throw usageError(`--format ${format} needs --out FILE (the ${format.toUpperCase()} file to write)`);
  if (format === 'html') return { path: resolve(io.cwd, out), printer: null };
  const chromium = findChromium(io.env);
  if (!chromium) throw new CliError(NO_CHROMIUM_MESSAGE);
  return { path: resolve(io.cwd, out), printer: chromiumPrinter(chromium) };
}

export async function writeReportFile(report: IndexReport, format: FileFormat, target: { path: string; printer: PdfPrinter | null }, io: CliIo): Promise<void> {
  const html = await renderReportHtml(report);
  if (format === 'html') {
    await writeFileAtomic(target.path, new TextEncoder().encode(html), { overwrite: true });
  } else {
    // Chromium prints in a temporary folder; the finished PDF is then placed atomically, so a
    // failed print never leaves half a file at --out.
    try {
      const { bytes } = await printHtmlToPdf(target.printer!, html);
      await writeFileAtomic(target.path, bytes, { overwrite: true });
    } catch (error) {
      if (error instanceof PdfPrintError) throw new CliError(error.message);
      throw error;
    }
  }
  io.out(`Đã ghi báo cáo / report written: ${target.path}\n`);
}
