// Who a simulated respondent is and how they answer: the mix of respondent types (users,
// non-users, refusals at consent, ineligible) and the satisfaction ratings around each Unit's
// mean, all drawn from one seeded generator (shared/indices/prng.ts) so a seed gives the same data.
import type { Random } from '../../shared/indices/prng';

export const RESPONDENT_KINDS = ['user', 'non_user', 'refusal', 'ineligible'] as const;
export type RespondentKind = (typeof RESPONDENT_KINDS)[number];

/** Shares of the mix, in per mille: roughly what a household survey of public services meets. */
const MIX: readonly [RespondentKind, number][] = [
  ['user', 620],
  ['non_user', 250],
  ['refusal', 80],
  ['ineligible', 50],
];

/** A rating question answers "don't know" this often (per mille). */
export const DONT_KNOW_PER_MILLE = 40;
/** The agency rated is the respondent's own Unit's People's Committee this often (else another, at random). */
export const LOCAL_AGENCY_PER_MILLE = 700;
/** A service user filed a petition or complaint (EXP_PAKN = 1, asked FBK1–FBK3) this often. */
export const PETITION_PER_MILLE = 200;

export interface Respondent {
  kind: RespondentKind;
  /** Whether a user filed a petition (EXP_PAKN 1). */
  petition: boolean;
}

export function uniform(rng: Random): number {
  return rng.nextUint32() / 4294967296;
}

export function pick<T>(rng: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[rng.below(items.length)]!;
}

export function drawRespondent(rng: Random): Respondent {
  let r = rng.below(1000);
  let kind: RespondentKind = 'user';
  for (const [k, share] of MIX) {
    if (r < share) {
      kind = k;
      break;
    }
    r -= share;
  }
  return { kind, petition: kind === 'user' && rng.below(1000) < PETITION_PER_MILLE };
}

/** Each Unit's mean rating on the 1–5 scale: between 2.6 and 4.6, so indices differ by Unit. */
export function unitMean(rng: Random): number {
  return 2.6 + 2 * uniform(rng);
}

/** A rating 1–5 around the Unit's mean (mean plus a triangular deviation of ±1.5, rounded). */
export function rating(rng: Random, mean: number): number {
  const noise = (uniform(rng) + uniform(rng) - 1) * 1.5;
  return Math.min(5, Math.max(1, Math.round(mean + noise)));
}
