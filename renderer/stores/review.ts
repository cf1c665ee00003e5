// Review slice: the supervisor's list of interviews waiting for review, a cursor moved from the
// keyboard, the detail of one (with its form, for question labels) and approve / reject. The main
// process decides everything (roles, transitions, flags); this slice mirrors its answers.
import type { StateCreator } from 'zustand';
import type { ContractError, InterviewSummary, KhaosatApi, Result, ReviewDetail, ReviewRow } from '../../shared/contract';
import type { FormModel } from '../../shared/forms/model';

export interface ReviewSlice {
  /** Interviews as the core last listed them (completed, newest first); null until the first list arrives. */
  reviewRows: ReviewRow[] | null;
  reviewLoading: boolean;
  reviewError: ContractError | null;
  /** Index of the highlighted row (j/k, ↑/↓). */
  reviewCursor: number;
  /** The interview opened for review, with answers and paradata; null when none is open. */
  reviewDetail: ReviewDetail | null;
  /** Its form model (question labels), null until `form:get` answers or when it failed. */
  reviewForm: FormModel | null;
  reviewDetailLoading: boolean;
  /** An approve or reject is in flight; another is not sent meanwhile. */
  reviewActing: boolean;
  reviewActionError: ContractError | null;
  loadReview: () => Promise<void>;
  /** Moves the cursor by `delta` rows, staying inside the list. */
  moveReviewCursor: (delta: number) => void;
  /** Opens the interview under the cursor (or the one given). */
  openReview: (interviewId?: string) => Promise<void>;
  closeReview: () => void;
  /** Approves, then re-reads the list; null when not sent (another action in flight, nothing selected). */
  approveReview: (interviewId?: string) => Promise<Result<InterviewSummary> | null>;
  /** Sends back with the comment, then re-reads the list; null when not sent. */
  rejectReview: (comment: string, interviewId?: string) => Promise<Result<InterviewSummary> | null>;
  resetReview: () => void;
}

export const initialReviewState = {
  reviewRows: null,
  reviewLoading: false,
  reviewError: null,
  reviewCursor: 0,
  reviewDetail: null,
  reviewForm: null,
  reviewDetailLoading: false,
  reviewActing: false,
  reviewActionError: null,
} satisfies Partial<ReviewSlice>;

export const createReviewSlice =
  (api: KhaosatApi): StateCreator<ReviewSlice, [], [], ReviewSlice> =>
  (set, get) => {
    // Bumped by resetReview: answers to calls made for whoever was signed in before are dropped.
    let epoch = 0;
    // Forms are served by content hash, so one fetched stays right for ever.
    const forms = new Map<string, FormModel>();

    /** The interview an action is about: the one given, the open one, or the one under the cursor. */
    function target(interviewId?: string): string | null {
      if (interviewId) return interviewId;
      const s = get();
      return s.reviewDetail?.interview.id ?? s.reviewRows?.[s.reviewCursor]?.interview.id ?? null;
    }

    async function act(interviewId: string | undefined, call: (id: string) => Promise<Result<InterviewSummary>>) {
      const id = target(interviewId);
      if (!id || get().reviewActing) return null;
      const asked = epoch;
      set({ reviewActing: true, reviewActionError: null });
      const result = await call(id);
      if (asked !== epoch) return null;
      set({ reviewActing: false, reviewActionError: result.ok ? null : result.error });
      if (result.ok) {
        if (get().reviewDetail?.interview.id === id) set({ reviewDetail: null, reviewForm: null });
        await get().loadReview();
      }
      return result;
    }

    return {
      ...initialReviewState,

      loadReview: async () => {
        const asked = epoch;
        set({ reviewLoading: true, reviewError: null });
        const result = await api.listReview({});
        if (asked !== epoch) return;
        if (!result.ok) return set({ reviewLoading: false, reviewError: result.error });
        const cursor = Math.min(get().reviewCursor, Math.max(0, result.value.length - 1));
        set({ reviewLoading: false, reviewRows: result.value, reviewCursor: cursor });
      },

      moveReviewCursor: (delta) => {
        const rows = get().reviewRows;
        if (!rows?.length) return;
        set({ reviewCursor: Math.min(rows.length - 1, Math.max(0, get().reviewCursor + delta)) });
      },

      openReview: async (interviewId) => {
        const id = target(interviewId);
        if (!id) return;
        const asked = epoch;
        set({ reviewDetailLoading: true, reviewActionError: null });
        const result = await api.getReview({ interviewId: id });
        if (asked !== epoch) return;
        if (!result.ok) return set({ reviewDetailLoading: false, reviewActionError: result.error });
        const hash = result.value.interview.formHash;
        set({ reviewDetail: result.value, reviewForm: forms.get(hash) ?? null });
        if (!forms.has(hash)) {
          const form = await api.getForm({ hash });
          if (asked !== epoch) return;
          // Without the form the detail still shows question names.
          if (form.ok) forms.set(hash, form.value.model as unknown as FormModel);
          if (get().reviewDetail?.interview.formHash === hash) set({ reviewForm: forms.get(hash) ?? null });
        }
        set({ reviewDetailLoading: false });
      },

      closeReview: () => set({ reviewDetail: null, reviewForm: null, reviewActionError: null }),

      approveReview: (interviewId) => act(interviewId, (id) => api.approveInterview({ interviewId: id })),

      rejectReview: (comment, interviewId) => act(interviewId, (id) => api.rejectInterview({ interviewId: id, comment })),

      resetReview: () => {
        epoch += 1;
        set({ ...initialReviewState });
      },
    };
  };

export const selectReviewRows = (s: ReviewSlice) => s.reviewRows;
export const selectReviewCursor = (s: ReviewSlice) => s.reviewCursor;
export const selectReviewDetail = (s: ReviewSlice) => s.reviewDetail;
