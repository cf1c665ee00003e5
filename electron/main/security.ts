// The security policy of the Electron shell as plain data and predicates: the app's origin,
// the Content-Security-Policy, the window's web preferences and the (empty) permission allow list.
// Kept free of 'electron' imports so it is unit-tested without a stand-in.

export const APP_SCHEME = 'app';
export const APP_HOST = 'khaosat';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Served with every app:// response, errors included; the renderer needs nothing beyond itself. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // Attached or recorded audio/video is played from its stored data: URL, a recording's preview
  // from a blob: URL, the live camera from a MediaStream (mediastream:).
  "media-src 'self' data: blob: mediastream:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
});

/**
 * True only for URLs on the app's own origin, `app://khaosat`. Node's URL gives non-special
 * schemes an opaque origin ('null'), so the parts are compared one by one; credentials or a
 * port make the URL foreign, as does any other host (`app://khaosat.evil`).
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The trusted-sender rule the IPC guard applies to `event.senderFrame.url`. */
export const isTrustedSender = (senderUrl: string): boolean => isAppUrl(senderUrl);

/** Web preferences of the main window: sandboxed, isolated, no Node, nothing insecure. */
export function mainWindowWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  } as const;
}

/** Options of the one main window; shown on ready-to-show so the user never sees a blank frame. */
/** The window the app would like, and the smallest it allows, where the screen has room. */
const PREFERRED_SIZE = { width: 1280, height: 820 };
const MIN_SIZE = { width: 960, height: 560 };

/**
 * The window's size on a screen whose usable area (without taskbar) is `workArea`: the preferred
 * size where it fits, else the whole work area, so a 1366×768 or 1024×600 laptop never gets a
 * window taller than its screen with the buttons below the edge.
 */
export function windowSizeFor(workArea: { width: number; height: number }) {
  const fit = (wanted: number, room: number) => (Number.isFinite(room) && room > 0 ? Math.min(wanted, Math.floor(room)) : wanted);
  return {
    width: fit(PREFERRED_SIZE.width, workArea.width),
    height: fit(PREFERRED_SIZE.height, workArea.height),
    minWidth: fit(MIN_SIZE.width, workArea.width),
    minHeight: fit(MIN_SIZE.height, workArea.height),
  };
}

export function mainWindowOptions(preloadPath: string, workArea: { width: number; height: number } = { width: Infinity, height: Infinity }) {
  return {
    title: 'KhaoSat',
    ...windowSizeFor(workArea),
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: mainWindowWebPreferences(preloadPath),
  };
}

/**
 * Permissions the renderer may be granted on its origin alone. Empty on purpose: the fieldwork
 * app needs no geolocation, notifications or clipboard-read; anything added here is a decision.
 * The camera and microphone are not here: they need more than the origin (a signed-in surveyor,
 * device capture only), see media-permission.ts.
 */
export const PERMISSION_ALLOW_LIST: readonly string[] = Object.freeze([]);

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return isAppUrl(requestingUrl) && PERMISSION_ALLOW_LIST.includes(permission);
}
