// `exportDataset`: the one entry point the `khaosat export` command (and later the UI) calls.
// docs/exports.md describes every format and the missing-value model.
import fs from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../shared/exports/dataset';
import { sanitiseName } from '../../shared/exports/names';
import { writeCodebook } from './codebook';
import { writeCsv } from './csv';
import { writeDta } from './dta';
import { writeSav } from './sav';
import { writeXlsx } from './xlsx';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'spss', 'stata'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  /** File names written into `outDir`, the codebook included. */
  files: string[];
  /** Values a format could not hold in full (e.g. text longer than SPSS's 255 bytes). */
  warnings: string[];
}

export async function exportDataset(dataset: Dataset, options: { format: ExportFormat; outDir: string; bom?: boolean }): Promise<ExportResult> {
  const { format, outDir } = options;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new Error(`Định dạng xuất không hỗ trợ: ${String(format)} (chỉ ${EXPORT_FORMATS.join(', ')}) / unsupported export format: ${String(format)}`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const codebook = writeCodebook(dataset, outDir, { bom: options.bom });
  switch (format) {
    case 'csv':
      return { files: [...writeCsv(dataset, outDir, { bom: options.bom }), ...codebook], warnings: [] };
    case 'xlsx': {
      const name = `${sanitiseName(dataset.formId)}.xlsx`;
      await writeXlsx(dataset, path.join(outDir, name));
      return { files: [name, ...codebook], warnings: [] };
    }
    case 'spss': {
      const r = writeSav(dataset, outDir, path.join);
      return { files: [...r.files, ...codebook], warnings: r.warnings };
    }
    case 'stata': {
      const r = writeDta(dataset, outDir, path.join);
      return { files: [...r.files, ...codebook], warnings: r.warnings };
    }
  }
}
