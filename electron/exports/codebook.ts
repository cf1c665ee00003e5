// The codebook (docs/exports.md): one line per variable of every table — name, where it came
// from, label, type, value labels, missing codes, measure, companion status variable — as CSV
// (`codebook.csv`) and Markdown (`codebook.md`). The XLSX writer puts the same rows in a sheet.
import path from 'node:path';
import type { Dataset } from '../../shared/exports/dataset';
import { csvField } from './csv';
import { withSink } from './sink';

export const CODEBOOK_HEADER = ['table', 'name', 'source', 'role', 'label', 'type', 'width', 'value_labels', 'missing_codes', 'measure', 'status_variable'] as const;

export function codebookRows(dataset: Dataset): string[][] {
  const rows: string[][] = [];
  for (const t of dataset.tables) {
    for (const v of t.variables) {
      rows.push([
        t.name, v.name, v.source, v.role, v.label, v.type, v.type === 'string' ? String(v.width) : '',
        v.valueLabels.map((l) => `${l.value}=${l.label}`).join('; '),
        v.missing.map((m) => `${m.value}=${m.kind}`).join('; '),
        v.measure, v.statusName ?? '',
      ]);
    }
  }
  return rows;
}

const md = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function writeCodebook(dataset: Dataset, outDir: string, options: { bom?: boolean } = {}): string[] {
  const rows = codebookRows(dataset);
  withSink(path.join(outDir, 'codebook.csv'), (sink) => {
    if (options.bom) sink.text('\uFEFF');
    for (const r of [[...CODEBOOK_HEADER], ...rows]) sink.text(r.map(csvField).join(',') + '\r\n');
  });
  withSink(path.join(outDir, 'codebook.md'), (sink) => {
    sink.text(`# Sổ mã (codebook): ${md(dataset.title)}\n\nForm \`${dataset.formId}\` version \`${dataset.formVersion}\`, labels in \`${dataset.language}\`.\n`);
    sink.text('Status codes of `*_st` variables: 1 answered, 2 missing code, 3 skipped, 4 unanswered.\n\n');
    sink.text(`| ${CODEBOOK_HEADER.join(' | ')} |\n|${CODEBOOK_HEADER.map(() => '---').join('|')}|\n`);
    for (const r of rows) sink.text(`| ${r.map(md).join(' | ')} |\n`);
  });
  return ['codebook.csv', 'codebook.md'];
}
