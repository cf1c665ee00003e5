// "Cài gói khảo sát": a supervisor picks a .kspkg file; its bytes go to the core (package:install),
// which verifies the signature and everything in it before writing anything. The panel shows the
// survey, the form version and the analyst's key fingerprint (to read aloud and compare), or why
// the package was refused, in the reader's language (Vietnamese first).
import { useState, type ChangeEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT } from '../../i18n';
import { useAppStore } from '../../stores';
import { PACKAGE_UPLOAD_MAX_BYTES, type ContractError, type PackageInstallResult } from '../../../shared/contract';
import { bytesToBase64 } from './base64';

type Local = { key: 'package.tooLarge' | 'package.unreadable'; name: string };

export function InstallPackage() {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PackageInstallResult | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [local, setLocal] = useState<Local | null>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setResult(null);
    setError(null);
    setLocal(null);
    // Checked here too so a 2 GB file never gets read into memory and encoded.
    if (file.size > PACKAGE_UPLOAD_MAX_BYTES) {
      setLocal({ key: 'package.tooLarge', name: file.name });
      input.value = '';
      return;
    }
    setBusy(true);
    try {
      let packageBase64: string;
      try {
        packageBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      } catch {
        setLocal({ key: 'package.unreadable', name: file.name });
        return;
      }
      const answer = await api.installPackage({ packageBase64 });
      if (answer.ok) setResult(answer.value);
      else setError(answer.error);
    } finally {
      setBusy(false);
      // The same file may be picked again (after the analyst fixes it, or to see "nothing changed").
      input.value = '';
    }
  }

  const issues = error?.issues?.slice(1, 6) ?? [];
  return (
    <section className="card wide install-package" aria-labelledby="install-package-title">
      <h2 id="install-package-title">{t('package.title')}</h2>
      <label>
        {t('package.file')}
        <input type="file" accept=".kspkg" onChange={(e) => void choose(e)} disabled={busy} />
      </label>
      <p className="status-message" role="status">
        {busy ? t('package.busy') : result ? t(result.installed ? (result.pinned ? 'package.pinned' : 'package.installed') : 'package.already') : null}
      </p>
      <ErrorAlert message={local ? t(local.key, { name: local.name, max: String(PACKAGE_UPLOAD_MAX_BYTES / 1024 / 1024) }) : error ? errorText(error, language) : null} />
      {issues.length > 0 ? (
        <ul className="issues">
          {issues.map((i) => (
            <li key={i.path}>{(language === 'en' ? i.messageEn : i.message) ?? i.problem}</li>
          ))}
        </ul>
      ) : null}
      {result ? (
        <dl className="package-summary">
          <dt>{t('package.survey')}</dt>
          <dd>
            {result.title} ({result.surveyId})
          </dd>
          <dt>{t('package.formVersion')}</dt>
          <dd>{result.formVersion}</dd>
          <dt>{t('package.signer')}</dt>
          <dd className="fingerprint">{result.signerFingerprint}</dd>
          <dt>{t('package.frame')}</dt>
          <dd>
            {result.units} / {result.quotas}
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
