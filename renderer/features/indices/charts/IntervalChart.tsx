// The one drawing every index chart uses: rows of an index (%) with its 95% interval, on a
// shared percentage axis, optionally a reference line (the city). Plain SVG through visx's
// scales and axis, with presentation attributes only (no style attributes, no script), so it
// renders the same in the sandboxed renderer under its CSP and server-side in the printable
// report. The SVG has a <title> and <desc>; the caller gives the table fallback.
import { useId } from 'react';
import { AxisBottom, type TickRendererProps } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { PALETTE } from './palette';
import { pct } from './format';

export interface IntervalRow {
  key: string;
  /** Shown left of the row (shortened when too long; the full text is the row's tooltip). */
  label: string;
  /** Full text for the tooltip; defaults to the label. */
  fullLabel?: string;
  value: number | null;
  ci: [number, number] | null;
  /** Text right of the interval, after the value (e.g. "n 412"). */
  note?: string;
  series?: 'primary' | 'reference';
}

export interface IntervalChartProps {
  title: string;
  description: string;
  rows: IntervalRow[];
  /** Axis domain in percent; the upper end is always 100. */
  floor: number;
  reference?: { value: number; label: string } | null;
  rowHeight?: number;
  labelWidth?: number;
  width?: number;
  /** Rows with another group than the row before get half a row of space before them. */
  groupBy?: (row: IntervalRow) => string;
  /** Caption under the axis and the text of a row without a value, in the reader's language. */
  axisLabel: string;
  noDataLabel: string;
}

const MARGIN = { top: 22, right: 96, bottom: 40 };
const MAX_LABEL_CHARS = 42;

const shorten = (s: string) => (s.length > MAX_LABEL_CHARS ? `${s.slice(0, MAX_LABEL_CHARS - 1)}…` : s);

function Tick({ formattedValue, ...p }: TickRendererProps) {
  return <text {...p}>{formattedValue}</text>;
}

/** A diamond for the reference series: shape as well as colour tells the two apart. */
function Diamond({ x, y, r, fill }: { x: number; y: number; r: number; fill: string }) {
  return <path className="mark mark-reference" d={`M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`} fill={fill} />;
}

export function IntervalChart({ title, description, rows, floor, reference, rowHeight = 18, labelWidth = 290, width = 760, groupBy, axisLabel, noDataLabel }: IntervalChartProps) {
  const id = useId();
  const innerWidth = width - labelWidth - MARGIN.right;
  const x = scaleLinear<number>({ domain: [floor, 100], range: [0, innerWidth], clamp: true });
  const ticks = x.ticks(Math.min(10, Math.max(2, (100 - floor) / 10)));
  let y = 0;
  let previousGroup: string | null = null;
  const placed = rows.map((row) => {
    const group = groupBy?.(row) ?? null;
    if (previousGroup !== null && group !== previousGroup) y += rowHeight / 2;
    previousGroup = group;
    const at = y + rowHeight / 2;
    y += rowHeight;
    return { row, at };
  });
  const innerHeight = Math.max(y, rowHeight);
  const height = MARGIN.top + innerHeight + MARGIN.bottom;
  return (
    <svg className="index-chart" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} fontFamily="Arial, 'Noto Sans', 'DejaVu Sans', sans-serif">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <Group left={labelWidth} top={MARGIN.top}>
        {ticks.map((t) => (
          <line key={t} className="grid" x1={x(t)} x2={x(t)} y1={0} y2={innerHeight} stroke={PALETTE.grid} strokeWidth={1} />
        ))}
        {reference ? (
          <g className="reference" data-value={reference.value}>
            <line x1={x(reference.value)} x2={x(reference.value)} y1={-6} y2={innerHeight} stroke={PALETTE.reference} strokeWidth={1.5} strokeDasharray="5 3" />
            <text x={x(reference.value)} y={-9} textAnchor="middle" fontSize={11} fill={PALETTE.reference}>
              {reference.label}
            </text>
          </g>
        ) : null}
        {placed.map(({ row, at }) => {
          const colour = row.series === 'reference' ? PALETTE.reference : PALETTE.primary;
          return (
            <g key={row.key} className="row" data-key={row.key} data-value={row.value ?? ''}>
              <title>{`${row.fullLabel ?? row.label}: ${pct(row.value)}${row.ci ? ` (95%: ${pct(row.ci[0])}–${pct(row.ci[1])})` : ''}`}</title>
              <text x={-8} y={at} dy="0.32em" textAnchor="end" fontSize={11} fill={PALETTE.ink}>
                {shorten(row.label)}
              </text>
              {row.ci ? (
                <line className="ci" data-lo={row.ci[0]} data-hi={row.ci[1]} x1={x(row.ci[0])} x2={x(row.ci[1])} y1={at} y2={at} stroke={colour} strokeWidth={2} strokeLinecap="round" />
              ) : null}
              {row.value === null ? null : row.series === 'reference' ? (
                <Diamond x={x(row.value)} y={at} r={5} fill={colour} />
              ) : (
                <circle className="mark mark-primary" cx={x(row.value)} cy={at} r={4} fill={colour} />
              )}
              <text x={innerWidth + 6} y={at} dy="0.32em" fontSize={11} fill={PALETTE.ink}>
                {row.value === null ? noDataLabel : `${pct(row.value)}${row.note ? `  ${row.note}` : ''}`}
              </text>
            </g>
          );
        })}
      </Group>
      <AxisBottom
        left={labelWidth}
        top={MARGIN.top + innerHeight}
        scale={x}
        tickValues={ticks}
        tickFormat={(v) => pct(Number(v))}
        stroke={PALETTE.ink}
        tickStroke={PALETTE.ink}
        tickComponent={Tick}
        tickLabelProps={{ fontSize: 10, fill: PALETTE.ink, textAnchor: 'middle' }}
      />
      <text x={labelWidth + innerWidth / 2} y={height - 4} textAnchor="middle" fontSize={11} fill={PALETTE.muted}>
        {axisLabel}
      </text>
    </svg>
  );
}
