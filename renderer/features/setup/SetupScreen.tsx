// First run ("Thiết lập máy lần đầu"): create the first supervisor, who then registers surveyors.
// The PIN rules (a supervisor needs a password or 8+ digits) are checked here with the same
// shared rules and words as the core; the core still decides.
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { SecretField } from '../../components/SecretField';
import { errorText, useLanguage, useT } from '../../i18n';
import { selectBusy, selectError, useAppStore } from '../../stores';
import { normalizeSecretInput, secretHint } from '../../../shared/users/secrets';
import { checkNewSecret, type NewUserProblem } from '../users/newUserCheck';
import { problemText } from '../users/problemText';

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
  const [problem, setProblem] = useState<NewUserProblem | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const pin = normalizeSecretInput(secret);
    const found: NewUserProblem | null = !code.trim()
      ? { message: 'form.required', field: 'code' }
      : !name.trim()
        ? { message: 'form.required', field: 'name' }
        : checkNewSecret(pin, normalizeSecretInput(secretAgain), 'supervisor');
    setProblem(found);
    if (found) return;
    await createFirstSupervisor({ code: code.trim(), name: name.trim().normalize('NFC'), secret: pin });
  }

  const message = problem ? problemText(problem, language, t) : error ? errorText(error, language) : null;
  const invalid = (field: NewUserProblem['field']) => (problem?.field === field ? true : undefined);
  return (
    <section className="card setup" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p className="intro">{t('setup.intro')}</p>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <div className="form-grid">
          <Field label={t('setup.code')} value={code} onChange={setCode} aria-invalid={invalid('code')} autoFocus autoComplete="username" spellCheck={false} maxLength={32} required />
          <Field label={t('setup.name')} value={name} onChange={setName} aria-invalid={invalid('name')} autoComplete="name" maxLength={120} required />
          <SecretField
            label={t('setup.secret')}
            hint={secretHint('supervisor')[language]}
              value={secret}
            onChange={setSecret}
            aria-invalid={invalid('secret')}
                />
          <SecretField
            label={t('setup.secretAgain')}
              value={secretAgain}
            onChange={setSecretAgain}
            aria-invalid={invalid('secretAgain')}
                />
        </div>
        <ErrorAlert message={message} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('setup.busy') : t('setup.submit')}
        </button>
      </form>
    </section>
  );
}
