// Deterministic synthetic respondents on the built-in component layout (ACC4, PRO4, CIV5, RES3,
// FBK3), for the bootstrap cross-check and the speed measurement. Units differ in satisfaction;
// some respondents are non-users of the feedback channel (FBK skipped), some say don't know.
import { seededRandom, type IndexAnswer, type IndexRespondent, type IndexSettings } from '../../../shared/indices';

const LAYOUT: [string, number][] = [['ACC', 4], ['PRO', 4], ['CIV', 5], ['RES', 3], ['FBK', 3]];

export const HIDS_SETTINGS: IndexSettings = {
  components: LAYOUT.map(([id, k]) => ({ id, labels: {}, weight: 1, items: Array.from({ length: k }, (_, i) => ({ question: `${id}${i + 1}`, weight: 1 })) })),
  satisfiedCodes: [4, 5],
  validCodes: [1, 2, 3, 4, 5],
};

export interface SimRespondent extends IndexRespondent {
  surveyor: string;
}

export function simulate(count: number, units: number, seed: number, weighted = false): SimRespondent[] {
  const rng = seededRandom(seed);
  const u = () => rng.nextUint32() / 4294967296;
  const level = Array.from({ length: units }, () => 0.45 + 0.5 * u());
  const out: SimRespondent[] = [];
  for (let k = 0; k < count; k++) {
    const unit = rng.below(units);
    const answers: Record<string, IndexAnswer> = {};
    const usedFeedback = u() < 0.3;
    // A respondent-level mood makes items of one person correlated, as in real surveys.
    const mood = level[unit]! + (u() - 0.5) * 0.4;
    for (const [id, n] of LAYOUT) {
      for (let i = 1; i <= n; i++) {
        const q = `${id}${i}`;
        if (id === 'FBK' && !usedFeedback) answers[q] = 'skipped';
        else if (u() < 0.04) answers[q] = { missing: 'dont_know' };
        else if (u() < 0.01) answers[q] = 'unanswered';
        else {
          const r = u();
          answers[q] = { code: r < mood * 0.6 ? 5 : r < mood ? 4 : r < mood + (1 - mood) * 0.5 ? 3 : r < mood + (1 - mood) * 0.8 ? 2 : 1 };
        }
      }
    }
    out.push({
      id: `iv-${String(k).padStart(7, '0')}`,
      unitCode: `U${String(unit).padStart(3, '0')}`,
      surveyor: `S${k % 37}`,
      weight: weighted ? 0.5 + 2 * u() : 1,
      answers,
    });
  }
  return out;
}
