// Unit search as surveyors type: with or without diacritics ("ben thanh" finds "Bến Thành"), by
// code, by former district/province; results sorted with Vietnamese collation.
import type { Unit } from '../../../shared/contract';

/** Lower case, diacritics removed, đ → d: the key both the query and the names are compared on. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

export function sortUnits(units: readonly Unit[]): Unit[] {
  return [...units].sort((a, b) => collator.compare(a.nameVi, b.nameVi) || a.code.localeCompare(b.code));
}

/** Where a unit was before the 2025 merger, to tell "Xã Thanh An" from "Xã Thạnh An". */
export function formerPlace(u: Unit): string {
  return [u.formerDistrict, u.formerProvince].filter(Boolean).join(', ');
}

/**
 * Units where every word of the query starts a word of their name, English name, code or former
 * place (compared without diacritics). A query word typed with diacritics must match them too,
 * so "Thạnh" does not find "Thanh".
 */
export function searchUnits(units: readonly Unit[], query: string): Unit[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sortUnits(units);
  const matches = (text: string): boolean => {
    const own = text.toLowerCase().split(/[\s,.()/-]+/).filter(Boolean);
    const folded = own.map(fold);
    return words.every((w) => {
      const fw = fold(w);
      return fw === w ? folded.some((x) => x.startsWith(fw)) : own.some((x) => x.startsWith(w));
    });
  };
  // Units matched by their own name or code come first, then those matched through their former place.
  const byName = units.filter((u) => matches(`${u.nameVi} ${u.nameEn ?? ''} ${u.code}`));
  const named = new Set(byName);
  const byPlace = units.filter((u) => !named.has(u) && matches(`${u.nameVi} ${u.nameEn ?? ''} ${u.code} ${formerPlace(u)}`));
  return [...sortUnits(byName), ...sortUnits(byPlace)];
}
