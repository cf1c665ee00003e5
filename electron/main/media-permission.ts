// Camera and microphone for the questionnaire's capture buttons (image / audio / video
// questions), and nothing more: the one exception to "no permission" (security.ts). Plain
// predicates over the facts Electron hands its permission handlers, so they are tested with
// fake objects; hardening.ts wires them to the Session.
//
// The rule, all of it must hold:
// - the permission is `media` (camera / microphone). `display-capture` (screen, window, tab),
//   whether asked through getDisplayMedia or getUserMedia's chromeMediaSource, is another
//   permission and stays denied;
// - every requested media type is `audio` or `video`, and at least one is named (a request
//   naming none is not a device capture);
// - the page asking is the app's own page, `app://khaosat/…`, in the main frame;
// - a surveyor is signed in on that window: only surveyors answer interviews, so a supervisor's
//   or analyst's screen, the sign-in screen and a signed-out window get no camera.
import { isAppUrl } from './security';

export const MEDIA_KINDS: readonly string[] = Object.freeze(['audio', 'video']);

/** What Electron's permission request handler is told (a subset of MediaAccessPermissionRequest). */
export interface MediaRequestFacts {
  permission: string;
  requestingUrl?: string | null;
  isMainFrame?: boolean;
  mediaTypes?: readonly string[];
}

/** What Electron's permission check handler is told (a subset of PermissionCheckHandlerHandlerDetails). */
export interface MediaCheckFacts {
  permission: string;
  requestingOrigin?: string | null;
  requestingUrl?: string | null;
  securityOrigin?: string | null;
  isMainFrame?: boolean;
  mediaType?: string;
}

/** Whether a permission request for the camera / microphone is granted. */
export function allowMediaRequest(facts: MediaRequestFacts, surveyorSignedIn: boolean): boolean {
  if (facts.permission !== 'media' || !surveyorSignedIn) return false;
  if (facts.isMainFrame !== true || !isAppUrl(facts.requestingUrl)) return false;
  const types = facts.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => MEDIA_KINDS.includes(t));
}

/**
 * Whether a permission check (Chromium asks before a request, and when listing devices with
 * their labels) passes for the camera / microphone. Every origin Electron names must be ours.
 */
export function allowMediaCheck(facts: MediaCheckFacts, surveyorSignedIn: boolean): boolean {
  if (facts.permission !== 'media' || !surveyorSignedIn) return false;
  if (facts.isMainFrame !== true) return false;
  const where = [facts.requestingOrigin, facts.requestingUrl, facts.securityOrigin].filter((u): u is string => typeof u === 'string' && u !== '');
  if (where.length === 0 || !where.every((u) => isAppUrl(u))) return false;
  return facts.mediaType === 'audio' || facts.mediaType === 'video';
}
