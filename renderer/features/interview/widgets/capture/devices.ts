// Which capture devices the laptop has, from navigator.mediaDevices.enumerateDevices(): the
// capture buttons are offered only when their device exists. Before the camera permission is
// granted Chromium still lists one device of each kind it has (without its label), which is all
// this needs. Re-read when a device is plugged in or out.
import { useEffect, useState } from 'react';

export interface CaptureDevices {
  camera: boolean;
  microphone: boolean;
}

const NONE: CaptureDevices = { camera: false, microphone: false };

export async function listCaptureDevices(): Promise<CaptureDevices> {
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!media?.enumerateDevices || !media.getUserMedia) return NONE;
  try {
    const devices = await media.enumerateDevices();
    return {
      camera: devices.some((d) => d.kind === 'videoinput'),
      microphone: devices.some((d) => d.kind === 'audioinput'),
    };
  } catch {
    return NONE;
  }
}

export function useCaptureDevices(enabled: boolean): CaptureDevices {
  const [devices, setDevices] = useState<CaptureDevices>(NONE);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    const read = () => void listCaptureDevices().then((d) => live && setDevices(d));
    read();
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    media?.addEventListener?.('devicechange', read);
    return () => {
      live = false;
      media?.removeEventListener?.('devicechange', read);
    };
  }, [enabled]);
  return devices;
}
