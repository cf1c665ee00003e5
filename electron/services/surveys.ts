// Surveys installed on this laptop as the contract shows them: the list with each survey's current
// form version (and its content hash), a survey's unit frame, and a form version's compiled model
// by hash (the renderer caches it by that hash).
import { ServiceError } from '../../shared/contract/errors';
import type { Survey, Unit } from '../../shared/contract/schemas';
import type { ServiceContext } from './context';
import type { FormCatalog } from './forms';

export function createSurveyService(ctx: ServiceContext, forms: FormCatalog) {
  return {
    list: (): Survey[] =>
      ctx.repos.surveys.list().map((s) => ({
        id: s.id,
        title: s.title,
        formVersion: s.form_version,
        formHash: s.form_hash,
        unitCount: s.unit_count,
      })),

    units(surveyId: string): Unit[] {
      if (!ctx.repos.surveys.findById(surveyId)) throw new ServiceError('not_found', `survey ${surveyId}`);
      return ctx.repos.surveys.units(surveyId).map((u) => ({
        code: u.code,
        type: u.type,
        nameVi: u.name_vi,
        nameEn: u.name_en,
        formerProvince: u.former_province,
        formerDistrict: u.former_district,
      }));
    },

    form(hash: string): { hash: string; surveyId: string; formVersion: string; model: Record<string, unknown> } {
      const form = forms.byHash(hash);
      if (!form) throw new ServiceError('not_found', `form ${hash}`);
      return { hash: form.hash, surveyId: form.surveyId, formVersion: form.formVersion, model: form.model as unknown as Record<string, unknown> };
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
