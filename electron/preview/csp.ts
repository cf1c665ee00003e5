// The preview host's Content-Security-Policy: the app's own policy (electron/main/security.ts)
// with one change — the page reaches the core by fetch('/api/…') here instead of IPC, so
// connect-src is 'self' rather than 'none'. Nothing else is loosened.
import { CONTENT_SECURITY_POLICY as APP_POLICY } from '../main/security';

export const APP_CONTENT_SECURITY_POLICY = APP_POLICY;

export const PREVIEW_CONTENT_SECURITY_POLICY = APP_POLICY.replace("connect-src 'none'", "connect-src 'self'");

/**
 * The policy renderer/index.html carries in its meta tag: the preview policy without
 * frame-ancestors (a meta tag cannot carry it). In Electron the app:// header still says
 * connect-src 'none', and the stricter of header and meta wins.
 */
export const META_CONTENT_SECURITY_POLICY = PREVIEW_CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
