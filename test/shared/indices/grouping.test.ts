// Grouping by Unit, agency or surveyor is one function with a key selector; a group's indices
// are the indices of its respondents alone.
import { describe, expect, test } from 'vitest';
import { computeIndices, indicesBy, indicesOverall, reduceSample } from '../../../shared/indices';
import { HIDS_SETTINGS, simulate } from './simulate';

const people = simulate(600, 4, 11, true);

describe('grouping', () => {
  test('each Unit group equals the overall indices of that Unit\'s respondents alone', () => {
    const { groups } = computeIndices(people, HIDS_SETTINGS, { by: (r) => r.unitCode });
    expect(groups.map((g) => g.key)).toEqual(['U000', 'U001', 'U002', 'U003']);
    for (const g of groups) {
      const alone = computeIndices(people.filter((r) => r.unitCode === g.key), HIDS_SETTINGS).overall;
      expect({ ...g, key: '' }).toEqual(alone);
    }
  });

  test('any key works (surveyor), and the groups partition the respondents', () => {
    const sample = reduceSample(people, HIDS_SETTINGS);
    const bySurveyor = indicesBy(sample, people, (r) => r.surveyor);
    expect(bySurveyor).toHaveLength(37);
    expect(bySurveyor.reduce((s, g) => s + g.respondents, 0)).toBe(600);
    expect(indicesOverall(sample).respondents).toBe(600);
  });

  test('one constant key gives the overall indices', () => {
    const sample = reduceSample(people, HIDS_SETTINGS);
    const [city] = indicesBy(sample, people, () => 'city');
    expect({ ...city!, key: '' }).toEqual(indicesOverall(sample));
  });
});
