// Numbers and dates as Vietnamese readers write them: 83,3 (decimal comma), dd/mm/yyyy.
const ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const TWO_DECIMALS = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const INTEGER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : ONE_DECIMAL.format(x));
export const mean = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : TWO_DECIMALS.format(x));
export const count = (x: number): string => INTEGER.format(x);
export const interval = (ci: [number, number] | null | undefined): string => (ci ? `${pct(ci[0])}–${pct(ci[1])}` : '–');

/** YYYY-MM-DD → dd/mm/yyyy; anything else as it is. */
export function day(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '–');
}

/** The lower end of an index axis: a round 10 below every interval shown (never below 0), so close Units stay apart. */
export function axisFloor(values: readonly (number | null | undefined)[]): number {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return 0;
  return Math.max(0, Math.floor((Math.min(...finite) - 2) / 10) * 10);
}
