// Unit search as surveyors type: with or without diacritics ("ben thanh" finds "Bến Thành"), by
// code, by former district/province; results sorted with Vietnamese collation.
import type { Unit } from '../../../shared/contract';
import { fold, searchWords, viCollator, wordIndex } from '../../components/textSearch';

export { fold };

export function sortUnits(units: readonly Unit[]): Unit[] {
  return [...units].sort((a, b) => viCollator.compare(a.nameVi, b.nameVi) || a.code.localeCompare(b.code));
}

/** Where a unit was before the 2025 merger, to tell "Xã Thanh An" from "Xã Thạnh An". */
export function formerPlace(u: Unit): string {
  return [u.formerDistrict, u.formerProvince].filter(Boolean).join(', ');
}

/**
 * Units where every word of the query starts a word of their name, English name, code or former
 * place (compared without diacritics, `components/textSearch.ts`). A query word typed with
 * diacritics must match them too, so "Thạnh" does not find "Thanh".
 */
export function searchUnits(units: readonly Unit[], query: string): Unit[] {
  // Units matched by their own name or code come first, then those matched through their former place.
  const found = searchWords(wordIndex(units, (u) => `${u.nameVi} ${u.nameEn ?? ''} ${u.code}`, formerPlace), query);
  if (!found) return sortUnits(units);
  return [...sortUnits(found.byPrimary), ...sortUnits(found.bySecondary)];
}
