// What the desktop app plugs into `analysis:reportPdf` (thin; the work is in services/analysis.ts):
// the save dialog offering `bao-cao-chi-so-<survey>-<date>.pdf` in the user's Documents (asked at
// the time: the stand-in electron of the tests knows only userData), and the
// printer of a hidden window (report-printer.ts), made on first use so the print session is only
// created once the app is ready and an analyst asks for a PDF.
import { join } from 'node:path';
import type { AnalystPorts } from '../services/analysis';
import type { PdfPrinter } from '../reports/pdf';

export interface SaveDialog {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
    properties: ('createDirectory' | 'showOverwriteConfirmation')[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

export function mainReportPorts(deps: { dialog: SaveDialog; documentsDir: () => string; printer: () => PdfPrinter }): Pick<AnalystPorts, 'chooseReportFile' | 'pdfPrinter'> {
  let printer: PdfPrinter | null = null;
  return {
    chooseReportFile: async (defaultName) => {
      const chosen = await deps.dialog.showSaveDialog({
        title: 'Lưu báo cáo PDF / Save the PDF report',
        defaultPath: join(deps.documentsDir(), defaultName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (chosen.canceled || !chosen.filePath) return null;
      // Some Linux dialogs return the name as typed: the file still gets its extension.
      return /\.pdf$/i.test(chosen.filePath) ? chosen.filePath : `${chosen.filePath}.pdf`;
    },
    pdfPrinter: () => (printer ??= deps.printer()),
  };
}
