// Recording audio or video with MediaRecorder into one Blob that stays within the question
// type's size limit: chunks arrive every second, the recording stops by itself once they reach
// SIZE_MARGIN of the limit (the last chunk cannot overshoot it at the bit rates set here) or at
// the type's longest duration, and says which stopped it.

/** Longest recording per type, in seconds, at the bit rates below: well under the size limits. */
export const MAX_SECONDS = { audio: 600, video: 60 } as const;
const AUDIO_BITS = 64_000;
const VIDEO_BITS = 1_000_000;
/** Stop once the chunks reach this share of the limit: one more second cannot pass the limit. */
export const SIZE_MARGIN = 0.9;
const CHUNK_MS = 1000;

export type RecordingKind = 'audio' | 'video';
export type StopReason = 'user' | 'size' | 'time';

export interface Recording {
  blob: Blob;
  /** The container type without codec parameters (`audio/webm`), as the answer stores it. */
  mime: string;
  reason: StopReason;
}

export interface RecorderLike {
  readonly mimeType: string;
  readonly state: string;
  ondataavailable: ((event: { data: Blob }) => void) | null;
  onstop: (() => void) | null;
  onerror: ((event: unknown) => void) | null;
  start(timeslice?: number): void;
  stop(): void;
}

export interface RecorderClass {
  new (stream: MediaStream, options?: MediaRecorderOptions): RecorderLike;
  isTypeSupported?(type: string): boolean;
}

const CANDIDATES: Record<RecordingKind, string[]> = {
  audio: ['audio/webm;codecs=opus', 'audio/webm'],
  video: ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp8', 'video/webm'],
};

/** `video/webm;codecs=vp8,opus` → `video/webm`; the answer's header cannot carry parameters. */
export const baseMime = (mime: string, kind: RecordingKind) => {
  const base = mime.split(';')[0]!.trim().toLowerCase();
  return base.startsWith(`${kind}/`) ? base : `${kind}/webm`;
};

export interface RecordingSession {
  stop(): void;
  /** Bytes recorded so far. */
  bytes(): number;
}

export function startRecording(options: {
  stream: MediaStream;
  kind: RecordingKind;
  maxBytes: number;
  onDone: (recording: Recording) => void;
  onError: (error: unknown) => void;
  onProgress?: (bytes: number) => void;
  Recorder?: RecorderClass;
  maxSeconds?: number;
}): RecordingSession {
  const Recorder = options.Recorder ?? (globalThis.MediaRecorder as unknown as RecorderClass | undefined);
  if (!Recorder) throw Object.assign(new Error('MediaRecorder is not available'), { name: 'NotSupportedError' });
  const mimeType = CANDIDATES[options.kind].find((t) => Recorder.isTypeSupported?.(t) ?? false);
  const recorder = new Recorder(options.stream, {
    ...(mimeType ? { mimeType } : {}),
    audioBitsPerSecond: AUDIO_BITS,
    ...(options.kind === 'video' ? { videoBitsPerSecond: VIDEO_BITS } : {}),
  });
  const chunks: Blob[] = [];
  let total = 0;
  let reason: StopReason = 'user';
  const stop = (why: StopReason) => {
    if (recorder.state === 'inactive') return;
    reason = why;
    recorder.stop();
  };
  const timer = setTimeout(() => stop('time'), (options.maxSeconds ?? MAX_SECONDS[options.kind]) * 1000);
  recorder.ondataavailable = (event) => {
    if (!event.data || event.data.size === 0) return;
    chunks.push(event.data);
    total += event.data.size;
    options.onProgress?.(total);
    if (total >= options.maxBytes * SIZE_MARGIN) stop('size');
  };
  recorder.onstop = () => {
    clearTimeout(timer);
    const type = baseMime(recorder.mimeType || mimeType || '', options.kind);
    options.onDone({ blob: new Blob(chunks, { type }), mime: type, reason });
  };
  recorder.onerror = (event) => {
    clearTimeout(timer);
    options.onError((event as { error?: unknown }).error ?? event);
  };
  recorder.start(CHUNK_MS);
  return { stop: () => stop('user'), bytes: () => total };
}

/** `75` → `1:15`. */
export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
