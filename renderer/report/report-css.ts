// The printable report's stylesheet: A4 portrait, page numbers in the bottom margin ("Trang 2 /
// 7", CSS paged media margin boxes, printed by Chromium), charts scaled to the text width and
// never split across pages. Inlined in the file and allowed by its hash in the file's CSP.
export const REPORT_CSS = `
@page { size: A4 portrait; margin: 16mm 14mm 18mm 14mm;
  @bottom-center { content: "Trang " counter(page) " / " counter(pages); font: 9pt Arial, "Noto Sans", "DejaVu Sans", sans-serif; color: #444; }
  @bottom-right { content: "KhaoSat"; font: 8pt Arial, "Noto Sans", "DejaVu Sans", sans-serif; color: #888; } }
html { font: 10.5pt/1.4 Arial, "Noto Sans", "DejaVu Sans", sans-serif; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #003a63; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; color: #003a63; border-bottom: 0.4mm solid #0072B2; padding-bottom: 1mm; break-after: avoid; }
.subtitle { margin: 0 0 4mm; color: #333; }
.facts { border-collapse: collapse; margin: 2mm 0 3mm; }
.facts th { text-align: left; font-weight: normal; color: #444; padding: 0.6mm 6mm 0.6mm 0; vertical-align: top; }
.facts td { padding: 0.6mm 0; }
.headline { font-size: 12pt; }
figure.index-figure { margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }
figure.index-figure figcaption { font-weight: bold; margin-bottom: 1mm; }
svg.index-chart { width: 100%; height: auto; display: block; }
#xep-hang figure.index-figure + figure.index-figure { break-before: page; }
#xep-hang, #bang-don-vi, #phuong-phap { break-before: page; }
.unit-table { border-collapse: collapse; width: 100%; font-size: 8pt; }
.unit-table thead { display: table-header-group; }
.unit-table th, .unit-table td { border-bottom: 0.2mm solid #ccc; padding: 0.5mm 1.2mm; text-align: right; }
.unit-table th[scope=row], .unit-table thead th:nth-child(3) { text-align: left; font-weight: normal; }
.unit-table tr { break-inside: avoid; }
.method li { margin-bottom: 2mm; }
.source { color: #555; font-size: 9pt; }
`;
