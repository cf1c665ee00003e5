// Reading a barcode / QR code instead of typing it: "Đọc mã từ ảnh" (a photo or scan chosen from
// the laptop) and, where the laptop has a camera, "Quét bằng camera" (BarcodeScanPanel). Both read
// in the renderer with the decoder loaded on first use; the text goes into the question's box,
// which then has focus so the surveyor checks it before going on. Nothing is saved when no code
// is found. No image is kept: the answer is the code.
import { useRef, useState } from 'react';
import { useT } from '../../../../i18n';
import { useInterview } from '../../context';
import { useCaptureDevices } from '../capture/devices';
import type { WidgetProps } from '../types';
import { BarcodeScanPanel } from './BarcodeScanPanel';
import type { DecodedCode } from './decode';
import { imagePixels } from './image';

type Status =
  | { kind: 'reading' }
  | { kind: 'read'; format: string; name: string }
  | { kind: 'scanned'; format: string }
  | { kind: 'none'; name: string }
  | { kind: 'bad'; name: string }
  | null;

export function BarcodeReaders({ q, id, disabled }: Pick<WidgetProps, 'q' | 'id' | 'disabled'>) {
  const t = useT();
  const answer = useInterview((s) => s.answer);
  const input = useRef<HTMLInputElement>(null);
  const scanButton = useRef<HTMLButtonElement>(null);
  const [status, setStatus] = useState<Status>(null);
  const [scanning, setScanning] = useState(false);
  const devices = useCaptureDevices(!disabled);

  const fill = (code: DecodedCode) => {
    answer(q.path, code.text);
    document.getElementById(id)?.focus();
  };

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
    setStatus({ kind: 'read', format: code.format, name: file.name });
    fill(code);
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
      {devices.camera && !scanning ? (
        <button ref={scanButton} type="button" disabled={disabled} onClick={() => (setStatus(null), setScanning(true))}>
          {t('iv.barcode.scan')}
        </button>
      ) : null}
      {scanning ? (
        <BarcodeScanPanel
          onFound={(code) => {
            setScanning(false);
            setStatus({ kind: 'scanned', format: code.format });
            fill(code);
          }}
          onClose={() => {
            setScanning(false);
            setTimeout(() => scanButton.current?.focus(), 0);
          }}
        />
      ) : null}
      {status?.kind === 'reading' ? <p className="q-hint" role="status">{t('iv.barcode.reading')}</p> : null}
      {status?.kind === 'read' ? <p className="q-hint" role="status">{t('iv.barcode.read', { format: status.format, name: status.name })}</p> : null}
      {status?.kind === 'scanned' ? <p className="q-hint" role="status">{t('iv.barcode.scanned', { format: status.format })}</p> : null}
      {status?.kind === 'none' ? <p className="q-error" role="alert">{t('iv.barcode.none', { name: status.name })}</p> : null}
      {status?.kind === 'bad' ? <p className="q-error" role="alert">{t('iv.barcode.badImage', { name: status.name })}</p> : null}
    </div>
  );
}
