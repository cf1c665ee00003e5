// The recorder's limits without React: a recording stops by itself at its longest duration and
// at SIZE_MARGIN of the size limit, says which, drops the codec parameter from the type, and
// picks the first container the browser supports.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { baseMime, clock, MAX_SECONDS, SIZE_MARGIN, startRecording, type Recording, type RecorderClass } from '../../renderer/features/interview/widgets/capture/recorder';

class Fake {
  static last: Fake;
  static isTypeSupported = (t: string) => t === 'audio/webm';
  state = 'inactive';
  mimeType: string;
  ondataavailable: ((e: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  timeslice: number | undefined;
  constructor(_s: MediaStream, public options: MediaRecorderOptions) {
    this.mimeType = options.mimeType ?? '';
    Fake.last = this;
  }
  start(timeslice?: number) {
    this.state = 'recording';
    this.timeslice = timeslice;
  }
  stop() {
    this.state = 'inactive';
    this.onstop?.();
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const begin = (maxBytes = 1000, kind: 'audio' | 'video' = 'audio') => {
  const done: Recording[] = [];
  const session = startRecording({ stream: {} as MediaStream, kind, maxBytes, onDone: (r) => done.push(r), onError: () => undefined, Recorder: Fake as unknown as RecorderClass });
  return { done, session, rec: Fake.last };
};

test('stops by itself at the longest duration of its type and says "time"', () => {
  const { done, rec } = begin(10_000_000);
  expect(rec.timeslice).toBe(1000);
  rec.ondataavailable?.({ data: new Blob([new Uint8Array(10)]) });
  vi.advanceTimersByTime(MAX_SECONDS.audio * 1000 - 1);
  expect(done).toHaveLength(0);
  vi.advanceTimersByTime(1);
  expect(done).toHaveLength(1);
  expect(done[0]).toMatchObject({ reason: 'time', mime: 'audio/webm' });
  expect(done[0]!.blob.size).toBe(10);
});

test('stops by itself once the chunks reach SIZE_MARGIN of the limit and says "size"', () => {
  const { done, rec } = begin(1000);
  rec.ondataavailable?.({ data: new Blob([new Uint8Array(Math.ceil(1000 * SIZE_MARGIN) - 1)]) });
  expect(rec.state).toBe('recording');
  rec.ondataavailable?.({ data: new Blob([new Uint8Array(1)]) });
  expect(rec.state).toBe('inactive');
  expect(done[0]).toMatchObject({ reason: 'size' });
  expect(done[0]!.blob.size).toBe(Math.ceil(1000 * SIZE_MARGIN));
});

test('a stop by the surveyor says "user" and clears the time limit', () => {
  const { done, session } = begin();
  session.stop();
  vi.advanceTimersByTime(MAX_SECONDS.audio * 1000);
  expect(done.map((d) => d.reason)).toEqual(['user']);
});

test('asks for the first supported container with modest bit rates', () => {
  const { rec } = begin(1000, 'audio');
  expect(rec.options).toEqual({ mimeType: 'audio/webm', audioBitsPerSecond: 64_000 });
  // Enough room at these rates: the longest recording fits the type's limit.
  expect((MAX_SECONDS.audio * 64_000) / 8).toBeLessThan(5 * 1024 * 1024);
  expect((MAX_SECONDS.video * (1_000_000 + 64_000)) / 8).toBeLessThan(10 * 1024 * 1024);
});

test('baseMime drops codec parameters and keeps the kind; clock formats m:ss', () => {
  expect(baseMime('audio/webm;codecs=opus', 'audio')).toBe('audio/webm');
  expect(baseMime('video/webm; codecs="vp8, opus"', 'video')).toBe('video/webm');
  expect(baseMime('', 'video')).toBe('video/webm');
  expect(baseMime('video/webm', 'audio')).toBe('audio/webm');
  expect(clock(75)).toBe('1:15');
  expect(clock(600)).toBe('10:00');
});
