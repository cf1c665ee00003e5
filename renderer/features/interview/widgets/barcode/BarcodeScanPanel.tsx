// "Quét bằng camera": the live webcam, read by the same decoder as an image file a few times a
// second (without TRY_HARDER: the next frame is the retry), until a code is found or the
// surveyor cancels (Esc). The camera is released as soon as the panel closes.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../../i18n';
import { captureProblem, type CaptureProblem } from '../capture/errors';
import type { DecodedCode } from './decode';
import { videoPixels } from './image';

/** Time between two reads of the live picture. */
export const SCAN_INTERVAL_MS = 250;

interface Props {
  onFound: (code: DecodedCode) => void;
  onClose: () => void;
}

export function BarcodeScanPanel({ onFound, onClose }: Props) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [problem, setProblem] = useState<CaptureProblem | null>(null);
  const [live, setLive] = useState(false);
  const found = useRef(onFound);
  found.current = onFound;

  useEffect(() => {
    let active = true;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const scan = async () => {
      const { decodeRgba } = await import('./decode');
      const tick = () => {
        if (!active) return;
        const pixels = video.current ? videoPixels(video.current) : null;
        const code = pixels ? decodeRgba(pixels.rgba, pixels.width, pixels.height, false) : null;
        if (code) {
          active = false;
          stream?.getTracks().forEach((track) => track.stop());
          found.current(code);
          return;
        }
        timer = setTimeout(tick, SCAN_INTERVAL_MS);
      };
      tick();
    };
    void navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } } })
      .then((s) => {
        if (!active) return s.getTracks().forEach((track) => track.stop());
        stream = s;
        const v = video.current;
        if (v) {
          v.srcObject = s;
          void Promise.resolve(v.play?.()).catch(() => undefined);
        }
        setLive(true);
        void scan();
      })
      .catch((error: unknown) => active && setProblem(captureProblem(error)));
    return () => {
      active = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  useEffect(() => {
    cancelButton.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div className="capture-panel" role="group" aria-label={t('iv.barcode.scan')} onKeyDown={onKeyDown}>
      <video ref={video} className="capture-live" muted playsInline aria-label={t('iv.capture.preview')} hidden={problem !== null} />
      {live && !problem ? <p className="q-hint" role="status">{t('iv.barcode.scanning')}</p> : null}
      {problem ? (
        <p className="q-error" role="alert">
          {t(problem.key, problem.reason ? { reason: problem.reason } : undefined)}
        </p>
      ) : null}
      <div className="capture-actions">
        <button ref={cancelButton} type="button" className="secondary" onClick={onClose}>
          {t('iv.capture.cancel')}
        </button>
      </div>
    </div>
  );
}
