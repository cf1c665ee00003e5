// First run ("Thiết lập máy lần đầu"): create the first supervisor, who then registers surveyors.
// The strength rule lives in the core; here only the two entries must match.
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { errorText, useLanguage, useT, type MessageKey } from '../../i18n';
import { selectBusy, selectError, useAppStore } from '../../stores';

export function SetupScreen() {
  const t = useT();
  const [language] = useLanguage();
  const busy = useAppStore(selectBusy);
  const error = useAppStore(selectError);
  const createFirstSupervisor = useAppStore((s) => s.createFirstSupervisor);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [secretAgain, setSecretAgain] = useState('');
  const [localError, setLocalError] = useState<MessageKey | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!code.trim() || !name.trim() || !secret || !secretAgain) return setLocalError('form.required');
    if (secret !== secretAgain) return setLocalError('setup.mismatch');
    setLocalError(null);
    await createFirstSupervisor({ code: code.trim(), name: name.trim(), secret });
  }

  const message = localError ? t(localError) : error ? errorText(error, language) : null;
  return (
    <section className="card" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p className="intro">{t('setup.intro')}</p>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <Field label={t('setup.code')} value={code} onChange={setCode} autoFocus autoComplete="username" spellCheck={false} maxLength={32} required />
        <Field label={t('setup.name')} value={name} onChange={setName} autoComplete="name" maxLength={120} required />
        <Field
          label={t('setup.secret')}
          hint={t('setup.secretHint')}
          type="password"
          value={secret}
          onChange={setSecret}
          autoComplete="new-password"
          maxLength={128}
          required
        />
        <Field label={t('setup.secretAgain')} type="password" value={secretAgain} onChange={setSecretAgain} autoComplete="new-password" maxLength={128} required />
        <ErrorAlert message={message} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('setup.busy') : t('setup.submit')}
        </button>
      </form>
    </section>
  );
}
