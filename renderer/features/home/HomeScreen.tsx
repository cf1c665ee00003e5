// After sign-in: who is signed in, in which role, and the way out (one bar, so the users panel
// below fits a laptop screen); a supervisor also manages the users of this laptop here. Later
// flows hang off this screen.
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, roleLabel, useLanguage, useT } from '../../i18n';
import { selectBusy, selectDeviceId, selectError, selectUser, useAppStore } from '../../stores';
import { UsersPanel } from '../users/UsersPanel';
import { InstallPackage } from '../packages/InstallPackage';

export function HomeScreen() {
  const t = useT();
  const [language] = useLanguage();
  const user = useAppStore(selectUser);
  const deviceId = useAppStore(selectDeviceId);
  const busy = useAppStore(selectBusy);
  const error = useAppStore(selectError);
  const signOut = useAppStore((s) => s.signOut);
  if (!user) return null;
  return (
    <div className="home">
      <section className="card wide home-bar" aria-labelledby="home-title">
        <div className="home-who">
        <h1 id="home-title">{t('home.greeting', { name: user.name, role: roleLabel(user.role, language) })}</h1>
        {deviceId ? <p className="muted">{t('home.device', { deviceId })}</p> : null}
        </div>
        <ErrorAlert message={error ? errorText(error, language) : null} />
        <button type="button" onClick={() => void signOut()} disabled={busy}>
          {t('home.signOut')}
        </button>
      </section>
      {user.role === 'supervisor' ? <UsersPanel /> : null}
      {user.role === 'supervisor' ? <InstallPackage /> : null}
    </div>
  );
}
