// After sign-in: who is signed in, in which role, and the way out (one bar, so the users panel
// below fits a laptop screen); a supervisor's work (review, export, packages, users, this laptop)
// sits below in tabs (SupervisorTabs).
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, roleLabel, useLanguage, useT } from '../../i18n';
import { selectBusy, selectDeviceId, selectError, selectUser, useAppStore } from '../../stores';
import { SurveyorArea } from '../surveyor/SurveyorArea';
import { SupervisorTabs } from './SupervisorTabs';
import { AnalystHome } from '../analyst/AnalystHome';

export function HomeScreen() {
  const t = useT();
  const [language] = useLanguage();
  const user = useAppStore(selectUser);
  const deviceId = useAppStore(selectDeviceId);
  const busy = useAppStore(selectBusy);
  const error = useAppStore(selectError);
  const signOut = useAppStore((s) => s.signOut);
  const view = useAppStore((s) => s.view);
  if (!user) return null;
  if (user.role === 'surveyor') {
    // A running interview gets the whole window; the greeting and sign-out stay on the home view.
    return (
      <div className={`home surveyor view-${view.name}`}>
        {view.name === 'home' ? (
          <section className="card wide greeting" aria-labelledby="home-title">
            <h1 id="home-title">{t('home.greeting', { name: user.name, role: roleLabel(user.role, language) })}</h1>
            {deviceId ? <p className="muted">{t('home.device', { deviceId })}</p> : null}
            <ErrorAlert message={error ? errorText(error, language) : null} />
            <button type="button" className="secondary" onClick={() => void signOut()} disabled={busy}>
              {t('home.signOut')}
            </button>
          </section>
        ) : null}
        <SurveyorArea />
      </div>
    );
  }
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
      {user.role === 'supervisor' ? <SupervisorTabs /> : null}
      {user.role === 'analyst' ? <AnalystHome /> : null}
    </div>
  );
}
