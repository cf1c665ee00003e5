// A long choice list (the 168 units, the agencies, the administrative fields…) as a keyboard-first
// combobox (WAI-ARIA 1.2: an editable combobox with a listbox popup, list autocomplete, manual
// selection): type a name — with or without diacritics — or a code to filter, ↑ ↓ to move, Enter
// chooses, Esc clears; the field then shows the chosen choice's code and label. The missing codes
// (not applicable, don't know…) and "other" are listed after the matches whatever is typed.
// Cheap per key: the words of the list are split and folded once (components/textSearch.ts), at
// most MAX_SHOWN options are rendered, and what is typed stays in this component's state, so a key
// re-renders this list and nothing else; only choosing goes to the interview's store.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Choice } from '../../../shared/forms/model';
import { searchWords, viCollator, wordIndex } from '../../components/textSearch';
import { useT } from '../../i18n';

/** Options rendered at once; the rest is reached by typing more (the count is said). */
export const MAX_SHOWN = 50;

export interface ChoiceSearchProps {
  /** The input's id (the question's label points at it). */
  id: string;
  choices: readonly Choice[];
  /** The chosen code, or null. */
  value: string | null;
  lang: string;
  defaultLanguage: string;
  disabled: boolean;
  describedBy: string | undefined;
  onChoose: (code: string | null) => void;
}

const labelOf = (c: Choice, lang: string, defaultLanguage: string): string => c.labels[lang] || c.labels[defaultLanguage] || c.name;

/** Always listed, after the matches: the missing codes and "other (specify)". */
const pinnedChoice = (c: Choice): boolean => Boolean(c.missing) || c.name === 'other';

export function ChoiceSearch({ id, choices, value, lang, defaultLanguage, disabled, describedBy, onChoose }: ChoiceSearchProps) {
  const t = useT();
  const listId = `${id}-list`;
  const optionPrefix = `${id}-opt-${useId().replace(/[^\w-]/g, '')}`;
  /** What is typed; null while not typing (the field shows the chosen choice). */
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  /** The option ↑ ↓ moved to; null: the default (a code typed in full, else the first match). */
  const [activeName, setActiveName] = useState<string | null>(null);

  const { regular, pinned, index, rank } = useMemo(() => {
    const regular = choices.filter((c) => !pinnedChoice(c));
    const pinned = choices.filter(pinnedChoice);
    // Every label language and the code are searched; what is shown is in `lang`.
    const index = wordIndex(regular, (c) => `${labelOf(c, lang, defaultLanguage)} ${Object.values(c.labels).join(' ')} ${c.name}`);
    const collated = [...regular].sort((a, b) => viCollator.compare(labelOf(a, lang, defaultLanguage), labelOf(b, lang, defaultLanguage)) || a.name.localeCompare(b.name));
    return { regular, pinned, index, rank: new Map(collated.map((c, k) => [c, k])) };
  }, [choices, lang, defaultLanguage]);

  // Matches in Vietnamese collation (by name first, then through other words); the whole list in
  // the form's order while nothing is typed.
  const matches = useMemo(() => {
    const found = query === null ? null : searchWords(index, query);
    if (!found) return regular;
    const byRank = (a: Choice, b: Choice) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
    return [...found.byPrimary.sort(byRank), ...found.bySecondary.sort(byRank)];
  }, [query, index, regular, rank]);
  const shown = useMemo(() => [...matches.slice(0, MAX_SHOWN), ...pinned], [matches, pinned]);
  const hidden = matches.length - Math.min(matches.length, MAX_SHOWN);

  const chosen = value === null ? null : (choices.find((c) => c.name === value) ?? null);
  const chosenText = chosen ? `${chosen.name} · ${labelOf(chosen, lang, defaultLanguage)}` : value ?? '';
  const optionId = (c: Choice) => `${optionPrefix}-${c.name.replace(/[^\w-]/g, '_')}`;
  const typedCode = query === null ? '' : query.trim();
  const activeChoice = !open ? null : (shown.find((c) => c.name === activeName) ?? shown.find((c) => c.name === typedCode) ?? shown[0] ?? null);

  useEffect(() => {
    if (!activeChoice) return;
    // jsdom has no scrollIntoView; browsers keep the active option in view.
    document.getElementById(optionId(activeChoice))?.scrollIntoView?.({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeChoice]);

  const close = () => {
    setOpen(false);
    setQuery(null);
    setActiveName(null);
  };
  const choose = (c: Choice) => {
    close();
    if (c.name !== value) onChoose(c.name);
  };
  const type = (text: string) => {
    setQuery(text);
    setOpen(true);
    setActiveName(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActiveName(chosen?.name ?? null);
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActiveName(chosen?.name ?? null);
        return;
      }
      if (shown.length === 0) return;
      const k = activeChoice ? shown.indexOf(activeChoice) : -1;
      const to = e.key === 'ArrowDown' ? (k + 1) % shown.length : (k - 1 + shown.length) % shown.length;
      setActiveName((shown[to] as Choice).name);
      return;
    }
    if (e.key === 'Enter' && open && !e.ctrlKey) {
      // Enter chooses here; it goes to the next page only once the list is closed.
      e.preventDefault();
      e.stopPropagation();
      if (activeChoice) choose(activeChoice);
      return;
    }
    if (e.key === 'Escape') {
      if (open || query !== null) {
        e.preventDefault();
        e.stopPropagation();
        close();
      } else if (value !== null) {
        e.preventDefault();
        e.stopPropagation();
        onChoose(null);
      }
      return;
    }
    if (e.key === 'Tab') close();
  };

  return (
    <div className="combo">
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeChoice ? optionId(activeChoice) : undefined}
        aria-describedby={describedBy}
        placeholder={t('iv.combo.placeholder')}
        disabled={disabled}
        value={query ?? chosenText}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <ul id={listId} role="listbox" aria-label={t('iv.combo.placeholder')} className="combo-list" hidden={!open} onMouseDown={(e) => e.preventDefault()}>
        {open
          ? shown.map((c) => (
              <li
                key={c.name}
                id={optionId(c)}
                role="option"
                aria-selected={c.name === value}
                className={`combo-option${c === activeChoice ? ' active' : ''}${pinnedChoice(c) ? ' missing' : ''}`}
                onClick={() => choose(c)}
              >
                <span className="code">{c.name}</span> {labelOf(c, lang, defaultLanguage)}
              </li>
            ))
          : null}
      </ul>
      {open ? (
        <p className="combo-status muted" role="status">
          {matches.length === 0 && query !== null ? t('iv.combo.none') : t('iv.combo.results', { count: String(matches.length) })}
          {hidden > 0 ? ` · ${t('iv.combo.more', { count: String(hidden) })}` : null}
        </p>
      ) : null}
    </div>
  );
}
