// A getUserMedia / MediaRecorder failure as the message the surveyor reads: permission denied
// (by the laptop's privacy settings or the app's permission handler), no device, device busy.
import type { MessageKey } from '../../../../i18n';

export type CaptureProblem = { key: Extract<MessageKey, `iv.capture.${string}`>; reason?: string };

export function captureProblem(error: unknown): CaptureProblem {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as { name: string }).name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return { key: 'iv.capture.denied' };
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return { key: 'iv.capture.noDevice' };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return { key: 'iv.capture.busy' };
    default:
      return { key: 'iv.capture.failed', reason: name || String(error).slice(0, 80) };
  }
}
