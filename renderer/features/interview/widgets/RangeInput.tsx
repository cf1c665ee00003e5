// range: a slider and a number box showing the same value, with the form's parameters (start,
// end, step, tick_interval, tick_labelset, placeholder). Untouched, the question has no answer
// (the slider then sits at the placeholder or the start, greyed). Keys on the slider: arrows ± one
// step, Page Up/Down ± one tick interval, Home/End the ends; what is typed in the box is checked
// by the runtime (a value off the range or its step shows the engine's message and is not saved).
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n';
import { useInterview, useInterviewHandle } from '../context';
import { choiceText } from '../Question';
import type { WidgetProps } from './types';

export interface RangeSpec {
  start: number;
  end: number;
  step: number;
  tick: number;
  placeholder: number | null;
}

/** The range's parameters as numbers, with pyxform's defaults (1, 10, 1). */
export function rangeSpec(parameters: Record<string, string>): RangeSpec {
  const start = Number(parameters['start'] ?? '1');
  const end = Number(parameters['end'] ?? '10');
  const step = Math.abs(Number(parameters['step'] ?? '1')) || 1;
  const tick = Math.abs(Number(parameters['tick_interval'] ?? step)) || step;
  const placeholder = parameters['placeholder'] !== undefined ? Number(parameters['placeholder']) : null;
  return { start, end, step, tick, placeholder };
}

/** Snaps `x` to the nearest step counted from start, within the range (no float noise). */
export function snap(spec: RangeSpec, x: number): number {
  const lo = Math.min(spec.start, spec.end);
  const hi = Math.max(spec.start, spec.end);
  const k = Math.round((x - spec.start) / spec.step);
  const decimals = Math.max(decimalsOf(spec.step), decimalsOf(spec.start));
  const v = Number((spec.start + k * spec.step).toFixed(decimals));
  return Math.min(hi, Math.max(lo, v));
}

function decimalsOf(n: number): number {
  const s = String(n);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

export function RangeInput({ q, id, lang, disabled, describedBy }: WidgetProps) {
  const t = useT();
  const { form } = useInterviewHandle();
  const answer = useInterview((s) => s.answer);
  const spec = rangeSpec(q.node.parameters);
  const value = typeof q.answer.value === 'number' && !q.answer.missing ? q.answer.value : null;
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    setText((cur) => (cur.trim() !== '' && Number(cur.replace(',', '.')) === value ? cur : value === null ? cur : String(value)));
  }, [value]);
  const set = (x: number) => {
    const v = snap(spec, x);
    setText(String(v));
    answer(q.path, v);
  };
  const lo = Math.min(spec.start, spec.end);
  const hi = Math.max(spec.start, spec.end);
  const up = spec.end >= spec.start ? 1 : -1;
  const onSliderKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (disabled) return;
    const from = value ?? spec.placeholder ?? spec.start;
    const moves: Record<string, () => number> = {
      ArrowUp: () => from + up * spec.step,
      ArrowRight: () => from + up * spec.step,
      ArrowDown: () => from - up * spec.step,
      ArrowLeft: () => from - up * spec.step,
      PageUp: () => from + up * spec.tick,
      PageDown: () => from - up * spec.tick,
      Home: () => spec.start,
      End: () => spec.end,
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    // The first key press on an unanswered slider records where it stands.
    set(value === null && (e.key.startsWith('Arrow') || e.key.startsWith('Page')) ? from : move());
  };
  const labels = q.node.parameters['tick_labelset'] ? (form.choiceLists[q.node.parameters['tick_labelset']]?.choices ?? []) : [];
  const listId = `${id}-ticks`;
  return (
    <div className={`range${value === null ? ' unanswered' : ''}`}>
      <input
        type="range"
        id={`${id}-slider`}
        min={lo}
        max={hi}
        step={spec.step}
        value={value ?? spec.placeholder ?? spec.start}
        disabled={disabled}
        list={labels.length ? listId : undefined}
        aria-label={`${q.label} — ${t('iv.range.slider')}`}
        aria-valuetext={value === null ? '—' : String(value)}
        onKeyDown={onSliderKey}
        onChange={(e) => set(Number(e.target.value))}
      />
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={spec.placeholder !== null ? String(spec.placeholder) : `${spec.start}–${spec.end}`}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={(q.error !== null && q.error.kind !== 'required') || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = e.target.value.trim().replace(',', '.');
          answer(q.path, v === '' ? null : v);
        }}
      />
      {labels.length ? (
        <>
          <datalist id={listId}>
            {labels.map((c) => (
              <option key={c.name} value={c.name} label={choiceText(c, lang, form.defaultLanguage)} />
            ))}
          </datalist>
          <ol className="range-ticks" aria-hidden="true">
            {labels.map((c) => (
              <li key={c.name}>
                <span className="code">{c.name}</span> {choiceText(c, lang, form.defaultLanguage)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
