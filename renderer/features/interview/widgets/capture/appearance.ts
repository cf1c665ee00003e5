// What a media question offers, from its type and ODK appearance:
// - image: attach a file, or take a photo with the webcam; audio: attach or record with the
//   microphone; video: attach or record with the webcam (and microphone); file: attach only.
// - `new` (ODK: a new capture only, no picking from the gallery): only the capture button —
//   unless the laptop has no such device, then attaching stays possible so the question can be
//   answered, with a message saying why.
// - image with `signature`, `draw` or `annotate` (ODK's drawing pads): no drawing pad here; the
//   question works as a plain image question (photo of the paper signature or drawing, or a
//   scanned file) and says so.
import type { MediaType } from '../../../../../shared/forms/media';
import type { CaptureKind } from './CapturePanel';
import type { CaptureDevices } from './devices';

export interface MediaOffer {
  capture: CaptureKind | null;
  attach: boolean;
  /** The form asked for `new` but the device is missing: attaching is the fallback. */
  newWithoutDevice: boolean;
  /** signature / draw / annotate: no drawing pad. */
  noPad: boolean;
}

const words = (appearance: string | undefined) => (appearance ?? '').toLowerCase().split(/\s+/).filter(Boolean);

export function mediaOffer(type: MediaType, appearance: string | undefined, devices: CaptureDevices): MediaOffer {
  const a = words(appearance);
  const kind: CaptureKind | null = type === 'image' ? 'photo' : type === 'audio' ? 'audio' : type === 'video' ? 'video' : null;
  const hasDevice = kind === 'audio' ? devices.microphone : kind !== null && devices.camera;
  const capture = hasDevice ? kind : null;
  const wantsNew = a.includes('new') && kind !== null;
  return {
    capture,
    attach: !wantsNew || capture === null,
    newWithoutDevice: wantsNew && capture === null,
    noPad: type === 'image' && a.some((w) => w === 'signature' || w === 'draw' || w === 'annotate'),
  };
}
