// Renders the questionnaire of one interview over the in-memory interview backend.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InterviewProvider } from '../../renderer/features/interview/context';
import { QuestionnaireScreen } from '../../renderer/features/interview/QuestionnaireScreen';
import { createInterviewStore } from '../../renderer/features/interview/store';
import type { KhaosatApi } from '../../shared/contract';
import type { FormModel } from '../../shared/forms/model';
import { fakeApi } from './fake-api';
import { interviewBackend } from './fake-interviews';
import { interviewForm } from './interview-fixture';

export async function renderInterview(form: FormModel = interviewForm) {
  const backend = interviewBackend(form);
  const api = fakeApi(backend.api);
  const started = await api.startInterview({ surveyId: 'hids', unitCode: '26734', consent: true });
  if (!started.ok) throw new Error('start');
  const loaded = await api.loadInterview({ interviewId: started.value.id });
  if (!loaded.ok) throw new Error('load');
  const handle = createInterviewStore({ api: api as unknown as KhaosatApi, form, interview: loaded.value, retryDelayMs: 0 });
  const user = userEvent.setup();
  const onExit = () => undefined;
  const view = render(
    <InterviewProvider handle={handle}>
      <QuestionnaireScreen unitName="Phường Bến Thành" onExit={onExit} />
    </InterviewProvider>,
  );
  const stored = () => backend.interviews.get(started.value.id)?.answers ?? [];
  return { backend, api, handle, user, view, id: started.value.id, stored };
}
