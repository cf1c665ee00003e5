// Search as surveyors type, shared by the unit search of the start screen and the searchable lists
// of the questionnaire: with or without diacritics ("ben thanh" finds "Bến Thành"), every query
// word must start a word of the item; a word typed with diacritics must match them ("Thạnh" does
// not find "Thanh"). The words of each item are split and folded once (`wordIndex`), so a key
// press only compares prefixes.

/** Lower case, diacritics removed, đ → d: the key both the query and the names are compared on. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Vietnamese collation (base letters first, then marks: "Thanh" before "Thạnh"). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base' });

interface Words {
  own: string[];
  folded: string[];
}

function wordsOf(text: string): Words {
  const own = text.toLowerCase().split(/[\s,.()/:·-]+/).filter(Boolean);
  return { own, folded: own.map(fold) };
}

export interface WordIndex<T> {
  items: readonly T[];
  primary: Words[];
  /** Primary and secondary words together (a match through the secondary text ranks after). */
  all: Words[];
}

/**
 * Splits and folds each item's texts once: `primary` (its name, code…) and `secondary` (where it
 * was, other details) which only ranks after primary matches.
 */
export function wordIndex<T>(items: readonly T[], primary: (x: T) => string, secondary?: (x: T) => string): WordIndex<T> {
  return {
    items,
    primary: items.map((x) => wordsOf(primary(x))),
    all: items.map((x) => wordsOf(secondary ? `${primary(x)} ${secondary(x)}` : primary(x))),
  };
}

function queryWords(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

function matches(words: readonly string[], item: Words): boolean {
  return words.every((w) => {
    const fw = fold(w);
    return fw === w ? item.folded.some((x) => x.startsWith(fw)) : item.own.some((x) => x.startsWith(w));
  });
}

/**
 * The items where every word of the query starts a word of their texts: those matched by their
 * primary text first, then those matched only through the secondary, each in index order.
 * An empty query gives null (the caller shows the whole list its own way).
 */
export function searchWords<T>(index: WordIndex<T>, query: string): { byPrimary: T[]; bySecondary: T[] } | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const byPrimary: T[] = [];
  const bySecondary: T[] = [];
  index.items.forEach((x, k) => {
    if (matches(words, index.primary[k] as Words)) byPrimary.push(x);
    else if (index.all[k] !== index.primary[k] && matches(words, index.all[k] as Words)) bySecondary.push(x);
  });
  return { byPrimary, bySecondary };
}
