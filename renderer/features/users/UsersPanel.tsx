// "Người dùng trên máy này": for a supervisor, who is registered on this laptop and a form to
// register one more. The core refuses these calls to other roles; the home screen hides it too.
import { useEffect } from 'react';
import { useT } from '../../i18n';
import { useAppStore } from '../../stores';
import { NewUserForm } from './NewUserForm';
import { UsersTable } from './UsersTable';

export function UsersPanel() {
  const t = useT();
  const loadUsers = useAppStore((s) => s.loadUsers);

  useEffect(() => {
    void loadUsers();
  }, [loadUsers]);

  return (
    <section className="card wide users-panel" aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      <UsersTable labelledBy="users-title" />
      <NewUserForm />
    </section>
  );
}
