// Puts stored answer rows back into a runtime (resume, reopen): repeat instances first, coded
// missing answers as their codes, everything in one batch so the screen is told once.
import type { Answer } from '../../../shared/contract';
import { type FormRuntime, RuntimeInputError } from '../../../shared/engine/runtime';

const SEGMENT = /^(.+)\[(\d+)\]$/;

/** Makes sure `roster[2]/…` has its instances (open-ended repeats only; fixed ones follow their count). */
function ensureInstances(rt: FormRuntime, path: string): void {
  const segs = path.split('/');
  let prefix = '';
  for (const seg of segs.slice(0, -1)) {
    const m = SEGMENT.exec(seg);
    if (!m) return;
    const repeatPath = prefix + (m[1] as string);
    const want = Number(m[2]);
    try {
      while (rt.repeatInstanceCount(repeatPath) < want) rt.addRepeatInstance(repeatPath);
    } catch (err) {
      if (!(err instanceof RuntimeInputError)) throw err;
      return;
    }
    prefix = `${prefix}${seg}/`;
  }
}

/** Loads the rows; returns the paths the form refused (changed form, stale rows), for the log. */
export function loadAnswers(rt: FormRuntime, answers: readonly Answer[]): string[] {
  const refused: string[] = [];
  rt.batch(() => {
    // Two passes: a later row can make an earlier one relevant (the runtime drops answers to non-relevant questions).
    for (const pass of [0, 1]) {
      for (const a of answers) {
        ensureInstances(rt, a.path);
        try {
          if (a.missing) rt.setMissing(a.path, String(a.value));
          else rt.setAnswer(a.path, a.value);
        } catch (err) {
          if (!(err instanceof RuntimeInputError)) throw err;
          if (pass === 1) refused.push(a.path);
        }
      }
    }
  });
  return refused;
}
