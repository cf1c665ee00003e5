// Sign-in: user code and PIN/password, Enter submits; a refusal (wrong PIN with the tries left,
// locked out with the wait) is shown in the reader's language and the secret is cleared.
import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { errorText, useLanguage, useT, type MessageKey } from '../../i18n';
import { selectBusy, selectError, useAppStore } from '../../stores';
import { normalizeSecretInput } from '../../../shared/users/secrets';

export function SignInScreen() {
  const t = useT();
  const [language] = useLanguage();
  const busy = useAppStore(selectBusy);
  const error = useAppStore(selectError);
  const signIn = useAppStore((s) => s.signIn);
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [localError, setLocalError] = useState<MessageKey | null>(null);
  const secretRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!code.trim() || !secret) return setLocalError('form.required');
    setLocalError(null);
    const ok = await signIn(code.trim(), normalizeSecretInput(secret));
    if (!ok) {
      setSecret('');
      secretRef.current?.focus();
    }
  }

  const message = localError ? t(localError) : error ? errorText(error, language) : null;
  return (
    <section className="card" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signin.title')}</h1>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <Field
          label={t('signin.code')}
          value={code}
          onChange={setCode}
          autoFocus
          autoComplete="username"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          required
        />
        <Field
          ref={secretRef}
          label={t('signin.secret')}
          type="password"
          value={secret}
          onChange={setSecret}
          autoComplete="current-password"
          maxLength={128}
          required
        />
        <ErrorAlert message={message} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
    </section>
  );
}
