// Grouping by Unit, agency or surveyor is one function with a key selector; a group's indices
// are the indices of its respondents alone.
import { describe, expect, test } from 'vitest';
import { computeIndices, createSampleBuilder, indicesBy, indicesByUnit, indicesOverall, reduceSample } from '../../../shared/indices';
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
    const bySurveyor = indicesBy(sample, (r) => people[r.input]!.surveyor);
    expect(bySurveyor).toHaveLength(37);
    expect(bySurveyor.reduce((s, g) => s + g.respondents, 0)).toBe(600);
    expect(indicesOverall(sample).respondents).toBe(600);
  });

  test('one constant key gives the overall indices', () => {
    const sample = reduceSample(people, HIDS_SETTINGS);
    const [city] = indicesBy(sample, () => 'city');
    expect({ ...city!, key: '' }).toEqual(indicesOverall(sample));
  });

  test('streaming respondents through the builder, in any order, gives the same sample as reducing the array', () => {
    const builder = createSampleBuilder(HIDS_SETTINGS);
    for (const r of [...people].reverse()) builder.add(r);
    const streamed = builder.finish();
    const whole = reduceSample(people, HIDS_SETTINGS);
    expect(indicesByUnit(streamed)).toEqual(indicesByUnit(whole));
    expect(streamed.ids).toEqual(whole.ids);
    expect(streamed.status).toEqual(whole.status);
  });

  test('a rejected respondent leaves the builder as it was', () => {
    const builder = createSampleBuilder(HIDS_SETTINGS);
    builder.add(people[0]!);
    expect(() => builder.add({ ...people[1]!, answers: { ACC1: { code: 5 }, ACC2: 'blank' as never } })).toThrow(/ACC2/);
    const sample = builder.finish();
    expect(sample.size).toBe(1);
    expect(indicesOverall(sample)).toEqual(computeIndices([people[0]!], HIDS_SETTINGS).overall);
  });
});
