// The review slice as a plain store, without React: the list, the cursor, the detail with its
// form, approve and reject mirror the core's answers.
import { describe, expect, it } from 'vitest';
import { createAppStore, selectReviewCursor, selectReviewDetail, selectReviewRows } from '../../renderer/stores';
import type { InterviewSummary, Result } from '../../shared/contract';
import { deferred, failure, fakeApi, ok, reviewQueue, reviewRow, statusOf, SUPERVISOR, SURVEYOR } from './fake-api';

async function supervisorStore(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ status: statusOf(false, SUPERVISOR), ...overrides });
  const store = createAppStore(api);
  await store.getState().loadStatus();
  return { api, store };
}

const ids = (rows: { interview: { serial: number } }[] | null) => rows?.map((r) => r.interview.serial);

describe('review store', () => {
  it('lists what the core has, and keeps a refused list as the error', async () => {
    const { store } = await supervisorStore(reviewQueue([reviewRow(1), reviewRow(2)]));
    expect(selectReviewRows(store.getState())).toBeNull();
    await store.getState().loadReview();
    expect(ids(selectReviewRows(store.getState()))).toEqual([1, 2]);
    const refused = await supervisorStore({ listReview: async () => failure('forbidden') });
    await refused.store.getState().loadReview();
    expect(refused.store.getState().reviewError?.code).toBe('forbidden');
  });

  it('moves the cursor inside the list only', async () => {
    const { store } = await supervisorStore(reviewQueue([reviewRow(1), reviewRow(2), reviewRow(3)]));
    await store.getState().loadReview();
    store.getState().moveReviewCursor(-1);
    expect(selectReviewCursor(store.getState())).toBe(0);
    store.getState().moveReviewCursor(1);
    store.getState().moveReviewCursor(1);
    store.getState().moveReviewCursor(1);
    expect(selectReviewCursor(store.getState())).toBe(2);
  });

  it('opens the interview under the cursor with its form (fetched once per hash), and closes it', async () => {
    const { api, store } = await supervisorStore(reviewQueue([reviewRow(1), reviewRow(2)], { modelVersion: 1, children: [] }));
    await store.getState().loadReview();
    store.getState().moveReviewCursor(1);
    await store.getState().openReview();
    expect(api.getReview).toHaveBeenCalledWith({ interviewId: reviewRow(2).interview.id });
    expect(selectReviewDetail(store.getState())?.interview.serial).toBe(2);
    expect(store.getState().reviewForm).toEqual({ modelVersion: 1, children: [] });
    store.getState().closeReview();
    expect(selectReviewDetail(store.getState())).toBeNull();
    await store.getState().openReview();
    expect(api.getForm).toHaveBeenCalledTimes(1);
    expect(store.getState().reviewForm).not.toBeNull();
  });

  it('approves the open interview, closes it and re-reads the list; the cursor stays inside it', async () => {
    const queue = reviewQueue([reviewRow(1), reviewRow(2)]);
    const { api, store } = await supervisorStore(queue);
    await store.getState().loadReview();
    store.getState().moveReviewCursor(1);
    await store.getState().openReview();
    expect((await store.getState().approveReview())?.ok).toBe(true);
    expect(api.approveInterview).toHaveBeenCalledWith({ interviewId: reviewRow(2).interview.id });
    expect(selectReviewDetail(store.getState())).toBeNull();
    expect(ids(selectReviewRows(store.getState()))).toEqual([1]);
    expect(selectReviewCursor(store.getState())).toBe(0);
    expect(queue.rows[1]?.interview.status).toBe('approved');
  });

  it('rejects the interview under the cursor with the comment; a refusal is kept and the list stays', async () => {
    const queue = reviewQueue([reviewRow(1)]);
    const { api, store } = await supervisorStore(queue);
    await store.getState().loadReview();
    await store.getState().rejectReview('Thiếu câu ACC2');
    expect(api.rejectInterview).toHaveBeenCalledWith({ interviewId: reviewRow(1).interview.id, comment: 'Thiếu câu ACC2' });
    expect(queue.rows[0]?.interview).toMatchObject({ status: 'rejected', comment: 'Thiếu câu ACC2' });
    expect(selectReviewRows(store.getState())).toEqual([]);
    const refused = await supervisorStore({ ...reviewQueue([reviewRow(1)]), rejectInterview: async () => failure('interview_not_editable') });
    await refused.store.getState().loadReview();
    expect((await refused.store.getState().rejectReview('x'))?.ok).toBe(false);
    expect(refused.store.getState().reviewActionError?.code).toBe('interview_not_editable');
    expect(ids(selectReviewRows(refused.store.getState()))).toEqual([1]);
  });

  it('sends no second action while one is in flight', async () => {
    const pending = deferred<Result<InterviewSummary>>();
    const { api, store } = await supervisorStore({ ...reviewQueue([reviewRow(1)]), approveInterview: () => pending.promise });
    await store.getState().loadReview();
    const first = store.getState().approveReview();
    expect(await store.getState().rejectReview('x')).toBeNull();
    expect(api.rejectInterview).not.toHaveBeenCalled();
    pending.resolve(ok({ ...reviewRow(1).interview, status: 'approved' }));
    await first;
  });

  it('forgets the list when someone else signs in, and drops an answer that arrives after', async () => {
    const pending = deferred<Result<ReturnType<typeof reviewRow>[]>>();
    const { store } = await supervisorStore({
      listReview: () => pending.promise,
      signOut: async () => ok({ signedOut: true as const }),
      signIn: async () => ok(SURVEYOR),
    });
    const loading = store.getState().loadReview();
    await store.getState().signOut();
    pending.resolve(ok([reviewRow(1)]));
    await loading;
    expect(selectReviewRows(store.getState())).toBeNull();
  });
});
