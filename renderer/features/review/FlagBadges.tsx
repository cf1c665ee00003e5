// Quality flags as short badges; the full sentence (from main, in the reader's language) is the
// badge's accessible description and tooltip.
import type { ReviewRow } from '../../../shared/contract';
import type { Language, MessageKey, Translate } from '../../i18n';

export function FlagBadges({ flags, t, language }: { flags: ReviewRow['flags']; t: Translate; language: Language }) {
  if (!flags.length) return <span className="muted">{t('supervise.noFlags')}</span>;
  return (
    <>
      {flags.map((f) => (
        <span key={f.code} className={`flag-badge flag-${f.code}`} title={language === 'vi' ? f.vi : f.en}>
          {t(`supervise.flag.${f.code}` as MessageKey)}
        </span>
      ))}
    </>
  );
}
