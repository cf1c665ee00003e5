// "Đặt lại mã PIN": a supervisor gives a user who forgot theirs a new PIN/password (which also
// lifts a lock). Same rules and words as everywhere (shared/users/secrets.ts), for the user's role.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SecretField } from '../../components/SecretField';
import { errorText, useLanguage, useT } from '../../i18n';
import { selectUserActionError, selectUserActionFor, useAppStore } from '../../stores';
import type { ManagedUser } from '../../../shared/contract';
import { normalizeSecretInput, secretHint } from '../../../shared/users/secrets';
import { checkNewSecret, type NewUserProblem } from './newUserCheck';
import { problemText } from './problemText';

interface ResetSecretFormProps {
  user: ManagedUser;
  onDone: (user: ManagedUser) => void;
  onCancel: () => void;
}

export function ResetSecretForm({ user, onDone, onCancel }: ResetSecretFormProps) {
  const t = useT();
  const [language] = useLanguage();
  const busy = useAppStore(selectUserActionFor) !== null;
  const error = useAppStore(selectUserActionError);
  const resetUserSecret = useAppStore((s) => s.resetUserSecret);
  const [secret, setSecret] = useState('');
  const [secretAgain, setSecretAgain] = useState('');
  const [problem, setProblem] = useState<NewUserProblem | null>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), [user.id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const pin = normalizeSecretInput(secret);
    const found = checkNewSecret(pin, normalizeSecretInput(secretAgain), user.role);
    setProblem(found);
    if (found) return;
    const result = await resetUserSecret(user.id, pin);
    if (result?.ok) onDone(result.value);
  }

  const message = problem ? problemText(problem, language, t) : error ? errorText(error, language) : null;
  const invalid = (field: NewUserProblem['field']) => (problem?.field === field ? true : undefined);
  return (
    <form className="reset-secret" onSubmit={submit} aria-labelledby="reset-secret-title" aria-busy={busy} noValidate>
      <h3 id="reset-secret-title">{t('users.reset.title', { code: user.code, name: user.name })}</h3>
      <div className="form-grid">
        <SecretField
          ref={first}
          label={t('users.reset.secret')}
          hint={secretHint(user.role)[language]}
          value={secret}
          onChange={setSecret}
          aria-invalid={invalid('secret')}
        />
        <SecretField
          label={t('users.reset.secretAgain')}
          value={secretAgain}
          onChange={setSecretAgain}
          aria-invalid={invalid('secretAgain')}
        />
      </div>
      <ErrorAlert message={message} />
      <div className="button-row">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('users.reset.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('users.reset.busy') : t('users.reset.submit')}
        </button>
      </div>
    </form>
  );
}
