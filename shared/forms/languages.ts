// Language columns: `label::Tiếng Việt (vi)`, `label::English (en)`, `label::en`, plain `label`.
import type { Language } from './model';

const KNOWN_NAMES: Record<string, string> = {
  english: 'en',
  'tiếng anh': 'en',
  vietnamese: 'vi',
  'tiếng việt': 'vi',
  'tieng viet': 'vi',
  default: 'default',
};

/** `English (en)` → { code: 'en', name: 'English' }; `English` → en; `fr` → fr. */
export function parseLanguage(text: string): Language {
  const t = text.trim();
  const m = /^(.*?)\s*\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\)$/.exec(t);
  if (m) {
    const code = (m[2] ?? '').toLowerCase();
    return { code, name: (m[1] ?? '').trim() || code };
  }
  const known = KNOWN_NAMES[t.toLowerCase()];
  if (known) return { code: known, name: t };
  if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(t)) return { code: t.toLowerCase(), name: t };
  return { code: t, name: t };
}

/**
 * Text of one row for every language column of `base` (`label`, `hint`, …). A plain column
 * belongs to the default language; a column naming that language explicitly wins over it.
 */
export function readLocalized(
  t: { columns: readonly { index: number; base: string; language?: string }[] },
  cells: readonly unknown[],
  base: string,
  defaultLanguage: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  const ordered = [...t.columns.filter((c) => c.base === base && c.language === undefined), ...t.columns.filter((c) => c.base === base && c.language !== undefined)];
  for (const c of ordered) {
    const v = cells[c.index];
    const text = v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v);
    if (!text) continue;
    const code = c.language === undefined ? defaultLanguage : parseLanguage(c.language).code;
    out[code] = text;
  }
  return out;
}

/** Languages named in headers of these bases, in header order, without duplicates. */
export function languagesInHeaders(columns: readonly { base: string; language?: string }[], bases: readonly string[]): Language[] {
  const out: Language[] = [];
  for (const c of columns) {
    if (c.language === undefined || !bases.includes(c.base)) continue;
    const l = parseLanguage(c.language);
    if (!out.some((o) => o.code === l.code)) out.push(l);
  }
  return out;
}
