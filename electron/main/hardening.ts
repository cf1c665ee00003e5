// Deny by default: no new windows, no navigation, no <webview>, no permissions (but the camera
// and microphone for a signed-in surveyor, media-permission.ts), no network beyond the app's own
// origin. Applied to every WebContents and to the default Session.
import type { Session as ElectronSession, WebContents } from 'electron';
import { allowMediaCheck, allowMediaRequest } from './media-permission';
import { isAppUrl, isPermissionAllowed } from './security';

/** Blocks everything a page could do to leave the single app page. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The app is a single page: even a navigation to our own URL is refused (in-page hash routing
  // does not emit these events). Redirects and sub-frame navigations likewise.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Requests the offline app may make: its own files, inline data/blob URLs and devtools. */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  return /^(data|blob|devtools):/i.test(url);
}

export interface SessionPolicy {
  /** Whether a surveyor is signed in on the window of these contents (null: no window, false). */
  surveyorSignedIn: (contents: WebContents | null) => boolean;
}

export function hardenSession(session: ElectronSession, policy: SessionPolicy = { surveyorSignedIn: () => false }): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const media = allowMediaRequest(
      { permission, requestingUrl: details?.requestingUrl, isMainFrame: details?.isMainFrame, mediaTypes: 'mediaTypes' in (details ?? {}) ? (details as { mediaTypes?: string[] }).mediaTypes : undefined },
      policy.surveyorSignedIn(contents ?? null),
    );
    callback(media || isPermissionAllowed(permission, details?.requestingUrl));
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    const media = allowMediaCheck(
      { permission, requestingOrigin, requestingUrl: details?.requestingUrl, securityOrigin: details?.securityOrigin, isMainFrame: details?.isMainFrame, mediaType: details?.mediaType },
      policy.surveyorSignedIn(contents),
    );
    return media || isPermissionAllowed(permission, details?.requestingUrl);
  });
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
