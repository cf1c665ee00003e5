// parsePathSegments is memoised (an export parses the same paths for every interview): a repeated
// call gives the same answer as the first, frozen so that no caller can change what the next one
// reads, and a path it refused stays refused.
import { expect, test } from 'vitest';
import { parsePathSegments } from '../../../shared/forms/answerPath';

test('the same segments every time, frozen; a refused path stays null', () => {
  const first = parsePathSegments('hộ[2]/members[3]/tuổi');
  expect(first).toEqual([{ name: 'hộ', index: 2 }, { name: 'members', index: 3 }, { name: 'tuổi' }]);
  expect(parsePathSegments('/hộ[2]/members[3]/tuổi')).toEqual(first);
  const again = parsePathSegments('hộ[2]/members[3]/tuổi')!;
  expect(again).toEqual(first);
  expect(() => (again as { name: string }[]).push({ name: 'x' })).toThrow(TypeError);
  expect(() => {
    (again[0] as { index?: number }).index = 9;
  }).toThrow(TypeError);
  expect(parsePathSegments('hộ[2]/members[3]/tuổi')![0]).toEqual({ name: 'hộ', index: 2 });
  expect(parsePathSegments('hộ[0]/tuổi')).toBeNull();
  expect(parsePathSegments('hộ[0]/tuổi')).toBeNull();
});

test('past its bound the memo starts afresh and still parses correctly', () => {
  for (let i = 0; i < 25_000; i++) expect(parsePathSegments(`r[${(i % 9999) + 1}]/q${i}`)![1]!.name).toBe(`q${i}`);
  expect(parsePathSegments('roster[7]')).toEqual([{ name: 'roster', index: 7 }]);
});
