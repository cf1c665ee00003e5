// A date typed as dd/mm/yyyy (the Vietnamese order) whatever the computer's locale — the browser's
// own date input shows the operating system's order (mm/dd/yyyy on an en-US machine). The
// value in and out is ISO (YYYY-MM-DD): '' when empty, null while the text is not a date (yet), so
// the form can refuse to go on. What is wrong is said under the field once the text is complete or
// the field is left (dateText.ts).
import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { useT, type MessageKey, type Translate } from '../i18n';
import { DATE_YEARS, isoToDateText, readDateText, shapeDateText, type DateText } from './dateText';

export interface DateFieldProps {
  label: string;
  /** ISO date, '' for none, or null: the field holds text that is not a date (what onChange last gave). */
  value: string | null;
  onChange: (value: string | null) => void;
  /** Show what is wrong with the text now, not only once it is complete or left (after a submit). */
  showProblem?: boolean;
  /** Marked invalid from outside (a range whose start is after its end), described by `describedBy`. */
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  name?: string;
}

export function dateProblem(read: DateText, text: string, t: Translate): string | null {
  const keys: Partial<Record<DateText['kind'], MessageKey>> = {
    incomplete: 'dateField.incomplete',
    badMonth: 'dateField.badMonth',
    badYear: 'dateField.badYear',
    badDay: 'dateField.badDay',
  };
  const key = keys[read.kind];
  if (!key) return null;
  const values: Record<string, string> = { text: text.trim(), min: String(DATE_YEARS.min), max: String(DATE_YEARS.max) };
  if (read.kind === 'badMonth') values.month = read.month;
  if (read.kind === 'badYear') values.year = read.year;
  if (read.kind === 'badDay') Object.assign(values, { days: String(read.days), month: read.month, year: read.year });
  return t(key, values);
}

export function DateField({ label, value, onChange, showProblem = false, invalid = false, describedBy, disabled, name }: DateFieldProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(() => isoToDateText(value ?? ''));
  const [left, setLeft] = useState(false);
  const read = readDateText(text);

  // A value set from outside (cleared filters, a value loaded) replaces the text; the value this
  // field gave itself does not.
  useEffect(() => {
    if (value === null) return;
    const mine = read.kind === 'date' ? read.iso : read.kind === 'empty' ? '' : null;
    if (mine !== value) {
      setText(isoToDateText(value));
      setLeft(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const atEnd = input.selectionStart === null || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length);
    const next = shapeDateText(text, input.value, atEnd);
    setText(next);
    const r = readDateText(next);
    onChange(r.kind === 'date' ? r.iso : r.kind === 'empty' ? '' : null);
  };

  const problem = left || showProblem || text.length >= 10 ? dateProblem(read, text, t) : null;
  const problemId = `${id}-problem`;
  const described = [problem ? problemId : null, describedBy ?? null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="date-field">
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={10}
        size={10}
        placeholder={t('dateField.placeholder')}
        value={text}
        disabled={disabled}
        aria-invalid={problem !== null || invalid || undefined}
        aria-describedby={described}
        onChange={change}
        onBlur={() => setLeft(true)}
      />
      {problem ? (
        <p className="field-problem" id={problemId} role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
