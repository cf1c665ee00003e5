// The table fallback of a chart: the same numbers as text, for screen readers, copying and
// anyone who reads a table better than a chart. Folded by default under the chart.
export function DataTable({ summary, head, rows, open = false }: { summary: string; head: string[]; rows: string[][]; open?: boolean }) {
  return (
    <details className="chart-table" open={open}>
      <summary>{summary}</summary>
      <table>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 1 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
