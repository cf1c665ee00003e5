// image / audio / video / file: attach a file from the laptop, or take a photo / record audio or
// video where the laptop has a webcam or microphone (capture/, offered by capture/appearance.ts).
// Either way the bytes become the answer (a data URL, shared/forms/media.ts), checked here against
// the type's size limit and kind, so a too-large file is refused at once with the limit named;
// main checks the same. The camera is granted by main only to a signed-in surveyor
// (electron/main/media-permission.ts).
import { useRef, useState } from 'react';
import { describeMediaValue, encodeMediaValue, MEDIA_LIMIT_BYTES, mediaProblem, parseMediaValue, safeMediaName, type MediaType } from '../../../../shared/forms/media';
import { useLanguage, useT } from '../../../i18n';
import { useInterview } from '../context';
import { mediaOffer } from './capture/appearance';
import { CapturePanel, type Captured } from './capture/CapturePanel';
import { useCaptureDevices } from './capture/devices';
import type { WidgetProps } from './types';

const ACCEPT: Record<MediaType, string | undefined> = { image: 'image/*', audio: 'audio/*', video: 'video/*', file: undefined };
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

export function MediaInput({ q, id, disabled, describedBy }: WidgetProps) {
  const t = useT();
  const [language] = useLanguage();
  const answer = useInterview((s) => s.answer);
  const input = useRef<HTMLInputElement>(null);
  const type = q.node.type as MediaType;
  const limit = MEDIA_LIMIT_BYTES[type];
  const stored = q.answer.missing || typeof q.answer.value !== 'string' ? null : q.answer.value;
  const [problem, setProblem] = useState<string | null>(null);
  const [capturing, setCapturing] = useState(false);
  const captureButton = useRef<HTMLButtonElement>(null);
  const devices = useCaptureDevices(type !== 'file' && !disabled);
  const offer = mediaOffer(type, q.node.appearance, devices);

  /** The one way in for attached and captured bytes: the same name, kind and size checks. */
  const store = (file: { name: string; mime: string; base64: string }): boolean => {
    const name = safeMediaName(file.name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')) ?? `${type}`;
    const value = encodeMediaValue({ name, mime: file.mime || 'application/octet-stream', base64: file.base64 });
    const bad = mediaProblem(type, value);
    if (bad) {
      setProblem(bad[language === 'en' ? 'en' : 'vi']);
      return false;
    }
    setProblem(null);
    answer(q.path, value);
    return true;
  };

  const attach = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > limit) {
      setProblem(t('iv.media.tooLarge', { name: file.name, size: mb(file.size), mb: mb(limit) }));
      return;
    }
    let base64: string;
    try {
      base64 = await readAsBase64(file);
    } catch {
      setProblem(t('iv.media.unreadable', { name: file.name }));
      return;
    }
    store({ name: file.name, mime: file.type, base64 });
  };

  const keep = (captured: Captured) => {
    if (captured.size > limit) {
      setProblem(t('iv.media.tooLarge', { name: captured.name, size: mb(captured.size), mb: mb(limit) }));
      return;
    }
    if (store({ name: captured.name, mime: captured.mime, base64: captured.dataUrl.slice(captured.dataUrl.indexOf(',') + 1) })) closeCapture();
  };

  const closeCapture = () => {
    setCapturing(false);
    // Back to the button that opened the panel, so the keyboard stays in the question.
    setTimeout(() => captureButton.current?.focus(), 0);
  };

  const media = stored ? parseMediaValue(stored) : null;
  const hints = [describedBy, `${id}-limit`, offer.noPad || offer.newWithoutDevice || !offer.attach ? `${id}-capture-hint` : ''].filter(Boolean).join(' ');
  const captureLabel = offer.capture === 'photo' ? 'iv.capture.photo' : offer.capture === 'audio' ? 'iv.capture.audio' : 'iv.capture.video';
  return (
    <div className="media">
      {offer.attach ? (
        <input
          ref={input}
          id={id}
          type="file"
          accept={ACCEPT[type]}
          disabled={disabled}
          aria-describedby={hints}
          aria-invalid={problem !== null || undefined}
          onChange={(e) => {
            void attach(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      ) : null}
      {offer.capture && !capturing ? (
        <button
          ref={captureButton}
          type="button"
          id={offer.attach ? `${id}-capture` : id}
          className="capture-open"
          disabled={disabled}
          aria-describedby={offer.attach ? undefined : hints}
          onClick={() => {
            setProblem(null);
            setCapturing(true);
          }}
        >
          {t(captureLabel)}
        </button>
      ) : null}
      {capturing && offer.capture ? (
        <CapturePanel kind={offer.capture} maxBytes={limit} withMicrophone={devices.microphone} onKeep={keep} onClose={closeCapture} />
      ) : null}
      <p className="q-hint" id={`${id}-limit`}>{t('iv.media.limit', { mb: mb(limit) })}</p>
      {offer.newWithoutDevice ? <p className="q-hint" id={`${id}-capture-hint`}>{t('iv.capture.newNoDevice')}</p> : null}
      {!offer.attach ? <p className="q-hint" id={`${id}-capture-hint`}>{t('iv.capture.newOnly')}</p> : null}
      {offer.noPad && !offer.newWithoutDevice && offer.attach ? <p className="q-hint" id={`${id}-capture-hint`}>{t('iv.capture.noPad')}</p> : null}
      {stored && media ? (
        <div className="media-current">
          {type === 'image' ? <img src={stored} alt={media.name} style={{ maxWidth: 240, maxHeight: 160 }} /> : null}
          {type === 'audio' ? <audio src={stored} controls aria-label={media.name} /> : null}
          {type === 'video' ? <video src={stored} controls aria-label={media.name} style={{ maxWidth: 320 }} /> : null}
          <span className="media-name">{describeMediaValue(stored)}</span>
          <button type="button" disabled={disabled} onClick={() => answer(q.path, null)}>
            {t('iv.media.remove')}
          </button>
        </div>
      ) : null}
      {problem ? <p className="q-error" role="alert">{problem}</p> : null}
    </div>
  );
}
