// The analyst's keys: the recipient fingerprint to compare with the supervisors (batches are
// encrypted to it), the signing fingerprint survey packages are checked against, how the
// decryption key is kept here, and the button that opens the key folder dialog (analysis:chooseKeys).
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT, type MessageKey } from '../../i18n';
import { useAppStore } from '../../stores';
import type { AnalystKeys as Keys, ContractError } from '../../../shared/contract';

export function AnalystKeys() {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const [keys, setKeys] = useState<Keys | null>(null);
  const [store, setStore] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.analysisKeys({}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setKeys(r.value.keys);
        setStore(r.value.store);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function choose() {
    setBusy(true);
    setNote(null);
    setError(null);
    try {
      const r = await api.chooseAnalystKeys({});
      if (!r.ok) setError(r.error);
      else if (r.value.cancelled) setNote(t('analyst.keys.cancelled'));
      else setKeys(r.value.keys);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card wide analyst-keys" aria-labelledby="analyst-keys-title">
      <h2 id="analyst-keys-title">{t('analyst.keys.title')}</h2>
      {keys ? (
        <p>
          {t('analyst.keys.recipient')} <code className="fingerprint">{keys.recipientFingerprint}</code> ·{' '}
          {t('analyst.keys.signing')} <code className="fingerprint">{keys.signingFingerprint ?? t('analyst.keys.noSigning')}</code> ·{' '}
          <span className="muted">{t(`analyst.keys.protection.${keys.protection}` as MessageKey)}</span>
        </p>
      ) : (
        <p className="muted">{t('analyst.keys.none')}</p>
      )}
      <button type="button" className="secondary" onClick={() => void choose()} disabled={busy}>
        {keys ? t('analyst.keys.change') : t('analyst.keys.choose')}
      </button>
      {store ? <span className="muted store-label"> {t('analyst.keys.store', { store })}</span> : null}
      <p className="status-message neutral" role="status">
        {note}
      </p>
      <ErrorAlert message={error ? errorText(error, language) : null} />
    </section>
  );
}
