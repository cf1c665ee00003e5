// image / audio / video / file: attach a file from the laptop. The file becomes the answer (a data
// URL, shared/forms/media.ts), checked here against its type's size limit before it is read, so
// a too-large file is refused at once with the limit named; main checks the same limit.
// Capture from a webcam or microphone is not offered: the sandboxed renderer would need a media
// permission handler in the main process and a capture UI that cannot be tested without the
// Electron binary; a photo taken with the laptop's camera app is attached the same way.
import { useRef, useState } from 'react';
import { describeMediaValue, encodeMediaValue, MEDIA_LIMIT_BYTES, mediaProblem, parseMediaValue, safeMediaName, type MediaType } from '../../../../shared/forms/media';
import { useLanguage, useT } from '../../../i18n';
import { useInterview } from '../context';
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
    const name = safeMediaName(file.name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')) ?? `${type}`;
    const value = encodeMediaValue({ name, mime: file.type || 'application/octet-stream', base64 });
    const bad = mediaProblem(type, value);
    if (bad) {
      setProblem(bad[language === 'en' ? 'en' : 'vi']);
      return;
    }
    setProblem(null);
    answer(q.path, value);
  };

  const media = stored ? parseMediaValue(stored) : null;
  return (
    <div className="media">
      <input
        ref={input}
        id={id}
        type="file"
        accept={ACCEPT[type]}
        disabled={disabled}
        aria-describedby={[describedBy, `${id}-limit`].filter(Boolean).join(' ')}
        aria-invalid={problem !== null || undefined}
        onChange={(e) => {
          void attach(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <p className="q-hint" id={`${id}-limit`}>{t('iv.media.limit', { mb: mb(limit) })}</p>
      {stored && media ? (
        <div className="media-current">
          {type === 'image' ? <img src={stored} alt={media.name} style={{ maxWidth: 240, maxHeight: 160 }} /> : null}
          {type === 'audio' ? <audio src={stored} controls aria-label={media.name} /> : null}
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
