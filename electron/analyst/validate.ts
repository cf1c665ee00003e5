// Checks the records of a batch beyond the file format's schema: every answer path once per
// interview, and, when the store knows the form version (registered from its survey package),
// every answer names a question of that form and its survey. A form the store does not know is
// not guessed at: the batch is checked against the schema only and the import says so.
import { parsePathSegments } from '../../shared/forms/answerPath';
import { listQuestions, type FormModel } from '../../shared/forms/model';
import type { InterviewRecord } from '../../shared/formats/batch';
import { BatchRefusal } from './reasons';

/** Question names an answer path may end in: each question, and `<name>_other` for or_other. */
export function answerNamesOf(form: Pick<FormModel, 'children'>): Set<string> {
  const names = new Set<string>();
  for (const q of listQuestions(form)) {
    names.add(q.name);
    if (q.orOther) names.add(`${q.name}_other`);
  }
  return names;
}

export interface KnownForm {
  surveyId: string;
  formVersion: string;
  answerNames: Set<string>;
  /** The form has an `audit` question: the store keeps its revisions' paradata (paradata.ts). */
  keepsParadata?: boolean;
}

/** Throws a BatchRefusal (batch_invalid) naming the interview and the path. */
export function validateRecords(records: readonly InterviewRecord[], formOf: (surveyId: string, formVersion: string) => KnownForm | undefined): void {
  // The question name each path ends in (null: not a path), once per path: a batch's interviews
  // answer the same questions over and over.
  const names = new Map<string, string | null>();
  const nameOf = (path: string): string | null => {
    let name = names.get(path);
    if (name === undefined) {
      const segments = parsePathSegments(path);
      name = segments?.[segments.length - 1]?.name ?? null;
      names.set(path, name);
    }
    return name;
  };
  for (const record of records) {
    const where = `interview ${record.id} revision ${record.revision}`;
    const seen = new Set<string>();
    const form = formOf(record.surveyId, record.formVersion);
    for (const answer of record.answers) {
      if (seen.has(answer.path)) throw new BatchRefusal('batch_invalid', `${where}: answer ${answer.path} appears twice`);
      seen.add(answer.path);
      if (!form) continue;
      const name = nameOf(answer.path);
      if (!name || !form.answerNames.has(name)) {
        throw new BatchRefusal(
          'batch_invalid',
          `${where}: answer ${answer.path} is not a question of form ${form.surveyId} version ${form.formVersion}`,
        );
      }
    }
  }
}
