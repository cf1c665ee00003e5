// "Đọc mã từ ảnh": a photo or scan of a barcode / QR code chosen from the laptop, read in the
// renderer (the decoder is loaded on first use); the text goes into the question's box, which
// then has focus so the surveyor checks it before going on. Nothing is saved when no code is
// found. The image itself is not kept: the answer is the code.
import { useRef, useState } from 'react';
import { useT } from '../../../../i18n';
import { useInterview } from '../../context';
import type { WidgetProps } from '../types';
import { imagePixels } from './image';

type Status = { kind: 'reading' } | { kind: 'read'; format: string; name: string } | { kind: 'none'; name: string } | { kind: 'bad'; name: string } | null;

export function BarcodeFromImage({ q, id, disabled }: Pick<WidgetProps, 'q' | 'id' | 'disabled'>) {
  const t = useT();
  const answer = useInterview((s) => s.answer);
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>(null);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setStatus({ kind: 'reading' });
    let pixels;
    try {
      pixels = await imagePixels(file);
    } catch {
      setStatus({ kind: 'bad', name: file.name });
      return;
    }
    const { decodeRgba } = await import('./decode');
    const code = decodeRgba(pixels.rgba, pixels.width, pixels.height);
    if (!code) {
      setStatus({ kind: 'none', name: file.name });
      return;
    }
    answer(q.path, code.text);
    setStatus({ kind: 'read', format: code.format, name: file.name });
    document.getElementById(id)?.focus();
  };

  return (
    <div className="barcode-image">
      <input
        ref={input}
        type="file"
        accept="image/*"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('iv.barcode.fromImage')}
        disabled={disabled}
        onChange={(e) => {
          void read(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <button type="button" disabled={disabled || status?.kind === 'reading'} onClick={() => input.current?.click()}>
        {t('iv.barcode.fromImage')}
      </button>
      {status?.kind === 'reading' ? <p className="q-hint" role="status">{t('iv.barcode.reading')}</p> : null}
      {status?.kind === 'read' ? <p className="q-hint" role="status">{t('iv.barcode.read', { format: status.format, name: status.name })}</p> : null}
      {status?.kind === 'none' ? <p className="q-error" role="alert">{t('iv.barcode.none', { name: status.name })}</p> : null}
      {status?.kind === 'bad' ? <p className="q-error" role="alert">{t('iv.barcode.badImage', { name: status.name })}</p> : null}
    </div>
  );
}
