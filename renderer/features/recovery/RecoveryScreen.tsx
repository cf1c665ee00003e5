// Shown when the database is lost (missing or empty beside earlier data): says what happened and
// lists the backups the main process found, newest first with time and size, each verified; the
// newest usable one is restored with one button, any other usable one from its row.
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, format, useLanguage, useT } from '../../i18n';
import { selectError, useAppStore, type BackupSummary } from '../../stores';

function formatTime(iso: string | null, language: string): string {
  if (!iso) return '?';
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'medium' });
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function RecoveryScreen() {
  const t = useT();
  const [language] = useLanguage();
  const why = useAppStore(selectError);
  const backups = useAppStore((s) => s.backups);
  const loading = useAppStore((s) => s.backupsLoading);
  const restoring = useAppStore((s) => s.restoring);
  const error = useAppStore((s) => s.recoveryError);
  const loadBackups = useAppStore((s) => s.loadBackups);
  const restoreBackup = useAppStore((s) => s.restoreBackup);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  const newest: BackupSummary | undefined = backups?.find((b) => b.usable);
  return (
    <section className="card wide" aria-labelledby="recovery-title" aria-busy={loading || restoring !== null}>
      <h1 id="recovery-title">{t('recovery.title')}</h1>
      {why ? <ErrorAlert message={errorText(why, language)} /> : null}
      <p>{t('recovery.intro')}</p>
      <ErrorAlert message={error ? errorText(error, language) : null} />
      {backups === null ? (
        <p className="muted" role="status">{t('recovery.loading')}</p>
      ) : (
        <>
          {newest ? (
            <button type="button" className="primary" disabled={restoring !== null} onClick={() => void restoreBackup(newest.name)}>
              {restoring === newest.name ? t('recovery.restoring') : format(t('recovery.restoreNewest'), { time: formatTime(newest.takenAt, language) })}
            </button>
          ) : (
            <p role="status">{t('recovery.none')}</p>
          )}
          {backups.length > 0 ? (
            <table className="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('recovery.column.takenAt')}</th>
                  <th scope="col">{t('recovery.column.size')}</th>
                  <th scope="col">{t('recovery.column.state')}</th>
                  <th scope="col"><span className="visually-hidden">{t('recovery.restore')}</span></th>
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.name}>
                    <td>{formatTime(b.takenAt, language)}</td>
                    <td>{formatSize(b.sizeBytes)}</td>
                    <td>{b.usable ? (b === newest ? t('recovery.newest') : t('recovery.usable')) : <span title={b.problem ?? ''}>{t('recovery.unusable')}</span>}</td>
                    <td>
                      {b.usable && b !== newest ? (
                        <button type="button" disabled={restoring !== null} onClick={() => void restoreBackup(b.name)}>
                          {restoring === b.name ? t('recovery.restoring') : t('recovery.restore')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <button type="button" disabled={loading || restoring !== null} onClick={() => void loadBackups()}>
            {t('recovery.reload')}
          </button>
        </>
      )}
    </section>
  );
}
