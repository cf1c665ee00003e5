// Opens one interview: loads it and its form version (by hash, cached), makes its own store,
// serves it to the questionnaire; the store is disposed when the surveyor leaves.
import { useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, useLanguage, useT } from '../../i18n';
import { useAppStore } from '../../stores';
import { InterviewProvider } from './context';
import { getForm } from './formCache';
import { QuestionnaireScreen } from './QuestionnaireScreen';
import { createInterviewStore, type InterviewHandle } from './store';

export function InterviewRunner({ interviewId }: { interviewId: string }) {
  const t = useT();
  const [language] = useLanguage();
  const api = useAppStore((s) => s.api);
  const units = useAppStore((s) => s.units);
  const show = useAppStore((s) => s.showSurveyor);
  const [handle, setHandle] = useState<InterviewHandle | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  useEffect(() => {
    let live = true;
    let made: InterviewHandle | null = null;
    void (async () => {
      const loaded = await api.loadInterview({ interviewId });
      if (!loaded.ok) return live && setError(loaded.error);
      const form = await getForm(api, loaded.value.summary.formHash);
      if (!form.ok) return live && setError(form.error);
      if (!live) return;
      made = createInterviewStore({ api, form: form.form, interview: loaded.value, language });
      setHandle(made);
    })();
    return () => {
      live = false;
      made?.dispose();
    };
    // The language only sets the engine's message language at open; labels follow the toggle live.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, interviewId]);

  if (error) {
    return (
      <section className="card">
        <ErrorAlert message={errorText(error, language)} />
        <button type="button" onClick={() => show({ name: 'home' })}>{t('iv.exit')}</button>
      </section>
    );
  }
  if (!handle) return <p className="muted" role="status">{t('start.loadingForm')}</p>;
  const code = handle.store.getState().summary.unitCode;
  const unit = Object.values(units).flat().find((u) => u.code === code);
  const exit = () => void handle.store.getState().flush().finally(() => show({ name: 'home' }));
  return (
    <InterviewProvider handle={handle}>
      <QuestionnaireScreen unitName={unit ? `${unit.nameVi} (${code})` : code} onExit={exit} />
    </InterviewProvider>
  );
}
