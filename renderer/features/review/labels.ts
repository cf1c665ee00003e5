// Question labels and answer text for the review detail, from the interview's own form version.
// Without the form (not fetched yet, or refused) the question name and the raw code are shown.
import { describeMediaValue, isMediaType } from '../../../shared/forms/media';
import type { Answer } from '../../../shared/contract';
import { listQuestions, type FormModel, type Localized, type QuestionNode } from '../../../shared/forms/model';

/** The question a stored answer path names: its last segment without the repeat instance. */
export function questionName(path: string): string {
  const last = path.split('/').at(-1) ?? path;
  return last.replace(/\[\d+\]$/, '');
}

function pick(text: Localized, language: string, form: FormModel): string | null {
  return text[language] ?? text[form.defaultLanguage] ?? Object.values(text)[0] ?? null;
}

export function questionsByName(form: FormModel | null): Map<string, QuestionNode> {
  return new Map(form ? listQuestions(form).map((q) => [q.name, q]) : []);
}

/** `ACC1 — Tiếp cận 1`, or the name alone; repeat instances stay visible (`members[2]/age`). */
export function questionLabel(path: string, form: FormModel | null, questions: Map<string, QuestionNode>, language: string): string {
  const q = questions.get(questionName(path));
  const label = q && form ? pick(q.labels, language, form) : null;
  return label ? `${path} — ${label}` : path;
}

/** The answer as the supervisor reads it: choice labels for selects, codes kept beside them. */
export function answerText(answer: Answer, form: FormModel | null, questions: Map<string, QuestionNode>, language: string): string {
  const { value } = answer;
  if (value === null) return '—';
  const q = questions.get(questionName(answer.path));
  // An attachment reads as its name, type and size, never as its bytes.
  if (typeof value === 'string' && q && isMediaType(q.type)) return describeMediaValue(value) ?? value.slice(0, 80);
  const list = form && q?.listName ? form.choiceLists[q.listName] : undefined;
  const one = (v: string | number | boolean): string => {
    const choice = list?.choices.find((c) => c.name === String(v));
    const label = choice && form ? pick(choice.labels, language, form) : null;
    return label ? `${String(v)} (${label})` : String(v);
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}
