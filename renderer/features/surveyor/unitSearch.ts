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
 * Units matching every word of the query (folded) in their name, English name, code or former
 * place. A query with diacritics also has to match them exactly, so "Thạnh" does not find "Thanh".
 */
export function searchUnits(units: readonly Unit[], query: string): Unit[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sortUnits(units);
  const exact = words.map((w) => w.toLowerCase());
  const folded = words.map(fold);
  const out = units.filter((u) => {
    const hay = `${u.nameVi} ${u.nameEn ?? ''} ${u.code} ${formerPlace(u)}`;
    const low = hay.toLowerCase();
    const fh = fold(hay);
    return folded.every((w, k) => fh.includes(w) && (w === exact[k] || low.includes(exact[k] as string)));
  });
  return sortUnits(out);
}
