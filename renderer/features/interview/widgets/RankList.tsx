// rank: the choices in the respondent's order, by keyboard first. The list is one tab stop;
// Up/Down pick an item (roving focus), Alt+Up/Down move the picked item, or Space picks it up
// so plain arrows move it until Space/Enter/Escape puts it down. The ↑/↓ buttons do the same
// by mouse. The first move records the order; "Keep this order" records the order as shown.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n';
import { useInterview, useInterviewHandle } from '../context';
import { choiceText } from '../Question';
import type { WidgetProps } from './types';

export function RankList({ q, id, lang, disabled, describedBy }: WidgetProps) {
  const t = useT();
  const { form } = useInterviewHandle();
  const answer = useInterview((s) => s.answer);
  const names = q.choices.filter((c) => !c.missing).map((c) => c.name);
  const answered = Array.isArray(q.answer.value) && q.answer.value.length > 0;
  const order = answered ? (q.answer.value as string[]) : names;
  const [focus, setFocus] = useState(0);
  const [grabbed, setGrabbed] = useState(false);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const focusItem = (k: number) => {
    setFocus(k);
    items.current[k]?.focus();
  };
  const move = (k: number, by: number) => {
    const to = k + by;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [x] = next.splice(k, 1);
    next.splice(to, 0, x as string);
    answer(q.path, next);
    setFocus(to);
    // The item keeps the focus after it moved (React re-renders the list in the new order).
    queueMicrotask(() => items.current[to]?.focus());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, k: number) => {
    if (disabled) return;
    const by = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
    if (by !== 0) {
      e.preventDefault();
      if (e.altKey || grabbed) move(k, by);
      else if (k + by >= 0 && k + by < order.length) focusItem(k + by);
    } else if (e.key === ' ' || (grabbed && (e.key === 'Enter' || e.key === 'Escape'))) {
      e.preventDefault();
      setGrabbed((g) => (e.key === ' ' ? !g : false));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusItem(e.key === 'Home' ? 0 : order.length - 1);
    }
  };
  return (
    <div className="rank-widget">
      <p className="q-hint" id={`${id}-rank-help`}>{t('iv.rank.help')}</p>
      <ol className="rank" id={id} role="listbox" aria-labelledby={`${id}-label`} aria-describedby={[describedBy, `${id}-rank-help`].filter(Boolean).join(' ')}>
        {order.map((name, k) => {
          const c = q.choices.find((x) => x.name === name);
          const label = c ? choiceText(c, lang, form.defaultLanguage) : name;
          const current = k === Math.min(focus, order.length - 1);
          return (
            <li
              key={name}
              ref={(el) => {
                items.current[k] = el;
              }}
              role="option"
              aria-selected={current}
              aria-label={`${t('iv.rank.position', { n: String(k + 1) })}: ${label}`}
              data-grabbed={current && grabbed ? 'true' : undefined}
              tabIndex={current ? 0 : -1}
              className={current && grabbed ? 'grabbed' : undefined}
              onKeyDown={(e) => onKeyDown(e, k)}
              onFocus={() => setFocus(k)}
            >
              <span className="code" aria-hidden="true">{k + 1}</span>
              <span>{label}</span>
              <button type="button" tabIndex={-1} disabled={disabled || k === 0} aria-label={`${t('iv.rank.up')}: ${label}`} onClick={() => move(k, -1)}>↑</button>
              <button type="button" tabIndex={-1} disabled={disabled || k === order.length - 1} aria-label={`${t('iv.rank.down')}: ${label}`} onClick={() => move(k, 1)}>↓</button>
            </li>
          );
        })}
      </ol>
      {!answered ? (
        <button type="button" disabled={disabled} onClick={() => answer(q.path, [...order])}>
          {t('iv.rank.keep')}
        </button>
      ) : null}
    </div>
  );
}
