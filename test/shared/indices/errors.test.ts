// Bad respondents, configuration or options are refused with a bilingual, specific message.
import { describe, expect, test } from 'vitest';
import { computeIndices, IndexInputError, type IndexRespondent } from '../../../shared/indices';
import { code, respondent, SETTINGS } from './fixtures';

function errorOf(run: () => unknown): IndexInputError {
  try {
    run();
  } catch (e) {
    if (e instanceof IndexInputError) return e;
    throw e;
  }
  throw new Error('expected an IndexInputError');
}

describe('input errors', () => {
  test('a respondent counted twice', () => {
    const e = errorOf(() => computeIndices([respondent('x', 'U', { A1: code(4) }), respondent('x', 'U', { A1: code(5) })], SETTINGS));
    expect(e.code).toBe('duplicate_respondent');
    expect(e.messageVi).toContain('"x"');
    expect(e.messageEn).toContain('Respondent "x" appears twice');
  });

  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('design weight %s', (w) => {
    const e = errorOf(() => computeIndices([respondent('r9', 'U', { A1: code(4) }, w)], SETTINGS));
    expect(e.code).toBe('invalid_weight');
    expect(e.messageEn).toContain('Respondent "r9"');
  });

  test.each([[{ code: '4' }], [{ missing: 'maybe' }], ['blank'], [null], [4]])('malformed answer %j names the respondent and question', (answer) => {
    const r = { id: 'r3', unitCode: 'U', answers: { B2: answer } } as unknown as IndexRespondent;
    const e = errorOf(() => computeIndices([r], SETTINGS));
    expect(e.code).toBe('invalid_answer');
    expect(e.messageEn).toContain('Respondent "r3", question "B2"');
    expect(e.messageVi).toContain('câu "B2"');
  });

  test('answers to questions outside the index are not read', () => {
    const r = { id: 'r1', unitCode: 'U', answers: { A1: { code: 4 }, NOTE: 'whatever' } } as unknown as IndexRespondent;
    expect(computeIndices([r], SETTINGS).overall.index).toBe(1);
  });

  test('satisfied codes that are not valid codes could never count: refused', () => {
    const e = errorOf(() => computeIndices([], { ...SETTINGS, satisfiedCodes: [4, 5, 9] }));
    expect(e.code).toBe('invalid_config');
    expect(e.messageEn).toContain('9');
  });

  test('a negative item weight and a component declared twice are refused', () => {
    const neg = { ...SETTINGS, components: [{ id: 'A', labels: {}, weight: 1, items: [{ question: 'A1', weight: -1 }] }] };
    expect(errorOf(() => computeIndices([], neg)).code).toBe('invalid_config');
    const twice = { ...SETTINGS, components: [SETTINGS.components[0]!, SETTINGS.components[0]!] };
    expect(errorOf(() => computeIndices([], twice)).messageEn).toContain('"A" is declared twice');
  });

  test('bootstrap options out of range', () => {
    expect(errorOf(() => computeIndices([], SETTINGS, { interval: { method: 'bootstrap', replicates: 5 } })).code).toBe('invalid_option');
    expect(errorOf(() => computeIndices([], SETTINGS, { interval: { method: 'bootstrap', seed: -3 } })).code).toBe('invalid_option');
  });
});

describe('edge cases that are not errors', () => {
  test('no respondents: no index, every component listed as missing', () => {
    const { overall } = computeIndices([], SETTINGS);
    expect(overall).toMatchObject({ respondents: 0, n: 0, index: null, ci: null, components: [], componentsMissing: ['A', 'B', 'C'] });
  });

  test('respondents without a single valid answer count as respondents but not in n', () => {
    const { overall } = computeIndices([respondent('a', 'U', { A1: { missing: 'dont_know' } }), respondent('b', 'U', {})], SETTINGS);
    expect(overall).toMatchObject({ respondents: 2, n: 0, index: null });
  });

  test('a component whose answered items all weigh 0 is left out like an unanswered one', () => {
    const settings = { ...SETTINGS, components: [{ id: 'Z', labels: {}, weight: 1, items: [{ question: 'A1', weight: 0 }] }, SETTINGS.components[2]!] };
    const { overall } = computeIndices([respondent('a', 'U', { A1: code(5), C1: code(2) })], settings);
    expect(overall.componentsMissing).toEqual(['Z']);
    expect(overall.index).toBe(0);
  });

  test('custom satisfied and valid codes (a 0–10 scale, satisfied 7–10)', () => {
    const settings = { components: [{ id: 'S', labels: {}, weight: 1, items: [{ question: 'q', weight: 1 }] }], satisfiedCodes: [7, 8, 9, 10], validCodes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] };
    const rs = [0, 7, 10, 5, 99].map((c, k) => respondent(`r${k}`, 'U', { q: code(c) }));
    // 99 is off the scale; valid 0, 7, 10, 5 → satisfied 7, 10 → 2/4
    const { overall } = computeIndices(rs, settings);
    expect(overall.components[0]!.items[0]).toMatchObject({ n: 4, index: 0.5, mean: 5.5 });
  });

  test('codes spread far apart (no lookup table) are classified the same way', () => {
    const settings = { components: [{ id: 'S', labels: {}, weight: 1, items: [{ question: 'q', weight: 1 }] }], satisfiedCodes: [2000], validCodes: [1, 2000] };
    const rs = [1, 2000, 5, 2000].map((c, k) => respondent(`r${k}`, 'U', { q: code(c) }));
    // 5 is not valid; valid 1, 2000, 2000 → satisfied 2/3
    expect(computeIndices(rs, settings).overall.components[0]!.items[0]).toMatchObject({ n: 3, index: 2 / 3 });
  });

  test('a question named like an Object property ("constructor") is unanswered unless answered', () => {
    const settings = { components: [{ id: 'S', labels: {}, weight: 1, items: [{ question: 'constructor', weight: 1 }] }], satisfiedCodes: [4, 5], validCodes: [1, 2, 3, 4, 5] };
    const { overall } = computeIndices([respondent('a', 'U', {}), respondent('b', 'U', { constructor: code(4) })], settings);
    expect(overall.components[0]!.items[0]).toMatchObject({ n: 1, index: 1 });
  });
});
