import { describe, expect, it } from 'vitest';
import { createInterviewStore, REVIEW_PAGE } from '../../renderer/features/interview/store';
import type { KhaosatApi } from '../../shared/contract';
import { deferred, fakeApi } from './fake-api';
import { interviewBackend } from './fake-interviews';
import { interviewForm } from './interview-fixture';

async function started() {
  const backend = interviewBackend(interviewForm);
  const api = fakeApi(backend.api);
  const summary = await api.startInterview({ surveyId: 'hids', unitCode: '26734', consent: true });
  if (!summary.ok) throw new Error('start failed');
  const loaded = await api.loadInterview({ interviewId: summary.value.id });
  if (!loaded.ok) throw new Error('load failed');
  const open = () => createInterviewStore({ api: api as unknown as KhaosatApi, form: interviewForm, interview: backend.interviews.get(summary.value.id) as never, retryDelayMs: 0 });
  const h = createInterviewStore({ api: api as unknown as KhaosatApi, form: interviewForm, interview: loaded.value, retryDelayMs: 0 });
  return { backend, api, h, id: summary.value.id, open };
}

describe('interview store', () => {
  it('opens at the first page and records it as shown', async () => {
    const { h, backend, id } = await started();
    expect(h.store.getState().pageId).toBe('intro');
    await Promise.resolve();
    expect(backend.interviews.get(id)?.events).toEqual([{ kind: 'shown', path: 'intro' }]);
  });

  it('each answer is saved through the contract, and next waits until it is acknowledged', async () => {
    const { h, backend, api, id } = await started();
    const s = h.store.getState;
    await s().next();
    expect(s().pageId).toBe('used');
    const gate = deferred<void>();
    backend.control.holdSaves = gate.promise;
    s().answer('used', '1');
    expect(s().saveState).toBe('saving');
    const moving = s().next();
    await new Promise((r) => setTimeout(r, 10));
    // Still on the question: the answer is not on disk yet.
    expect(s().pageId).toBe('used');
    backend.control.holdSaves = null;
    gate.resolve();
    expect(await moving).toBe(true);
    expect(s().pageId).toBe('ACC1');
    expect(s().saveState).toBe('saved');
    expect(api.saveAnswer).toHaveBeenCalledWith({ interviewId: id, path: 'used', value: '1' });
    expect(backend.interviews.get(id)?.answers.map((a) => [a.path, a.value])).toEqual([['used', '1']]);
  });

  it('with every answer acknowledged, next, back and goToQuestion move before returning (no promise hop)', async () => {
    const { h } = await started();
    const s = h.store.getState;
    void s().next();
    expect(s().pageId).toBe('used');
    s().answer('used', '1');
    // Pending: the move waits for the save.
    const moving = s().next();
    expect(s().pageId).toBe('used');
    expect(await moving).toBe(true);
    expect(s().pageId).toBe('ACC1');
    // Saved: the page changes inside the call, as a key's event needs.
    void s().back();
    expect(s().pageId).toBe('used');
    void s().goToQuestion('ACC2');
    expect([s().pageId, s().focusPath]).toEqual(['ACC1', 'ACC2']);
  });

  it('an answer is sent from a task of its own (not inside the key event), and never dropped by dispose', async () => {
    const { h, api, backend, id } = await started();
    const s = h.store.getState;
    s().answer('used', '1');
    // Shown and queued at once; the request starts after the event (the frame is painted first).
    expect([s().saveState, s().pendingCount]).toEqual(['saving', 1]);
    expect(api.saveAnswer).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 0));
    expect(api.saveAnswer).toHaveBeenCalledTimes(1);
    await s().flush();
    // Disposed before its task ran: the answer is sent anyway.
    s().answer('used', '2');
    h.dispose();
    await new Promise((r) => setTimeout(r, 10));
    expect(backend.interviews.get(id)?.answers.map((a) => [a.path, a.value])).toEqual([['used', '2']]);
  });

  it('a failed save blocks navigation, keeps the answer and succeeds on retry', async () => {
    const { h, backend, id } = await started();
    const s = h.store.getState;
    await s().goTo('used');
    backend.control.failSaves = 1;
    s().answer('used', '2');
    expect(await s().next()).toBe(false);
    expect(s().saveState).toBe('failed');
    expect(s().saveError?.code).toBe('internal');
    expect(s().pageId).toBe('used');
    expect(s().pendingCount).toBe(1);
    await s().retrySave();
    expect(s().saveState).toBe('saved');
    expect(backend.interviews.get(id)?.answers.map((a) => a.value)).toEqual(['2']);
    expect(await s().next()).toBe(true);
  });

  it('a page with a required question unanswered does not let the surveyor on, and says why', async () => {
    const { h } = await started();
    const s = h.store.getState;
    await s().goTo('used');
    expect(await s().next()).toBe(false);
    expect(s().showErrors).toBe(true);
    expect(h.runtime.getError('used')?.kind).toBe('required');
  });

  it('skip logic: a non-user goes past the rating page; an answer the logic clears is cleared in the store', async () => {
    const { h, backend, id } = await started();
    const s = h.store.getState;
    await s().goTo('used');
    s().answer('used', '1');
    await s().next();
    s().answer('ACC1', '4');
    await s().flush();
    await s().back();
    s().answer('used', '2');
    await s().next();
    expect(s().pageId).toBe('age');
    expect(backend.interviews.get(id)?.answers.map((a) => a.path)).toEqual(['used']);
  });

  it('coded missing answers are sent as the code with their kind', async () => {
    const { h, api, id } = await started();
    const s = h.store.getState;
    s().answer('used', '1');
    s().answerMissing('ACC2', '9');
    await s().flush();
    expect(api.saveAnswer).toHaveBeenLastCalledWith({ interviewId: id, path: 'ACC2', value: '9', missing: 'dont_know' });
    expect(h.runtime.getAnswer('ACC2')).toMatchObject({ value: '9', missing: 'dont_know' });
  });

  it('a value of the wrong type is shown as an error and never sent (main would refuse it)', async () => {
    const { h, api } = await started();
    const s = h.store.getState;
    s().answer('age', 'abc');
    expect(h.runtime.getError('age')?.kind).toBe('type');
    await s().flush();
    expect(api.saveAnswer).not.toHaveBeenCalled();
    s().answer('age', 30);
    await s().flush();
    expect(api.saveAnswer).toHaveBeenCalledTimes(1);
  });

  it('resumes at the last page shown, with every answer in place', async () => {
    const { h, backend, id, api } = await started();
    const s = h.store.getState;
    await s().goTo('used');
    s().answer('used', '1');
    await s().next();
    s().answer('ACC1', '5');
    s().answer('ACC2', '4');
    await s().flush();
    h.dispose();
    const again = await api.loadInterview({ interviewId: id });
    if (!again.ok) throw new Error('load');
    expect(again.value.summary.currentPath).toBe('ACC1');
    const h2 = createInterviewStore({ api: api as unknown as KhaosatApi, form: interviewForm, interview: again.value, retryDelayMs: 0 });
    expect(h2.store.getState().pageId).toBe('ACC1');
    expect(h2.runtime.getAnswer('ACC1').value).toBe('5');
    expect(h2.runtime.getAnswer('ACC2').value).toBe('4');
    expect(backend.interviews.size).toBe(1);
  });

  it('two interviews never share state', async () => {
    const { h, open } = await started();
    const other = open();
    h.store.getState().answer('used', '1');
    expect(other.runtime.getAnswer('used').value).toBeNull();
    expect(other.store.getState().pendingCount).toBe(0);
  });

  it('review lists unanswered required questions, rule errors and don\'t-know answers', async () => {
    const { h } = await started();
    const s = h.store.getState;
    s().answer('used', '1');
    s().answerMissing('ACC1', '9');
    s().answer('age', 12);
    const items = h.review();
    expect(items.map((i) => [i.path, i.kind])).toEqual([
      ['ACC1', 'dont_know'],
      ['ACC2', 'required'],
      ['ACC3', 'required'],
      ['age', 'constraint'],
    ]);
    expect(items.find((i) => i.path === 'age')?.message).toBe('Từ 18 tuổi trở lên');
  });

  it("complete shows main's refusal, and once completed the interview is locked", async () => {
    const { h, backend, id } = await started();
    const s = h.store.getState;
    s().answer('used', '2');
    expect(await s().complete()).toBe(false);
    expect(s().actionError?.code).toBe('interview_incomplete');
    expect(s().actionError?.issues?.map((i) => i.path)).toEqual(['age']);
    s().answer('age', 40);
    expect(await s().complete()).toBe(true);
    expect(s().summary.status).toBe('completed');
    expect(s().pageId).toBe(REVIEW_PAGE);
    s().answer('age', 41);
    await s().flush();
    expect(backend.interviews.get(id)?.answers.find((a) => a.path === 'age')?.value).toBe(40);
  });

  it('close records an outcome; a sent-back interview reopens as a draft with the comment kept', async () => {
    const { h, backend, id } = await started();
    const s = h.store.getState;
    expect(await s().close('not_at_home')).toBe(true);
    expect(s().summary).toMatchObject({ status: 'completed', outcome: 'not_at_home' });
    backend.reject(id, 'Thiếu câu tuổi');
    h.store.setState({ summary: { ...s().summary, status: 'rejected', comment: 'Thiếu câu tuổi' } });
    expect(await s().reopen()).toBe(true);
    expect(s().summary).toMatchObject({ status: 'draft', revision: 1, comment: 'Thiếu câu tuổi' });
    expect(s().pageId).toBe('intro');
  });
});
