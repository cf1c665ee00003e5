// The users registered on this laptop: code, name, role in the reader's language, whether they
// are active or locked, and what a supervisor can do about it (unlock, deactivate, reactivate,
// reset the PIN). The core refuses what is not allowed (deactivating oneself); the table does
// not offer it either.
import { roleLabel, useLanguage, useT, type Language } from '../../i18n';
import { selectUser, selectUserActionFor, selectUsers, selectUsersLoading, useAppStore, type UserAction } from '../../stores';
import type { ManagedUser } from '../../../shared/contract';

function timeText(iso: string, language: Language): string {
  return new Date(iso).toLocaleTimeString(language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

interface UsersTableProps {
  labelledBy: string;
  onAction: (action: UserAction, user: ManagedUser) => void;
  onResetSecret: (user: ManagedUser) => void;
}

export function UsersTable({ labelledBy, onAction, onResetSecret }: UsersTableProps) {
  const t = useT();
  const [language] = useLanguage();
  const users = useAppStore(selectUsers);
  const loading = useAppStore(selectUsersLoading);
  const me = useAppStore(selectUser);
  const busyFor = useAppStore(selectUserActionFor);

  // Before the first answer there is nothing to show; a refresh keeps the old rows on screen.
  if (users === null) return loading ? <p className="muted">{t('users.loading')}</p> : null;
  if (users.length === 0) return <p className="muted">{t('users.empty')}</p>;
  const action = (kind: UserAction | 'resetSecret', u: ManagedUser) => {
    const label = t(`users.action.${kind}`);
    return (
      <button
        type="button"
        className="small"
        aria-label={`${label} ${u.code}`}
        disabled={busyFor !== null}
        onClick={() => (kind === 'resetSecret' ? onResetSecret(u) : onAction(kind, u))}
      >
        {label}
      </button>
    );
  };
  return (
    <table className="users-table" aria-labelledby={labelledBy} aria-busy={loading}>
      <thead>
        <tr>
          <th scope="col">{t('users.column.code')}</th>
          <th scope="col">{t('users.column.name')}</th>
          <th scope="col">{t('users.column.role')}</th>
          <th scope="col">{t('users.column.active')}</th>
          <th scope="col">{t('users.column.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} className={!u.active || u.lockedUntil ? 'attention' : undefined}>
            <td className="code">{u.code}</td>
            <td>{u.name}</td>
            <td>{roleLabel(u.role, language)}</td>
            <td>
              {!u.active
                ? t('users.active.no')
                : u.lockedUntil
                  ? t('users.status.locked', { time: timeText(u.lockedUntil, language) })
                  : t('users.active.yes')}
            </td>
            <td className="actions">
              {u.id === me?.id ? (
                <span className="muted">{t('users.action.you')}</span>
              ) : (
                <>
                  {u.lockedUntil ? action('unlock', u) : null}
                  {u.active ? action('deactivate', u) : action('reactivate', u)}
                  {action('resetSecret', u)}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
