// "Người dùng trên máy này": for a supervisor, who is registered on this laptop (active, locked),
// what can be done about each, and a form to register one more — side by side, so on a
// 1366×768 or 1024×600 screen the form's button and its message need no scrolling. The core
// refuses these calls to other roles; the home screen hides the panel too.
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT, type MessageKey } from '../../i18n';
import { selectUserActionError, useAppStore, type UserAction } from '../../stores';
import type { ManagedUser } from '../../../shared/contract';
import { NewUserForm } from './NewUserForm';
import { ResetSecretForm } from './ResetSecretForm';
import { UsersTable } from './UsersTable';

const DONE: Record<UserAction | 'resetSecret', MessageKey> = {
  unlock: 'users.action.done.unlock',
  deactivate: 'users.action.done.deactivate',
  reactivate: 'users.action.done.reactivate',
  resetSecret: 'users.reset.done',
};

export function UsersPanel() {
  const t = useT();
  const [language] = useLanguage();
  const loadUsers = useAppStore((s) => s.loadUsers);
  const actOnUser = useAppStore((s) => s.actOnUser);
  const actionError = useAppStore(selectUserActionError);
  const [resetting, setResetting] = useState<ManagedUser | null>(null);
  // The last action that worked, kept as data so the language toggle re-words it.
  const [done, setDone] = useState<{ kind: keyof typeof DONE; code: string } | null>(null);

  useEffect(() => {
    void loadUsers();
  }, [loadUsers]);

  async function act(kind: UserAction, user: ManagedUser) {
    setDone(null);
    const result = await actOnUser(kind, user.id);
    if (result?.ok) setDone({ kind, code: user.code });
  }

  return (
    <section className="card wide users-panel" aria-labelledby="users-title">
      <div className="users-list">
        <h2 id="users-title">{t('users.title')}</h2>
        <UsersTable
          labelledBy="users-title"
          onAction={(kind, user) => void act(kind, user)}
          onResetSecret={(user) => {
            setDone(null);
            setResetting(user);
          }}
        />
        {resetting ? null : <ErrorAlert message={actionError ? errorText(actionError, language) : null} />}
        <p className="status-message" role="status">
          {done ? t(DONE[done.kind], { code: done.code }) : null}
        </p>
      </div>
      <div className="users-form">
        {resetting ? (
          <ResetSecretForm
            key={resetting.id}
            user={resetting}
            onCancel={() => setResetting(null)}
            onDone={(user) => {
              setResetting(null);
              setDone({ kind: 'resetSecret', code: user.code });
            }}
          />
        ) : (
          <NewUserForm />
        )}
      </div>
    </section>
  );
}
