// How many wrong sign-ins lock a user code, and for how long. Shared so the error messages
// ("2 tries left before a 5-minute lock") and the user service count with the same numbers.
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_SECONDS = 5 * 60;
export const LOCKOUT_MS = LOCKOUT_SECONDS * 1000;

/** "5 phút" / "5 minutes", or seconds under a minute; rounded up so "0" is never shown. */
export function durationText(seconds: number): { vi: string; en: string } {
  if (seconds < 60) {
    const s = Math.max(1, Math.ceil(seconds));
    return { vi: `${s} giây`, en: `${s} second${s === 1 ? '' : 's'}` };
  }
  const m = Math.ceil(seconds / 60);
  return { vi: `${m} phút`, en: `${m} minute${m === 1 ? '' : 's'}` };
}
