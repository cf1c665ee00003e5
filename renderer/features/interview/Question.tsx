// One question on the page: label (required marked), hint, the widget for its type, and the
// engine's message inline. Digits pick choice codes in a choice question; the rest is plain
// labelled form controls so Tab order, focus and screen readers work without extra code.
import { memo, useEffect, useState, type KeyboardEvent } from 'react';
import type { Choice } from '../../../shared/forms/model';
import { useT } from '../../i18n';
import { ChoiceSearch } from './ChoiceSearch';
import { useInterview, useInterviewHandle, useQuestion, type QuestionView } from './context';
import { formatIsoDate, formatIsoDateTime, parseDisplayDate, parseDisplayDateTime, parseDisplayTime } from './dates';
import { useFormLanguage } from './formLanguage';
import { BarcodeReaders } from './widgets/barcode/BarcodeReaders';
import { GeoInput } from './widgets/GeoInput';
import { MediaInput } from './widgets/MediaInput';
import { RangeInput } from './widgets/RangeInput';
import { RankList } from './widgets/RankList';
import type { WidgetProps } from './widgets/types';

/** A DOM id for a question path (`roster[2]/age` → `q-roster_2__age`). */
export const domId = (path: string) => `q-${path.replace(/[^\p{L}\p{N}_-]/gu, '_')}`;

/** Lists longer than this are searched (a combobox), not a column of radios. */
const LONG_LIST = 15;
const SEARCH_APPEARANCES = ['autocomplete', 'search', 'minimal'];

/** A select_one answered through the searchable list: a long list, or one the form asks to search. */
export function searchable(q: QuestionView): boolean {
  if (q.node.type !== 'select_one' && q.node.type !== 'select_one_from_file') return false;
  const words = (q.node.appearance ?? '').split(/\s+/);
  return q.choices.length > LONG_LIST || SEARCH_APPEARANCES.some((a) => words.includes(a));
}

export function choiceText(c: Choice, lang: string, defaultLanguage: string): string {
  return c.labels[lang] || c.labels[defaultLanguage] || c.name;
}

/** Whether the surveyor should see this question's error now. */
export function errorVisible(q: QuestionView, showErrors: boolean): boolean {
  if (!q.error) return false;
  return showErrors || q.error.kind !== 'required';
}

/** Memoised: the page re-renders on every change, a question only when its own view changes. */
export const Question = memo(function Question({ path }: { path: string }) {
  const lang = useFormLanguage();
  const q = useQuestion(path, lang);
  const t = useT();
  const showErrors = useInterview((s) => s.showErrors);
  const locked = useInterview((s) => s.summary.status !== 'draft');
  const id = domId(path);
  if (!q.relevant) return null;
  const required = q.node.required !== false && q.node.type !== 'note';
  const visibleError = errorVisible(q, showErrors);
  const describedBy = [q.hint ? `${id}-hint` : '', visibleError ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const isGroup = (['select_one', 'select_multiple', 'select_one_from_file', 'select_multiple_from_file', 'rank'].includes(q.node.type) && !searchable(q));
  return (
    <div className={`question type-${q.node.type}${visibleError ? ' has-error' : ''}`} data-path={path}>
      {isGroup || q.node.type === 'note' ? (
        <p className="q-label" id={`${id}-label`}>
          {q.label}
          {required ? <RequiredMark /> : null}
        </p>
      ) : (
        <label className="q-label" id={`${id}-label`} htmlFor={id}>
          {q.label}
          {required ? <RequiredMark /> : null}
        </label>
      )}
      {q.hint ? <p className="q-hint" id={`${id}-hint`}>{q.hint}</p> : null}
      <Widget q={q} id={id} lang={lang} disabled={locked || q.readOnly} describedBy={describedBy} />
      {!CHOICE_TYPES.has(q.node.type) && q.node.missingCodes.length > 0 ? (
        <MissingButtons q={q} lang={lang} disabled={locked || q.readOnly} />
      ) : null}
      {visibleError ? (
        <p className="q-error" id={`${id}-error`} role="alert">
          {q.error?.message}
        </p>
      ) : null}
      <InputError path={path} />
    </div>
  );
});

function RequiredMark() {
  const t = useT();
  return (
    <span className="required-mark" title={t('iv.required')}>
      <span aria-hidden="true"> *</span>
      <span className="visually-hidden"> ({t('iv.required')})</span>
    </span>
  );
}

function InputError({ path }: { path: string }) {
  const message = useInterview((s) => s.inputErrors[path]);
  return message ? <p className="q-error" role="alert">{message}</p> : null;
}

/** Types whose missing codes are choices of their list (no separate missing buttons). */
const CHOICE_TYPES = new Set(['select_one', 'select_multiple', 'select_one_from_file', 'select_multiple_from_file']);

function Widget(props: WidgetProps) {
  switch (props.q.node.type) {
    case 'note':
      return null;
    case 'select_one':
    case 'select_one_from_file':
      return searchable(props.q) ? <SearchableChoice {...props} /> : <ChoiceGroup {...props} />;
    case 'select_multiple':
    case 'select_multiple_from_file':
      return <ChoiceGroup {...props} multiple />;
    case 'range':
      return <RangeInput {...props} />;
    case 'geopoint':
    case 'geotrace':
    case 'geoshape':
      return <GeoInput {...props} />;
    case 'image':
    case 'audio':
    case 'video':
    case 'file':
      return <MediaInput {...props} />;
    case 'barcode':
      return <BarcodeInput {...props} />;
    case 'rank':
      return <RankList {...props} />;
    case 'acknowledge':
      return <Acknowledge {...props} />;
    case 'date':
      return <DisplayInput {...props} parse={parseDisplayDate} format={formatIsoDate} hintKey="iv.dateHint" badKey="iv.badDate" />;
    case 'time':
      return <DisplayInput {...props} parse={parseDisplayTime} format={(s) => s.slice(0, 5)} hintKey="iv.timeHint" badKey="iv.badTime" />;
    case 'datetime':
      return <DisplayInput {...props} parse={parseDisplayDateTime} format={formatIsoDateTime} hintKey="iv.datetimeHint" badKey="iv.badTime" />;
    default:
      return <TextInput {...props} />;
  }
}

/** Text and numbers: what is typed goes to the runtime at once (a bad number shows the engine's message and is not saved). */
function TextInput({ q, id, disabled, describedBy }: WidgetProps) {
  const answer = useInterview((s) => s.answer);
  const numeric = ['integer', 'decimal', 'range'].includes(q.node.type);
  const stored = q.answer.missing ? '' : q.answer.value === null ? '' : String(q.answer.value);
  const [text, setText] = useState(stored);
  // Another source changed the value (load, a missing code): show it.
  useEffect(() => {
    setText((cur) => (cur.trim() === stored || (numeric && Number(cur) === Number(stored) && cur.trim() !== '') ? cur : stored));
  }, [stored, numeric]);
  const onChange = (v: string) => {
    setText(v);
    answer(q.path, v.trim() === '' ? null : numeric ? v.trim().replace(',', '.') : v);
  };
  const common = { id, value: text, disabled, 'aria-describedby': describedBy, 'aria-invalid': q.error !== null && q.error.kind !== 'required' ? true : undefined } as const;
  if ((q.node.appearance ?? '').includes('multiline')) {
    return <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />;
  }
  return <input {...common} type="text" inputMode={numeric ? (q.node.type === 'integer' ? 'numeric' : 'decimal') : undefined} onChange={(e) => onChange(e.target.value)} />;
}

/** A barcode: typed, entered by a USB scanner (which types the code and Enter), read from an image or scanned with the camera. */
function BarcodeInput(props: WidgetProps) {
  const t = useT();
  return (
    <>
      <TextInput {...props} describedBy={[props.describedBy, `${props.id}-barcode`].filter(Boolean).join(' ')} />
      <p className="q-hint" id={`${props.id}-barcode`}>{t('iv.barcode.hint')}</p>
      <BarcodeReaders q={props.q} id={props.id} disabled={props.disabled} />
    </>
  );
}

/** Dates and times typed as the surveyor reads them; saved in ISO once complete and real. */
function DisplayInput({ q, id, disabled, describedBy, parse, format, hintKey, badKey }: WidgetProps & { parse: (s: string) => string | null; format: (s: string) => string; hintKey: 'iv.dateHint' | 'iv.timeHint' | 'iv.datetimeHint'; badKey: 'iv.badDate' | 'iv.badTime' }) {
  const t = useT();
  const answer = useInterview((s) => s.answer);
  const stored = q.answer.value === null || q.answer.missing ? '' : format(String(q.answer.value));
  const [text, setText] = useState(stored);
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText((cur) => (parse(cur) !== null && format(parse(cur) as string) === stored ? cur : stored || (parse(cur) === null ? cur : '')));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored]);
  const onChange = (v: string) => {
    setText(v);
    const iso = parse(v);
    if (v.trim() === '') answer(q.path, null);
    else if (iso !== null) answer(q.path, iso);
    if (iso !== null || v.trim() === '') setBad(false);
  };
  return (
    <>
      <input
        id={id}
        type="text"
        value={text}
        placeholder={t(hintKey)}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={bad || undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setBad(text.trim() !== '' && parse(text) === null)}
      />
      {bad ? <p className="q-error" role="alert">{t(badKey)}</p> : null}
    </>
  );
}

/** Single-digit choice names can be picked by typing them. */
export function digitChoice(choices: readonly Choice[], key: string): Choice | null {
  if (!/^[0-9]$/.test(key)) return null;
  return choices.find((c) => c.name === key) ?? null;
}

function ChoiceGroup({ q, id, lang, disabled, describedBy, multiple }: WidgetProps & { multiple?: boolean }) {
  const { form } = useInterviewHandle();
  const answer = useInterview((s) => s.answer);
  const selected = new Set(Array.isArray(q.answer.value) ? q.answer.value : q.answer.value === null ? [] : [String(q.answer.value)]);
  const pick = (c: Choice) => {
    if (!multiple) return answer(q.path, c.name);
    const next = new Set(selected);
    if (next.has(c.name)) next.delete(c.name);
    else next.add(c.name);
    // A missing code stands alone in a select_multiple.
    const list = c.missing && next.has(c.name) ? [c.name] : [...next].filter((n) => !q.choices.find((x) => x.name === n)?.missing);
    const ordered = q.choices.map((x) => x.name).filter((n) => list.includes(n));
    answer(q.path, ordered.length ? ordered : null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (disabled || e.altKey || e.ctrlKey || e.metaKey) return;
    const c = digitChoice(q.choices, e.key);
    if (!c) return;
    e.preventDefault();
    pick(c);
    if (!multiple) {
      const input = document.getElementById(`${id}-${c.name}`);
      (input as HTMLInputElement | null)?.focus();
    }
  };
  return (
    <div
      role={multiple ? 'group' : 'radiogroup'}
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy}
      className={`choices${q.choices.length > 6 ? ' many' : ''}`}
      onKeyDown={onKeyDown}
    >
      {q.choices.map((c) => (
        <label key={c.name} className={`choice${c.missing ? ' missing' : ''}`}>
          <input
            id={`${id}-${c.name}`}
            type={multiple ? 'checkbox' : 'radio'}
            name={id}
            value={c.name}
            checked={selected.has(c.name)}
            disabled={disabled}
            onChange={() => pick(c)}
          />
          <span className="code" aria-hidden="true">{c.name}</span>
          <span>{choiceText(c, lang, form.defaultLanguage)}</span>
        </label>
      ))}
    </div>
  );
}

function SearchableChoice({ q, id, lang, disabled, describedBy }: WidgetProps) {
  const { form } = useInterviewHandle();
  const answer = useInterview((s) => s.answer);
  return (
    <ChoiceSearch
      id={id}
      choices={q.choices}
      value={q.answer.value === null ? null : String(q.answer.value)}
      lang={lang}
      defaultLanguage={form.defaultLanguage}
      disabled={disabled}
      describedBy={describedBy}
      onChoose={(code) => answer(q.path, code)}
    />
  );
}

function Acknowledge({ q, id, disabled, describedBy }: WidgetProps) {
  const t = useT();
  const answer = useInterview((s) => s.answer);
  return (
    <label className="choice">
      <input id={id} type="checkbox" checked={q.answer.value === true} disabled={disabled} aria-describedby={describedBy} onChange={(e) => answer(q.path, e.target.checked ? true : null)} />
      <span>{t('iv.ack')}</span>
    </label>
  );
}

/** Don't know / not applicable for a question that is not a choice list: one toggle button per code the question accepts. */
function MissingButtons({ q, lang, disabled }: { q: QuestionView; lang: string; disabled: boolean }) {
  const { form } = useInterviewHandle();
  const t = useT();
  const answerMissing = useInterview((s) => s.answerMissing);
  const answer = useInterview((s) => s.answer);
  return (
    <div className="missing-buttons" role="group" aria-label={t('iv.missing')}>
      {q.node.missingCodes.map((code) => {
        const m = form.missingCodes.find((x) => x.code === code);
        const on = q.answer.missing !== null && String(q.answer.value) === code;
        return (
          <button key={code} type="button" aria-pressed={on} disabled={disabled} onClick={() => (on ? answer(q.path, null) : answerMissing(q.path, code))}>
            {code} · {m ? m.labels[lang] || m.labels[form.defaultLanguage] || m.kind : code}
          </button>
        );
      })}
    </div>
  );
}
