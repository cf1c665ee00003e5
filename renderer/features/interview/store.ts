// One running interview: the form runtime (instant feedback), its screen model, and a zustand
// store for what the screen shows around them (page, save state, review, lock). Made per
// interview, so two interviews never share state. Every answer goes through the contract
// (`saveAnswer`) and navigation waits until it is acknowledged: an answer is on disk before the
// next question shows. A failed save stays queued and is retried; it is never dropped.
import { createStore, type StoreApi } from 'zustand';
import type { AnswerValue, CLOSE_OUTCOMES, ContractError, Interview, InterviewSummary, KhaosatApi, MissingKind, ParadataEvent } from '../../../shared/contract';
import type { FormModel } from '../../../shared/forms/model';
import { createFormRuntime, type FormRuntime, RuntimeInputError } from '../../../shared/engine/runtime';
import { createScreens, type Page, type Screens } from '../../../shared/engine/screens';
import { loadAnswers } from '../../../shared/engine/answers';

export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

interface PendingSave {
  path: string;
  value: AnswerValue;
  missing: MissingKind | null;
}

/** One line of the review screen: a question to go back to and why. */
export interface ReviewItem {
  path: string;
  kind: 'required' | 'constraint' | 'type' | 'dont_know' | 'refused' | 'main';
  message: string;
}

export interface InterviewState {
  summary: InterviewSummary;
  /** The runtime's version, mirrored so selectors re-run after each change of the record. */
  version: number;
  /** The page on screen (a page id of the screen model), or 'review'. */
  pageId: string;
  saveState: SaveState;
  saveError: ContractError | null;
  /** Answers given but not yet acknowledged by the core. */
  pendingCount: number;
  /** Moving between pages (waiting for saves). */
  navigating: boolean;
  /** Errors on the current page are shown once the surveyor tried to go on. */
  showErrors: boolean;
  /** An answer the runtime refused (wrong type for the question, read-only…), by path. */
  inputErrors: Record<string, string>;
  /** The core's refusal of `complete` (its issues) or of another action. */
  actionError: ContractError | null;
  busy: boolean;
  /** A question to focus once its page shows (a link from the review). */
  focusPath: string | null;

  answer: (path: string, value: AnswerValue | null) => void;
  answerMissing: (path: string, code: string) => void;
  addInstance: (repeatPath: string) => void;
  removeInstance: (repeatPath: string, index: number) => void;
  /** Waits for saves, checks the page, then shows the next relevant page; false when it stayed. */
  next: () => Promise<boolean>;
  back: () => Promise<boolean>;
  goTo: (pageId: string) => Promise<boolean>;
  /** Shows the page holding `path` and focuses the question there. */
  goToQuestion: (path: string) => Promise<boolean>;
  openReview: () => Promise<boolean>;
  retrySave: () => Promise<void>;
  /** Resolves when every answer given so far is acknowledged (false if a save failed). */
  flush: () => Promise<boolean>;
  complete: () => Promise<boolean>;
  close: (outcome: CloseOutcome, note?: string) => Promise<boolean>;
  reopen: () => Promise<boolean>;
  recordHelp: () => void;
}

export interface InterviewHandle {
  store: StoreApi<InterviewState>;
  runtime: FormRuntime;
  screens: Screens;
  form: FormModel;
  /** The review list as the record stands, messages in `language` (default: the engine's). */
  review: (language?: string) => ReviewItem[];
  dispose: () => void;
}

export interface InterviewStoreOptions {
  api: KhaosatApi;
  form: FormModel;
  interview: Interview;
  /** Language of the engine's messages (the screen can ask for another). */
  language?: string;
  now?: () => Date;
  /** Delay before retrying a failed save, ms (0 in tests). */
  retryDelayMs?: number;
}

export const REVIEW_PAGE = 'review';
/** The built-in instruments' consent question (filled by `interview:start` from the start screen). */
export const CONSENT_QUESTION = 'consent';
export const INTRO_NOTE = 'intro';

export function createInterviewStore(opts: InterviewStoreOptions): InterviewHandle {
  const { api, form } = opts;
  const now = opts.now ?? (() => new Date());
  // ${last-saved#…} reads the previous interview's answers main sent with this one (as complete() does).
  const lastSaved = opts.interview.lastSaved;
  const runtime = createFormRuntime(form, { language: opts.language ?? form.defaultLanguage, now, instanceId: opts.interview.summary.id, ...(lastSaved ? { lastSaved } : {}) });
  // One notification for the whole record (the screen is not shown yet anyway).
  runtime.batch(() => void loadAnswers(runtime, opts.interview.answers));
  const screens = createScreens(runtime);
  const saved = new Set(opts.interview.answers.map((a) => a.path));
  const queue: PendingSave[] = [];
  let inFlight: Promise<boolean> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let waiters: ((ok: boolean) => void)[] = [];
  const retryDelay = opts.retryDelayMs ?? 3_000;
  let unsubscribe: () => void = () => undefined;

  const firstPage = (): string => screens.relevantPages()[0]?.id ?? REVIEW_PAGE;
  const resumePage = (): string => {
    const path = opts.interview.summary.currentPath;
    const page = path ? screens.pageOf(path) : null;
    if (page && screens.indexOf(page.id) >= 0) return page.id;
    // A new interview: the start screen showed the introduction and took consent, so begin after them.
    const consentPage = screens.pageOf(CONSENT_QUESTION);
    if (!path && consentPage && runtime.getStatus(CONSENT_QUESTION) === 'answered') {
      const pages = screens.relevantPages();
      const k = pages.findIndex((p) => p.id === consentPage.id);
      if (k >= 0 && pages[k + 1]) return (pages[k + 1] as Page).id;
    }
    return firstPage();
  };

  const store = createStore<InterviewState>()((set, get) => {
    const editable = () => get().summary.status === 'draft';

    /** Sends queued answers one at a time, in order; stops at the first failure. */
    const pump = (): Promise<boolean> => {
      if (inFlight) return inFlight;
      inFlight = (async () => {
        while (queue.length > 0) {
          const item = queue[0] as PendingSave;
          set({ saveState: 'saving', pendingCount: queue.length });
          const req = { interviewId: get().summary.id, path: item.path, value: item.value, ...(item.missing ? { missing: item.missing } : {}) };
          let result: Awaited<ReturnType<KhaosatApi['saveAnswer']>>;
          try {
            result = await api.saveAnswer(req);
          } catch {
            result = { ok: false, error: { code: 'internal', message: 'Không lưu được câu trả lời.', messageEn: 'The answer could not be saved.' } };
          }
          if (!result.ok) {
            set({ saveState: 'failed', saveError: result.error, pendingCount: queue.length });
            // A refusal by the form's rules will not pass on retry; a transient failure may.
            if (result.error.code !== 'answer_invalid' && result.error.code !== 'invalid_request' && retryDelay > 0) {
              retryTimer ??= setTimeout(() => {
                retryTimer = null;
                void pump();
              }, retryDelay);
            }
            return false;
          }
          // The item may have been replaced by a newer answer to the same path meanwhile: only drop what was sent.
          if (queue[0] === item) queue.shift();
          if (item.value === null) saved.delete(item.path);
          else saved.add(item.path);
        }
        set({ saveState: 'saved', saveError: null, pendingCount: 0 });
        return true;
      })().finally(() => {
        inFlight = null;
        const ok = queue.length === 0;
        const w = waiters;
        waiters = [];
        if (ok || get().saveState === 'failed') for (const f of w) f(ok);
        else void pump().then((r) => w.forEach((f) => f(r)));
      });
      return inFlight;
    };

    const enqueue = (item: PendingSave): void => {
      // A newer answer to a path not yet sent replaces the older one (the one in flight stays).
      const k = queue.findIndex((x, idx) => x.path === item.path && (idx > 0 || inFlight === null));
      if (k >= 0) queue[k] = item;
      else queue.push(item);
      set({ pendingCount: queue.length, saveState: 'saving' });
      void pump();
    };

    /** Answers the logic just cleared (a question became skipped) are cleared in the store too. */
    const clearSkipped = (paths: readonly string[]): void => {
      for (const p of paths) {
        if (!saved.has(p) || queue.some((x) => x.path === p)) continue;
        let status: string;
        try {
          status = runtime.getStatus(p);
        } catch {
          continue;
        }
        if (status === 'skipped') enqueue({ path: p, value: null, missing: null });
      }
    };
    unsubscribe = runtime.subscribe((paths) => {
      set({ version: runtime.version });
      clearSkipped(paths);
    });

    /** What the runtime holds for `path`, as a save request. */
    const current = (path: string): PendingSave => {
      const a = runtime.getAnswer(path);
      if (a.missing) return { path, value: String(a.value), missing: a.missing };
      // The value as the runtime keeps it (trimmed, typed), which is what main checks.
      return { path, value: a.value, missing: null };
    };

    const flush = (): Promise<boolean> => {
      if (queue.length === 0 && !inFlight) return Promise.resolve(get().saveState !== 'failed');
      if (get().saveState === 'failed' && !inFlight) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        waiters.push(resolve);
        void pump();
      });
    };

    const events = (list: ParadataEvent[]): void => {
      if (list.length === 0 || !editable()) return;
      // Navigation paradata is best effort: a lost "shown" only moves the resume point back a page.
      void api.recordEvents({ interviewId: get().summary.id, events: list }).catch(() => undefined);
    };

    const pageFirstPath = (id: string): string | null => {
      const page = screens.model().pages.find((p) => p.id === id);
      if (!page) return null;
      return page.paths[0] ?? null;
    };

    /** Moves to `target` after the saves are acknowledged; records left/shown. */
    const move = async (target: string): Promise<boolean> => {
      if (get().navigating) return false;
      set({ navigating: true });
      const ok = await flush();
      if (!ok) {
        set({ navigating: false });
        return false;
      }
      const at = now().toISOString();
      const from = pageFirstPath(get().pageId);
      const to = target === REVIEW_PAGE ? null : pageFirstPath(target);
      const list: ParadataEvent[] = [];
      if (from) list.push({ kind: 'left', path: from, at });
      if (to) list.push({ kind: 'shown', path: to, at });
      else if (target === REVIEW_PAGE && from) list.push({ kind: 'review', path: from, at });
      events(list);
      set({ pageId: target, navigating: false, showErrors: false, focusPath: null });
      return true;
    };

    const pageErrors = (page: Page | undefined): boolean => {
      if (!page) return false;
      return page.paths.some((p) => runtime.isRelevant(p) && runtime.getError(p) !== null);
    };

    const applyAnswer = (path: string, change: () => void, item: () => PendingSave): void => {
      if (!editable()) return;
      try {
        change();
      } catch (err) {
        if (err instanceof RuntimeInputError) {
          set({ inputErrors: { ...get().inputErrors, [path]: err.messageVi } });
          return;
        }
        throw err;
      }
      // A value of the wrong type (letters in a number, half a date) stays on screen with its
      // message and is not sent: main would refuse it, and the page cannot be left with it.
      if (runtime.getError(path)?.kind === 'type') return;
      if (get().inputErrors[path]) {
        const rest = { ...get().inputErrors };
        delete rest[path];
        set({ inputErrors: rest });
      }
      enqueue(item());
    };

    return {
      summary: opts.interview.summary,
      version: runtime.version,
      pageId: opts.interview.summary.status === 'draft' ? resumePage() : REVIEW_PAGE,
      saveState: 'idle',
      saveError: null,
      pendingCount: 0,
      navigating: false,
      showErrors: false,
      inputErrors: {},
      actionError: null,
      busy: false,
      focusPath: null,

      answer: (path, value) => applyAnswer(path, () => runtime.setAnswer(path, value), () => current(path)),
      answerMissing: (path, code) => applyAnswer(path, () => runtime.setMissing(path, code), () => current(path)),
      addInstance: (repeatPath) => {
        if (!editable()) return;
        runtime.addRepeatInstance(repeatPath);
      },
      removeInstance: (repeatPath, index) => {
        if (!editable()) return;
        runtime.removeRepeatInstance(repeatPath, index);
        // Later instances moved up one: their answers are saved under their new paths, and the
        // paths past the new end are cleared. (Repeats nested in a moved instance are not renumbered.)
        const count = runtime.repeatInstanceCount(repeatPath);
        const instanceOf = (p: string): number => Number(/^\[(\d+)\]\//.exec(p.slice(repeatPath.length))?.[1] ?? 0);
        for (const page of screens.model().pages) {
          for (const p of page.paths) {
            const i = p.startsWith(`${repeatPath}[`) ? instanceOf(p) : 0;
            if (i >= index && (saved.has(p) || runtime.getAnswer(p).value !== null)) enqueue(current(p));
          }
        }
        for (const p of [...saved]) if (p.startsWith(`${repeatPath}[`) && instanceOf(p) > count) enqueue({ path: p, value: null, missing: null });
      },
      next: async () => {
        const s = get();
        const pages = screens.relevantPages();
        const k = pages.findIndex((p) => p.id === s.pageId);
        if (k < 0 && s.pageId === REVIEW_PAGE) return false;
        if (!(await flush())) return false;
        if (pageErrors(pages[k])) {
          set({ showErrors: true });
          return false;
        }
        const again = screens.relevantPages();
        const here = again.findIndex((p) => p.id === s.pageId);
        return move(again[here + 1]?.id ?? REVIEW_PAGE);
      },
      back: async () => {
        const pages = screens.relevantPages();
        const id = get().pageId;
        const k = id === REVIEW_PAGE ? pages.length : pages.findIndex((p) => p.id === id);
        if (k <= 0) return false;
        return move((pages[k - 1] as Page).id);
      },
      goTo: async (pageId) => {
        if (pageId !== REVIEW_PAGE && screens.indexOf(pageId) < 0) return false;
        return move(pageId);
      },
      goToQuestion: async (path) => {
        const page = screens.pageOf(path);
        if (!page || screens.indexOf(page.id) < 0) return false;
        const ok = await move(page.id);
        if (ok) set({ focusPath: path, showErrors: true });
        return ok;
      },
      openReview: () => move(REVIEW_PAGE),
      retrySave: async () => {
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = null;
        await pump();
      },
      flush,
      complete: async () => {
        if (!(await flush())) return false;
        set({ busy: true, actionError: null });
        const r = await api.completeInterview({ interviewId: get().summary.id });
        if (!r.ok) {
          set({ busy: false, actionError: r.error });
          return false;
        }
        set({ busy: false, summary: r.value, pageId: REVIEW_PAGE });
        return true;
      },
      close: async (outcome, note) => {
        if (!(await flush())) return false;
        set({ busy: true, actionError: null });
        const r = await api.closeInterview({ interviewId: get().summary.id, outcome, ...(note ? { note } : {}) });
        if (!r.ok) {
          set({ busy: false, actionError: r.error });
          return false;
        }
        set({ busy: false, summary: r.value });
        return true;
      },
      reopen: async () => {
        set({ busy: true, actionError: null });
        const r = await api.reopenInterview({ interviewId: get().summary.id });
        if (!r.ok) {
          set({ busy: false, actionError: r.error });
          return false;
        }
        set({ busy: false, summary: r.value, pageId: firstPage() });
        return true;
      },
      recordHelp: () => {
        const path = pageFirstPath(get().pageId);
        if (path) events([{ kind: 'help', path, at: now().toISOString() }]);
      },
    };
  });
  // The first page shown is paradata too (it is where a resume returns).
  const first = store.getState().pageId;
  if (first !== REVIEW_PAGE && opts.interview.summary.status === 'draft') {
    const path = screens.model().pages.find((p) => p.id === first)?.paths[0];
    if (path && path !== opts.interview.summary.currentPath) {
      void api.recordEvents({ interviewId: opts.interview.summary.id, events: [{ kind: 'shown', path, at: now().toISOString() }] }).catch(() => undefined);
    }
  }

  const review = (language?: string): ReviewItem[] => {
    const lang = language ?? opts.language ?? form.defaultLanguage;
    const snap = runtime.snapshot();
    const items: ReviewItem[] = [];
    for (const p of snap.relevant) {
      const e = runtime.getError(p, lang);
      if (e) items.push({ path: p, kind: e.kind, message: e.message });
      else if (snap.missing[p] === 'dont_know' || snap.missing[p] === 'refused') items.push({ path: p, kind: snap.missing[p], message: '' });
    }
    return items;
  };

  return {
    store,
    runtime,
    screens,
    form,
    review,
    dispose: () => {
      unsubscribe();
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
