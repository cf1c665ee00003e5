// A satisfaction battery as a grid: one row per item, the scale's points as columns, then the
// missing codes (not applicable, don't know) as explicit columns where the rows accept them.
// Typing a code on a row picks it and moves focus to the next row.
import { memo, useMemo, type KeyboardEvent } from 'react';
import type { Choice } from '../../../shared/forms/model';
import { useT } from '../../i18n';
import { useInterview, useInterviewHandle, useQuestion } from './context';
import { choiceText, digitChoice, domId, errorVisible } from './Question';
import { useFormLanguage } from './formLanguage';

export const Grid = memo(function Grid({ rows }: { rows: string[] }) {
  const t = useT();
  const lang = useFormLanguage();
  const { runtime, form } = useInterviewHandle();
  // Columns: every choice any row offers, in list order (the scale, then the missing codes).
  const columns = useMemo(() => {
    const out: Choice[] = [];
    for (const r of rows) for (const c of runtime.availableChoices(r)) if (!out.some((x) => x.name === c.name)) out.push(c);
    return out;
  }, [rows, runtime]);
  return (
    <table className="grid">
      <thead>
        <tr>
          <th scope="col" className="grid-item">{t('iv.grid.item')}</th>
          {columns.map((c) => (
            <th scope="col" key={c.name} className={c.missing ? 'missing' : undefined}>
              <span className="code">{c.name}</span>
              <span className="grid-col-label">{choiceText(c, lang, form.defaultLanguage)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((path) => (
          <GridRow key={path} path={path} columns={columns} lang={lang} />
        ))}
      </tbody>
    </table>
  );
});

function focusRow(row: Element | null): void {
  if (!row) return;
  const input = row.querySelector<HTMLInputElement>('input:checked') ?? row.querySelector<HTMLInputElement>('input');
  input?.focus();
}

const GridRow = memo(function GridRow({ path, columns, lang }: { path: string; columns: Choice[]; lang: string }) {
  const q = useQuestion(path, lang);
  const answer = useInterview((s) => s.answer);
  const showErrors = useInterview((s) => s.showErrors);
  const locked = useInterview((s) => s.summary.status !== 'draft');
  const { form } = useInterviewHandle();
  if (!q.relevant) return null;
  const id = domId(path);
  const value = q.answer.value === null ? null : String(q.answer.value);
  const offered = new Set(q.choices.map((c) => c.name));
  const required = q.node.required !== false;
  const visibleError = errorVisible(q, showErrors);
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (locked || e.altKey || e.ctrlKey || e.metaKey) return;
    const c = digitChoice(q.choices, e.key);
    if (!c) return;
    e.preventDefault();
    answer(path, c.name);
    const row = e.currentTarget;
    const next = row.nextElementSibling;
    // The next row gets focus; on the last row the picked answer keeps it (Enter goes on).
    if (next) focusRow(next);
    else (row.querySelector<HTMLInputElement>(`input[value="${c.name}"]`))?.focus();
  };
  return (
    <tr role="radiogroup" aria-labelledby={`${id}-label`} className={`grid-row${visibleError ? ' has-error' : ''}`} data-path={path} onKeyDown={onKeyDown}>
      <th scope="row" id={`${id}-label`} className="grid-item">
        {q.label}
        {required ? <span aria-hidden="true" className="required-mark"> *</span> : null}
        {visibleError ? <span className="q-error" role="alert"> {q.error?.message}</span> : null}
      </th>
      {columns.map((c) => (
        <td key={c.name} className={c.missing ? 'missing' : undefined}>
          {offered.has(c.name) ? (
            <input
              type="radio"
              name={id}
              value={c.name}
              checked={value === c.name}
              disabled={locked || q.readOnly}
              aria-label={`${c.name} ${choiceText(c, lang, form.defaultLanguage)}`}
              onChange={() => answer(path, c.name)}
            />
          ) : null}
        </td>
      ))}
    </tr>
  );
});
