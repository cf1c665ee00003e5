// The printable report's HTML (renderer/report/html.tsx): one self-contained Vietnamese file
// with its sections, the charts as static SVG (no script, no inline style attribute, its one
// stylesheet allowed by hash), the ranking split into A4 pages with continuous ranks.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../renderer/report/html';
import { RANKING_ROWS_PER_PAGE } from '../../renderer/report/ReportDocument';
import { fixtureReport, unit } from './index-report-fixture';

const many = Array.from({ length: 100 }, (_, i) => unit(String(26000 + i), `Phường Số ${i + 1}`, 60 + (i % 37), 20 + (i % 9)));

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the printable report', () => {
  it('is one Vietnamese HTML file with the expected sections, period and sample sizes', async () => {
    const doc = parse(await renderReportHtml(fixtureReport()));
    expect(doc.documentElement.lang).toBe('vi');
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      '1. Thông tin chung',
      '2. Chỉ số theo thành phần',
      '3. Xếp hạng đơn vị',
      '4. Bảng chỉ số theo đơn vị',
      '5. Phương pháp tính',
    ]);
    const facts = Object.fromEntries([...doc.querySelectorAll('.facts tr')].map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent]));
    expect(facts).toMatchObject({
      'Thời gian khảo sát': '02/11/2026 – 30/11/2026',
      'Số người trả lời được tính': '120',
      'Số đơn vị có số liệu': '3 / 4',
      'Cỡ mẫu mỗi đơn vị': 'từ 40 đến 40 người',
      'Không tính': '1 phỏng vấn đang xung đột, 7 phỏng vấn không hoàn thành',
    });
    expect(doc.querySelector('.headline')!.textContent).toBe('Chỉ số hài lòng chung của toàn thành phố: 82,4% (khoảng tin cậy 95%: 78,4–86,4).');
    // Component profile of the city and one item chart per component.
    expect([...doc.querySelectorAll('#thanh-phan figcaption')].map((f) => f.textContent)).toEqual([
      'Chỉ số thành phần của toàn thành phố',
      'Chỉ số theo câu hỏi: Tiếp cận — Toàn thành phố',
      'Chỉ số theo câu hỏi: Công chức — Toàn thành phố',
    ]);
  });

  it('names the filters that were applied, with their labels', async () => {
    const doc = parse(await renderReportHtml(fixtureReport(undefined, { filters: { survey: 'hids-2026', from: '2026-11-10', unit_types: ['commune'], sexes: ['2'] } })));
    const row = [...doc.querySelectorAll('.facts tr')].find((tr) => tr.querySelector('th')!.textContent === 'Bộ lọc')!;
    expect(row.querySelector('td')!.textContent).toBe('Từ ngày 10/11/2026 đến ngày …; Loại đơn vị: Xã; Giới tính: Nữ');
  });

  it('carries no script and no inline style attribute; its CSP allows exactly its stylesheet', async () => {
    const html = await renderReportHtml(fixtureReport(many));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle="/);
    const doc = parse(html);
    const styles = doc.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!.textContent!).digest('base64');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(styles[0]!.textContent).toContain('counter(page)');
    expect(styles[0]!.textContent).toContain('size: A4');
  });

  it('splits the ranking into pages with continuous ranks and one axis, and lists every Unit in the table', async () => {
    const doc = parse(await renderReportHtml(fixtureReport(many)));
    const charts = [...doc.querySelectorAll('#xep-hang svg')];
    expect(charts).toHaveLength(Math.ceil(100 / RANKING_ROWS_PER_PAGE));
    const labels = charts.flatMap((c) => [...c.querySelectorAll('g.row')].map((r) => r.querySelector('text')!.textContent!));
    expect(labels).toHaveLength(100);
    expect(labels.map((l) => Number(l.split('.')[0]))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const values = charts.flatMap((c) => [...c.querySelectorAll('g.row')].map((r) => Number(r.getAttribute('data-value'))));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // One axis across pages: the same tick labels on each page.
    const ticks = charts.map((c) => [...c.querySelectorAll('.visx-axis-tick text')].map((t) => t.textContent).join(' '));
    expect(new Set(ticks).size).toBe(1);
    expect(doc.querySelectorAll('.unit-table tbody tr')).toHaveLength(100);
    expect(doc.querySelector('.unit-table tbody tr')!.textContent).toContain('Phường Số 37');
  });
});
