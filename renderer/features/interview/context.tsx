// Serves one running interview to its screens: a provider per interview, hooks that throw outside
// it. A question reads its own slice of the runtime through useSyncExternalStore, re-rendering
// only when the runtime reports its path changed (or, for text with ${…} or filtered choices,
// on any change), so one key press repaints one row, not the page.
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Choice, QuestionNode } from '../../../shared/forms/model';
import type { RecordError, TypedAnswer } from '../../../shared/engine/runtime';
import type { Page } from '../../../shared/engine/screens';
import { otherQuestion } from '../../../shared/engine/runtime/plan';
import type { InterviewHandle, InterviewState } from './store';

export interface QuestionView {
  path: string;
  node: QuestionNode;
  label: string;
  hint: string;
  answer: TypedAnswer;
  error: RecordError | null;
  relevant: boolean;
  readOnly: boolean;
  choices: Choice[];
}

interface Served {
  handle: InterviewHandle;
  question: (path: string, lang: string) => QuestionView;
  subscribePath: (path: string, onChange: () => void) => () => void;
  /** Any change of the record (for what depends on the whole of it, like the relevant pages). */
  subscribeAll: (onChange: () => void) => () => void;
  /** The relevant pages; the same array until the list itself changes. */
  relevantPages: () => Page[];
}

const InterviewContext = createContext<Served | null>(null);

function serve(handle: InterviewHandle): Served {
  const { runtime } = handle;
  const cache = new Map<string, QuestionView>();
  const dynamic = new Set<string>();
  const nodeOf = (path: string): QuestionNode => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const found = handle.screens.model().pages.length >= 0 ? findQuestion(handle, name) : null;
    if (!found) throw new Error(`no question ${path}`);
    return found;
  };
  const watchers = new Map<string, Set<() => void>>();
  const everyChange = new Set<() => void>();
  let relevant: Page[] = [];
  runtime.subscribe((paths) => {
    everyChange.forEach((f) => f());
    const hit = new Set<() => void>();
    for (const p of paths) {
      for (const key of [`${p}|vi`, `${p}|en`]) cache.delete(key);
      watchers.get(p)?.forEach((f) => hit.add(f));
    }
    for (const p of dynamic) {
      for (const key of [`${p}|vi`, `${p}|en`]) cache.delete(key);
      watchers.get(p)?.forEach((f) => hit.add(f));
    }
    hit.forEach((f) => f());
  });
  return {
    handle,
    question: (path, lang) => {
      const key = `${path}|${lang}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const node = nodeOf(path);
      const labelSource = Object.values(node.labels).join('') + Object.values(node.hints).join('');
      if (labelSource.includes('${') || node.choiceFilter) dynamic.add(path);
      const view: QuestionView = {
        path,
        node,
        label: runtime.renderLabel(path, lang),
        hint: runtime.renderHint(path, lang),
        answer: runtime.getAnswer(path),
        error: runtime.getError(path, lang),
        relevant: runtime.isRelevant(path),
        readOnly: runtime.isReadOnly(path),
        choices: node.listName || node.orOther || node.missingCodes.length > 0 ? runtime.availableChoices(path) : [],
      };
      cache.set(key, view);
      return view;
    },
    subscribeAll: (onChange) => {
      everyChange.add(onChange);
      return () => void everyChange.delete(onChange);
    },
    relevantPages: () => {
      const now = handle.screens.relevantPages();
      if (now.length !== relevant.length || now.some((p, k) => p !== relevant[k])) relevant = now;
      return relevant;
    },
    subscribePath: (path, onChange) => {
      let set = watchers.get(path);
      if (!set) watchers.set(path, (set = new Set()));
      set.add(onChange);
      return () => void set.delete(onChange);
    },
  };
}

const questionIndex = new WeakMap<InterviewHandle, Map<string, QuestionNode>>();
function findQuestion(handle: InterviewHandle, name: string): QuestionNode | null {
  let index = questionIndex.get(handle);
  if (!index) {
    index = new Map();
    const walk = (ns: readonly import('../../../shared/forms/model').FormNode[]) => {
      for (const n of ns) {
        if (n.kind === 'question') index?.set(n.name, n);
        else walk(n.children);
      }
    };
    walk(handle.form.children);
    // The "other (specify)" text of an or_other select is not in the form; the runtime adds it.
    for (const q of [...index.values()]) if (q.orOther && !index.has(`${q.name}_other`)) index.set(`${q.name}_other`, otherQuestion(q));
    questionIndex.set(handle, index);
  }
  return index.get(name) ?? null;
}

export function InterviewProvider({ handle, children }: { handle: InterviewHandle; children: ReactNode }) {
  const served = useMemo(() => serve(handle), [handle]);
  return <InterviewContext.Provider value={served}>{children}</InterviewContext.Provider>;
}

function useServed(): Served {
  const served = useContext(InterviewContext);
  if (!served) throw new Error('useInterview outside <InterviewProvider>');
  return served;
}

export function useInterviewHandle(): InterviewHandle {
  return useServed().handle;
}

/** Reads the interview's store through a selector (zustand). */
export function useInterview<T>(selector: (s: InterviewState) => T): T {
  return useStore(useServed().handle.store, selector);
}

/**
 * The relevant pages (progress, the section list, where Enter goes); re-renders only when that
 * list changes, not on every answer.
 */
export function useRelevantPages(): Page[] {
  const served = useServed();
  return useSyncExternalStore(served.subscribeAll, served.relevantPages);
}

/**
 * A value read from the whole record (page errors, a title quoting answers), re-read after every
 * change; the component re-renders only when the value differs (compare with Object.is: return
 * strings, numbers or booleans).
 */
export function useRecordValue<T>(read: () => T): T {
  return useSyncExternalStore(useServed().subscribeAll, read);
}

/** One question as the screen shows it, in `lang`; re-renders only when it changed. */
export function useQuestion(path: string, lang: string): QuestionView {
  const served = useServed();
  return useSyncExternalStore(
    (onChange) => served.subscribePath(path, onChange),
    () => served.question(path, lang),
  );
}
