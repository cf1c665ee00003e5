// The users registered on this laptop: code, name, role in the reader's language, active or not.
import { roleLabel, useLanguage, useT } from '../../i18n';
import { selectUsers, selectUsersLoading, useAppStore } from '../../stores';

export function UsersTable({ labelledBy }: { labelledBy: string }) {
  const t = useT();
  const [language] = useLanguage();
  const users = useAppStore(selectUsers);
  const loading = useAppStore(selectUsersLoading);

  // Before the first answer there is nothing to show; a refresh keeps the old rows on screen.
  if (users === null) return loading ? <p className="muted">{t('users.loading')}</p> : null;
  if (users.length === 0) return <p className="muted">{t('users.empty')}</p>;
  return (
    <table className="users-table" aria-labelledby={labelledBy} aria-busy={loading}>
      <thead>
        <tr>
          <th scope="col">{t('users.column.code')}</th>
          <th scope="col">{t('users.column.name')}</th>
          <th scope="col">{t('users.column.role')}</th>
          <th scope="col">{t('users.column.active')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id}>
            <td className="code">{u.code}</td>
            <td>{u.name}</td>
            <td>{roleLabel(u.role, language)}</td>
            <td>{u.active ? t('users.active.yes') : t('users.active.no')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
