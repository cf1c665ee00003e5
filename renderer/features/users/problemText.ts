// A form problem in the reader's language: a catalogue key, or a shared rule's own sentence.
import type { Language, Translate } from '../../i18n';
import type { NewUserProblem } from './newUserCheck';

export function problemText(problem: NewUserProblem, language: Language, t: Translate): string {
  return typeof problem.message === 'string' ? t(problem.message) : problem.message[language];
}
