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
export function mainWindowOptions(preloadPath: string) {
  return {
    title: 'KhaoSat',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: mainWindowWebPreferences(preloadPath),
  } as const;
}

/**
 * Permissions the renderer may be granted. Empty on purpose: the fieldwork app needs no camera,
 * microphone, geolocation, notifications or clipboard-read; anything added here is a decision.
 */
export const PERMISSION_ALLOW_LIST: readonly string[] = Object.freeze([]);

export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return isAppUrl(requestingUrl) && PERMISSION_ALLOW_LIST.includes(permission);
}
