// Surveyor slice: installed surveys, the surveyor's own interviews, units per survey, and which
// surveyor screen shows (home, start, an interview). The running interview itself has its own
// store (features/interview/store.ts), made per interview.
import type { StateCreator } from 'zustand';
import type { ContractError, InterviewSummary, KhaosatApi, Survey, Unit } from '../../shared/contract';

export type SurveyorView = { name: 'home' } | { name: 'start' } | { name: 'interview'; interviewId: string };

export interface SurveyorSlice {
  /** The contract, for the per-interview store the interview screen makes. */
  api: KhaosatApi;
  view: SurveyorView;
  surveys: Survey[] | null;
  interviews: InterviewSummary[] | null;
  units: Record<string, Unit[]>;
  surveyorError: ContractError | null;
  loadSurveyorHome: () => Promise<void>;
  loadUnits: (surveyId: string) => Promise<Unit[] | null>;
  /** Starts an interview; with consent it opens, without it main records it as refused. */
  startInterview: (input: { surveyId: string; unitCode: string; consent: boolean; respondentRef?: string }) => Promise<InterviewSummary | null>;
  openInterview: (interviewId: string) => void;
  showSurveyor: (view: SurveyorView) => void;
  resetSurveyor: () => void;
}

export const createSurveyorSlice =
  (api: KhaosatApi): StateCreator<SurveyorSlice, [], [], SurveyorSlice> =>
  (set, get) => ({
    api,
    view: { name: 'home' },
    surveys: null,
    interviews: null,
    units: {},
    surveyorError: null,
    loadSurveyorHome: async () => {
      const [surveys, interviews] = await Promise.all([api.listSurveys({}), api.listInterviews({ limit: 1_000 })]);
      if (!surveys.ok) return set({ surveyorError: surveys.error });
      if (!interviews.ok) return set({ surveyorError: interviews.error });
      set({ surveys: surveys.value, interviews: interviews.value, surveyorError: null });
    },
    loadUnits: async (surveyId) => {
      const have = get().units[surveyId];
      if (have) return have;
      const r = await api.listUnits({ surveyId });
      if (!r.ok) {
        set({ surveyorError: r.error });
        return null;
      }
      set({ units: { ...get().units, [surveyId]: r.value } });
      return r.value;
    },
    startInterview: async (input) => {
      const r = await api.startInterview(input.respondentRef ? input : { surveyId: input.surveyId, unitCode: input.unitCode, consent: input.consent });
      if (!r.ok) {
        set({ surveyorError: r.error });
        return null;
      }
      set({ surveyorError: null, interviews: [r.value, ...(get().interviews ?? [])] });
      if (r.value.status === 'draft') set({ view: { name: 'interview', interviewId: r.value.id } });
      return r.value;
    },
    openInterview: (interviewId) => set({ view: { name: 'interview', interviewId } }),
    showSurveyor: (view) => {
      set({ view });
      if (view.name === 'home') void get().loadSurveyorHome();
    },
    resetSurveyor: () => set({ view: { name: 'home' }, surveys: null, interviews: null, units: {}, surveyorError: null }),
  });

export const selectSurveyorView = (s: SurveyorSlice) => s.view;
export const selectSurveys = (s: SurveyorSlice) => s.surveys;
export const selectInterviews = (s: SurveyorSlice) => s.interviews;
