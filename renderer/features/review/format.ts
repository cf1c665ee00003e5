// Small texts of the review list: duration and outcome in the reader's language.
import type { Outcome } from '../../../shared/contract';
import type { MessageKey, Translate } from '../../i18n';

export function durationText(seconds: number | null, t: Translate): string {
  if (seconds === null) return t('supervise.duration.unknown');
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? t('supervise.duration.minutes', { m: String(m), s: String(s) }) : t('supervise.duration.seconds', { s: String(s) });
}

export function outcomeText(outcome: Outcome | null, t: Translate): string {
  return outcome ? t(`supervise.outcome.${outcome}` as MessageKey) : '—';
}
