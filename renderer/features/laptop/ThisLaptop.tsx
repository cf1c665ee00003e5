// "Máy này": what a supervisor reads to the analyst on the phone — the label batch files carry,
// the device id, and the signing key's fingerprint in groups (from app:status).
import { Fingerprint } from '../../components/Fingerprint';
import { useT } from '../../i18n';
import { selectDeviceFingerprint, selectDeviceId, selectDeviceLabel, useAppStore } from '../../stores';

/** The three facts, as a definition list; `idPrefix` keeps ids unique when shown twice. */
export function LaptopFacts({ idPrefix }: { idPrefix: string }) {
  const t = useT();
  const deviceId = useAppStore(selectDeviceId);
  const label = useAppStore(selectDeviceLabel);
  const fingerprint = useAppStore(selectDeviceFingerprint);
  return (
    <dl className="laptop-facts">
      <dt>{t('laptop.label')}</dt>
      <dd className="mono">{label ?? '—'}</dd>
      <dt>{t('laptop.id')}</dt>
      <dd className="mono">{deviceId ?? '—'}</dd>
      <dt id={`${idPrefix}-fingerprint`}>{t('laptop.fingerprint')}</dt>
      <dd>{fingerprint ? <Fingerprint value={fingerprint} labelledBy={`${idPrefix}-fingerprint`} /> : <span className="muted">{t('laptop.noKey')}</span>}</dd>
    </dl>
  );
}

export function ThisLaptop() {
  const t = useT();
  return (
    <section className="card wide this-laptop" aria-labelledby="this-laptop-title">
      <h2 id="this-laptop-title">{t('laptop.title')}</h2>
      <p className="muted">{t('laptop.hint')}</p>
      <LaptopFacts idPrefix="laptop" />
      <p className="muted">{t('laptop.fingerprintHint')}</p>
    </section>
  );
}
