// "Thêm điều tra viên": a supervisor registers a surveyor (or another supervisor, an analyst).
// Enter submits; on success the list refreshes, the form empties and the focus returns to the
// code field for the next person; a refusal is shown in the reader's language.
import { useId, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { SecretField } from '../../components/SecretField';
import { SelectField } from '../../components/SelectField';
import { errorText, roleLabel, useLanguage, useT } from '../../i18n';
import { selectUserCreating, selectUsersError, useAppStore } from '../../stores';
import { ROLES, type Role, type User } from '../../../shared/contract';
import { normalizeSecretInput, secretHint } from '../../../shared/users/secrets';
import { checkNewUser, type NewUserField, type NewUserProblem } from './newUserCheck';
import { problemText } from './problemText';

export function NewUserForm() {
  const t = useT();
  const [language] = useLanguage();
  const creating = useAppStore(selectUserCreating);
  const error = useAppStore(selectUsersError);
  const createUser = useAppStore((s) => s.createUser);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('surveyor');
  const [secret, setSecret] = useState('');
  const [secretAgain, setSecretAgain] = useState('');
  const [problem, setProblem] = useState<NewUserProblem | null>(null);
  const hintId = useId();
  // The last user added, kept rather than a sentence so the toggle re-words it.
  const [added, setAdded] = useState<User | null>(null);
  const refs = {
    code: useRef<HTMLInputElement>(null),
    name: useRef<HTMLInputElement>(null),
    secret: useRef<HTMLInputElement>(null),
    secretAgain: useRef<HTMLInputElement>(null),
  } satisfies Record<NewUserField, unknown>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (creating) return;
    setAdded(null);
    const pin = normalizeSecretInput(secret);
    const found = checkNewUser({ code, name, role, secret: pin, secretAgain: normalizeSecretInput(secretAgain) });
    setProblem(found);
    if (found) return refs[found.field].current?.focus();

    const result = await createUser({ code: code.trim(), name: name.trim().normalize('NFC'), role, secret: pin });
    if (!result) return;
    if (!result.ok) {
      // Put the person where the fix is: the code for a duplicate, fresh secrets for a weak one.
      if (result.error.code === 'weak_secret') {
        setSecret('');
        setSecretAgain('');
        refs.secret.current?.focus();
      } else if (result.error.code === 'duplicate_code') {
        refs.code.current?.focus();
        refs.code.current?.select();
      }
      return;
    }
    setAdded(result.value);
    setCode('');
    setName('');
    setRole('surveyor');
    setSecret('');
    setSecretAgain('');
    refs.code.current?.focus();
  }

  // The core's refusal already names the field and the rule ("Mã người dùng: chỉ chữ không dấu…").
  const message = problem ? problemText(problem, language, t) : error ? errorText(error, language) : null;
  const done = added ? t('users.add.done', { name: added.name, code: added.code, role: roleLabel(added.role, language) }) : null;
  const invalid = (field: NewUserField) => (problem?.field === field ? true : undefined);
  return (
    <form className="new-user" onSubmit={submit} aria-labelledby="new-user-title" aria-busy={creating} noValidate>
      <h3 id="new-user-title">{t('users.add.title')}</h3>
      <p className="intro">{t('users.add.intro')}</p>
      {/* Two fields a row and the rules below them, so the button and its message fit a 1024×600 screen. */}
      <div className="form-grid">
        <Field
          ref={refs.code}
          label={t('users.add.code')}
          describedBy={`${hintId}-code`}
          value={code}
          onChange={setCode}
          aria-invalid={invalid('code')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          required
        />
        <Field ref={refs.name} label={t('users.add.name')} value={name} onChange={setName} aria-invalid={invalid('name')} autoComplete="off" maxLength={120} required />
        <SecretField
          ref={refs.secret}
          label={t('users.add.secret')}
          describedBy={`${hintId}-secret`}
          value={secret}
          onChange={setSecret}
          aria-invalid={invalid('secret')}
        />
        <SecretField
          ref={refs.secretAgain}
          label={t('users.add.secretAgain')}
          value={secretAgain}
          onChange={setSecretAgain}
          aria-invalid={invalid('secretAgain')}
        />
        <SelectField
          label={t('users.add.role')}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(r, language) }))}
        />
      </div>
      <ul className="form-hints">
        <li id={`${hintId}-code`}>{t('users.add.codeHint')}</li>
        <li id={`${hintId}-secret`}>{secretHint(role)[language]}</li>
      </ul>
      <ErrorAlert message={message} />
      {/* Always in the page so screen readers announce the text when it appears. */}
      <p className="status-message" role="status">
        {done}
      </p>
      <button type="submit" className="primary" disabled={creating}>
        {creating ? t('users.add.busy') : t('users.add.submit')}
      </button>
    </form>
  );
}
