// The shell: header with the language toggle, then the screen the session calls for
// (recovery when the database is lost, first-run setup, sign-in, or home once someone is signed in).
import { useEffect } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { HomeScreen } from '../features/home/HomeScreen';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { SignInScreen } from '../features/signin/SignInScreen';
import { errorText, LanguageToggle, useLanguage, useT } from '../i18n';
import { selectError, selectStatus, useAppStore } from '../stores';

function CurrentScreen() {
  const t = useT();
  const [language] = useLanguage();
  const status = useAppStore(selectStatus);
  const error = useAppStore(selectError);
  const loadStatus = useAppStore((s) => s.loadStatus);

  switch (status) {
    case 'loading':
      return <p className="muted" role="status">{t('app.loading')}</p>;
    case 'unavailable':
      return (
        <section className="card">
          <ErrorAlert message={`${t('app.unavailable')} ${error ? errorText(error, language) : ''}`.trim()} />
          <button type="button" onClick={() => void loadStatus()}>{t('app.retry')}</button>
        </section>
      );
    case 'recovery':
      return <RecoveryScreen />;
    case 'needsSetup':
      return <SetupScreen />;
    case 'signedOut':
      return <SignInScreen />;
    case 'signedIn':
      return <HomeScreen />;
  }
}

export function App() {
  const t = useT();
  const [language] = useLanguage();
  const loadStatus = useAppStore((s) => s.loadStatus);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <LanguageToggle />
      </header>
      <main className="app-main">
        <CurrentScreen />
      </main>
    </div>
  );
}
