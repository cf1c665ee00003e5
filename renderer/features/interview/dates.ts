// Dates and times as surveyors type them (dd/mm/yyyy, HH:MM) and as the form stores them
// (ISO: yyyy-mm-dd, HH:MM, yyyy-mm-ddTHH:MM).

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `dd/mm/yyyy` (one-digit day/month allowed) → `yyyy-mm-dd`, or null when not a real date. */
export function parseDisplayDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** `yyyy-mm-dd…` → `dd/mm/yyyy`; anything else unchanged. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** `H:MM` or `HH:MM` → `HH:MM`, or null. */
export function parseDisplayTime(text: string): string | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [h, mi] = [Number(m[1]), Number(m[2])];
  return h < 24 && mi < 60 ? `${pad(h)}:${pad(mi)}` : null;
}

/** `dd/mm/yyyy HH:MM` → `yyyy-mm-ddTHH:MM`, or null. */
export function parseDisplayDateTime(text: string): string | null {
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(text);
  if (!m) return null;
  const d = parseDisplayDate(m[1] as string);
  const t = parseDisplayTime(m[2] as string);
  return d && t ? `${d}T${t}` : null;
}

/** `yyyy-mm-ddTHH:MM[:SS…]` → `dd/mm/yyyy HH:MM`. */
export function formatIsoDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${formatIsoDate(m[1] as string)} ${m[2]}` : iso;
}

/** A stored timestamp (ISO, UTC) shown as dd/mm/yyyy HH:MM in local time. */
export function formatTimestamp(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return `${pad(t.getDate())}/${pad(t.getMonth() + 1)}/${t.getFullYear()} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}
