// Small index configurations and respondents for the index tests.
import type { IndexAnswer, IndexRespondent, IndexSettings } from '../../../shared/indices';

/** A: weight 2 (A1, A2 weight 1 each); B: weight 1 (B1 weight 3, B2 weight 1); C: weight 1 (C1). */
export const SETTINGS: IndexSettings = {
  components: [
    { id: 'A', labels: {}, weight: 2, items: [{ question: 'A1', weight: 1 }, { question: 'A2', weight: 1 }] },
    { id: 'B', labels: {}, weight: 1, items: [{ question: 'B1', weight: 3 }, { question: 'B2', weight: 1 }] },
    { id: 'C', labels: {}, weight: 1, items: [{ question: 'C1', weight: 1 }] },
  ],
  satisfiedCodes: [4, 5],
  validCodes: [1, 2, 3, 4, 5],
};

export const code = (c: number): IndexAnswer => ({ code: c });
export const DK: IndexAnswer = { missing: 'dont_know' };
export const REF: IndexAnswer = { missing: 'refused' };
export const NA: IndexAnswer = { missing: 'not_applicable' };

export function respondent(id: string, unitCode: string, answers: Record<string, IndexAnswer>, weight?: number): IndexRespondent {
  return weight === undefined ? { id, unitCode, answers } : { id, unitCode, answers, weight };
}

/**
 * Unit U1 (weights 1) and U2 (weights 2, 1, 3). Every kind of non-answer appears: don't know,
 * refused, not applicable, skipped, unanswered, absent, and a code (9) outside the valid 1–5.
 */
export const HAND: IndexRespondent[] = [
  respondent('r1', 'U1', { A1: code(5), A2: code(4), B1: code(3), B2: DK, C1: code(5) }),
  respondent('r2', 'U1', { A1: code(2), A2: REF, B1: code(4), B2: code(5), C1: NA }),
  respondent('r3', 'U1', { A1: code(4), A2: 'skipped', B1: 'unanswered', B2: code(2), C1: code(4) }),
  respondent('r4', 'U1', { A1: code(9), A2: code(5), B1: code(5), B2: code(3), C1: code(1) }),
  respondent('r5', 'U2', { A1: code(5), A2: code(4), B1: DK, B2: NA, C1: 'skipped' }, 2),
  respondent('r6', 'U2', { A1: code(3), A2: 'unanswered', B1: REF, B2: 'skipped' }, 1),
  respondent('r7', 'U2', { A1: code(4), A2: code(1), B1: 'skipped', B2: 'unanswered', C1: DK }, 3),
];
