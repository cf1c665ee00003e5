// The app:// request handler: serves files of the built renderer with the strict CSP and nosniff
// headers on every response. No 'electron' import, so tests call it with plain Request objects.
import { readFile, stat } from 'node:fs/promises';
import { mimeTypeFor, resolveRendererPath } from './protocol-path';
import { APP_SCHEME, SECURITY_HEADERS } from './security';

/** Privileges for registerSchemesAsPrivileged: a standard, secure origin the page can fetch from. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

export type AppProtocolHandler = (request: Request) => Promise<Response>;

export function createAppProtocolHandler(rendererDir: string): AppProtocolHandler {
  return async function handleAppRequest(request) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    }
    const resolved = resolveRendererPath(rendererDir, request.url);
    if (!resolved.ok) return plain(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not Found');
    try {
      const info = await stat(resolved.filePath);
      if (!info.isFile()) return plain(404, 'Not Found');
      const body = request.method === 'HEAD' ? null : await readFile(resolved.filePath);
      return new Response(body, {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'Content-Type': mimeTypeFor(resolved.filePath),
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return plain(404, 'Not Found');
    }
  };
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}
