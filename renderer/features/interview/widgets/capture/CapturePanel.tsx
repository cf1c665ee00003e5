// Taking a photo, or recording audio or video, for a media question: the live camera (or a
// recording timer), then the result to look at or listen to, redone or kept. Kept, it is handed
// to MediaInput exactly like an attached file (same size limit, same check as main). Keyboard:
// the next action has focus at each step, Esc cancels; the camera and microphone are released
// when the panel closes.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../../i18n';
import { captureProblem, type CaptureProblem } from './errors';
import { blobDataUrl, captureName, grabPhoto, PHOTO_MIME } from './photo';
import { clock, MAX_SECONDS, startRecording, type RecordingSession, type StopReason } from './recorder';

export type CaptureKind = 'photo' | 'audio' | 'video';

export interface Captured {
  name: string;
  mime: string;
  /** The bytes as a data URL (`data:<mime>;base64,…`). */
  dataUrl: string;
  size: number;
}

interface Props {
  kind: CaptureKind;
  maxBytes: number;
  /** The video recording takes sound too when the laptop has a microphone. */
  withMicrophone: boolean;
  onKeep: (captured: Captured) => void;
  onClose: () => void;
}

type Step =
  | { at: 'starting' }
  | { at: 'live' }
  | { at: 'recording'; since: number }
  | { at: 'review'; captured: Captured; stopped: StopReason }
  | { at: 'failed'; problem: CaptureProblem };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function constraints(kind: CaptureKind, withMicrophone: boolean): MediaStreamConstraints {
  if (kind === 'audio') return { audio: true };
  if (kind === 'video') return { video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: withMicrophone };
  return { video: { width: { ideal: 1280 }, height: { ideal: 720 } } };
}

export function CapturePanel({ kind, maxBytes, withMicrophone, onKeep, onClose }: Props) {
  const t = useT();
  const [step, setStep] = useState<Step>({ at: 'starting' });
  const [now, setNow] = useState(() => Date.now());
  const stream = useRef<MediaStream | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const recording = useRef<RecordingSession | null>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    void navigator.mediaDevices
      .getUserMedia(constraints(kind, withMicrophone))
      .then((s) => {
        if (!live.current) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream.current = s;
        setStep({ at: 'live' });
      })
      .catch((error: unknown) => live.current && setStep({ at: 'failed', problem: captureProblem(error) }));
    return () => {
      live.current = false;
      recording.current?.stop();
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = null;
    };
  }, [kind, withMicrophone]);

  // The live picture: a MediaStream is shown through srcObject (no URL to fetch).
  useEffect(() => {
    const v = video.current;
    if (!v || !stream.current || (step.at !== 'live' && step.at !== 'recording')) return;
    if (v.srcObject !== stream.current) {
      v.srcObject = stream.current;
      void Promise.resolve(v.play?.()).catch(() => undefined);
    }
  }, [step.at]);

  useEffect(() => {
    primary.current?.focus();
  }, [step.at]);

  useEffect(() => {
    if (step.at !== 'recording') return undefined;
    const tick = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(tick);
  }, [step.at]);

  const review = async (blob: Blob, mime: string, stopped: StopReason) => {
    const dataUrl = await blobDataUrl(blob);
    const name = kind === 'photo' ? captureName('anh', 'jpg') : captureName(kind === 'audio' ? 'ghi-am' : 'video', 'webm');
    if (live.current) setStep({ at: 'review', captured: { name, mime, dataUrl, size: blob.size }, stopped });
  };

  const fail = (error: unknown) => live.current && setStep({ at: 'failed', problem: captureProblem(error) });

  const shoot = () => {
    if (!video.current) return;
    grabPhoto(video.current).then((blob) => review(blob, PHOTO_MIME, 'user'), fail);
  };

  const record = () => {
    if (!stream.current || kind === 'photo') return;
    try {
      recording.current = startRecording({
        stream: stream.current,
        kind,
        maxBytes,
        onDone: (r) => {
          recording.current = null;
          void review(r.blob, r.mime, r.reason);
        },
        onError: fail,
      });
      const started = Date.now();
      setNow(started);
      setStep({ at: 'recording', since: started });
    } catch (error) {
      fail(error);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  const cancel = (
    <button type="button" className="secondary" onClick={onClose}>
      {t('iv.capture.cancel')}
    </button>
  );
  const title = t(kind === 'photo' ? 'iv.capture.photo' : kind === 'audio' ? 'iv.capture.audio' : 'iv.capture.video');
  const showCamera = kind !== 'audio' && (step.at === 'live' || step.at === 'recording');

  return (
    <div className="capture-panel" role="group" aria-label={title} onKeyDown={onKeyDown}>
      {showCamera ? <video ref={video} className="capture-live" muted playsInline aria-label={t('iv.capture.preview')} /> : null}
      {step.at === 'starting' ? <p className="q-hint">{t('app.loading')}</p> : null}
      {step.at === 'live' ? (
        <div className="capture-actions">
          <button ref={primary} type="button" onClick={kind === 'photo' ? shoot : record}>
            {t(kind === 'photo' ? 'iv.capture.shoot' : 'iv.capture.start')}
          </button>
          {cancel}
        </div>
      ) : null}
      {step.at === 'recording' ? (
        <div className="capture-actions">
          <p className="q-hint" role="status">
            {t('iv.capture.recording', { elapsed: clock((now - step.since) / 1000), max: clock(MAX_SECONDS[kind === 'audio' ? 'audio' : 'video']) })}
          </p>
          <button ref={primary} type="button" onClick={() => recording.current?.stop()}>
            {t('iv.capture.stop')}
          </button>
        </div>
      ) : null}
      {step.at === 'review' ? (
        <div className="capture-review">
          {kind === 'photo' ? <img src={step.captured.dataUrl} alt={t('iv.capture.taken')} style={{ maxWidth: 320, maxHeight: 240 }} /> : null}
          {kind === 'audio' ? <audio src={step.captured.dataUrl} controls aria-label={t('iv.capture.recorded')} /> : null}
          {kind === 'video' ? <video src={step.captured.dataUrl} controls aria-label={t('iv.capture.recorded')} style={{ maxWidth: 320 }} /> : null}
          {step.stopped === 'size' ? <p className="q-hint" role="status">{t('iv.capture.stoppedSize', { mb: mb(maxBytes) })}</p> : null}
          {step.stopped === 'time' ? (
            <p className="q-hint" role="status">{t('iv.capture.stoppedTime', { max: clock(MAX_SECONDS[kind === 'audio' ? 'audio' : 'video']) })}</p>
          ) : null}
          <div className="capture-actions">
            <button ref={primary} type="button" onClick={() => onKeep(step.captured)}>
              {t('iv.capture.keep')}
            </button>
            <button type="button" className="secondary" onClick={() => setStep({ at: 'live' })}>
              {t('iv.capture.retake')}
            </button>
            {cancel}
          </div>
        </div>
      ) : null}
      {step.at === 'failed' ? (
        <div className="capture-actions">
          <p className="q-error" role="alert">
            {t(step.problem.key, step.problem.reason ? { reason: step.problem.reason } : undefined)}
          </p>
          <button ref={primary} type="button" onClick={onClose}>
            {t('iv.capture.cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
