// Surveys installed on this laptop, as the contract shows them.
import type { Survey } from '../../shared/contract/schemas';
import type { ServiceContext } from './context';

export function createSurveyService(ctx: ServiceContext) {
  return {
    list: (): Survey[] =>
      ctx.repos.surveys.list().map((s) => ({ id: s.id, title: s.title, formVersion: s.form_version })),
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
