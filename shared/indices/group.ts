// Grouping: the whole sample (the city), each Unit, or any key a selector returns (agency,
// surveyor…). One reduction of the respondents serves every grouping.
import { computeGroups } from './compute';
import { reduceSample, type ReducedSample } from './reduce';
import type { GroupIndices, IndexOptions, IndexRespondent, IndexSettings } from './types';

/** What a key selector sees of a respondent: its position in the input (order of `add`), id and Unit. */
export interface RespondentRef {
  input: number;
  id: string;
  unitCode: string;
}

/** Groups keyed by `keyOf`, sorted by key (code-unit order). */
export function indicesBy(sample: ReducedSample, keyOf: (respondent: RespondentRef) => string, options: IndexOptions = {}): GroupIndices[] {
  const byKey = new Map<string, number>();
  const raw = new Array<string>(sample.size);
  for (let j = 0; j < sample.size; j++) {
    const key = String(keyOf({ input: sample.order[j]!, id: sample.ids[j]!, unitCode: sample.unitCodes[j]! }));
    raw[j] = key;
    byKey.set(key, 0);
  }
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  keys.forEach((k, g) => byKey.set(k, g));
  const groupOf = Int32Array.from(raw, (k) => byKey.get(k)!);
  return computeGroups(sample, groupOf, keys, options);
}

/** One group per Unit code. */
export function indicesByUnit(sample: ReducedSample, options: IndexOptions = {}): GroupIndices[] {
  return indicesBy(sample, (r) => r.unitCode, options);
}

/** The whole sample as one group (key ''). */
export function indicesOverall(sample: ReducedSample, options: IndexOptions = {}): GroupIndices {
  return computeGroups(sample, new Int32Array(sample.size), [''], options)[0]!;
}

/** Convenience for one call: reduce, then the overall indices and, with `by`, one entry per key. */
export function computeIndices<R extends IndexRespondent>(
  respondents: readonly R[],
  settings: IndexSettings,
  options: IndexOptions & { by?: (respondent: R) => string } = {},
): { overall: GroupIndices; groups: GroupIndices[] } {
  const sample = reduceSample(respondents, settings);
  const overall = indicesOverall(sample, options);
  const by = options.by;
  const groups = by ? indicesBy(sample, (ref) => by(respondents[ref.input]!), options) : [];
  return { overall, groups };
}
