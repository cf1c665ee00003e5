// The preview host's request handling: the built renderer as static files and the contract as
// `POST /api/<operation>`, both only for this run's loopback origin and, for /api, its token.
import { timingSafeEqual } from 'node:crypto';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { contractError, type ContractError, type Result } from '../../shared/contract';
import { createGuard, type GuardOptions } from '../ipc/guard';
import type { Handlers, Session } from '../ipc/types';
import { resolveRendererPath, mimeTypeFor } from '../main/protocol-path';
import { APP_ORIGIN } from '../main/security';
import { PREVIEW_CONTENT_SECURITY_POLICY } from './csp';

export const PREVIEW_HOST = '127.0.0.1';
export const TOKEN_HEADER = 'x-khaosat-token';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface PreviewServerOptions {
  /** Only the handlers are needed; the preview host owns no state besides its one session. */
  core: { handlers: Handlers; currentUser: GuardOptions['currentUser'] };
  /** This run's secret (hex); every /api call must present it. */
  token: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  maxBodyBytes?: number;
  onInternalError?: (operation: string, error: unknown) => void;
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: ContractError,
  ) {
    super(error.code);
  }
}

function sameToken(presented: string | undefined, expected: Buffer): boolean {
  if (typeof presented !== 'string') return false;
  const given = Buffer.from(presented, 'utf8');
  // Lengths differ only for a wrong token; compare against itself so the work stays the same.
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}

export function createPreviewServer(options: PreviewServerOptions): http.Server {
  const { core, rendererDir } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const expectedToken = Buffer.from(options.token, 'utf8');
  if (expectedToken.length < 32) throw new Error('preview token too short');
  // One token per run, so one session per run.
  const session: Session = { user: null };
  let server: http.Server;

  const allowedHosts = (): string[] => {
    const address = server.address();
    if (!address || typeof address === 'string') return [];
    return [`${PREVIEW_HOST}:${address.port}`, `localhost:${address.port}`];
  };

  const guard = createGuard({
    handlers: core.handlers,
    currentUser: core.currentUser,
    // Only reached after the token check, which is what makes a sender trusted here.
    isTrustedSender: (senderUrl) => allowedHosts().some((h) => senderUrl === `preview://${h}`),
    onInternalError: options.onInternalError ?? ((op, err) => console.error(`[preview] ${op}:`, err)),
  });

  function checkOrigin(req: http.IncomingMessage): string {
    const host = req.headers.host ?? '';
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host header.
    if (!allowedHosts().includes(host)) throw new HttpRefusal(403, contractError('foreign_sender'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
      throw new HttpRefusal(403, contractError('foreign_sender'));
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpRefusal(403, contractError('foreign_sender'));
    return host;
  }

  async function readBody(req: http.IncomingMessage): Promise<string> {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      throw new HttpRefusal(413, contractError('invalid_request', [{ path: '(body)', problem: `larger than ${maxBodyBytes} bytes` }]));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) {
        throw new HttpRefusal(413, contractError('invalid_request', [{ path: '(body)', problem: `larger than ${maxBodyBytes} bytes` }]));
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, host: string, operation: string) {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      throw new HttpRefusal(405, contractError('invalid_request', [{ path: '(method)', problem: 'only POST' }]));
    }
    const header = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(header) ? undefined : header, expectedToken)) {
      throw new HttpRefusal(403, contractError('foreign_sender'));
    }
    const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new HttpRefusal(415, contractError('invalid_request', [{ path: '(content-type)', problem: 'application/json only' }]));
    }
    const text = await readBody(req);
    let payload: unknown;
    try {
      payload = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new HttpRefusal(400, contractError('invalid_request', [{ path: '(body)', problem: 'not JSON' }]));
    }
    // The guard's answer is the reply: errors are values, so any Result travels as HTTP 200.
    const result = await guard(operation, payload, { senderUrl: `preview://${host}`, session });
    sendJson(res, 200, result);
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed');
    }
    // The same resolver as the app:// protocol, so both faces refuse the same paths.
    const resolved = resolveRendererPath(rendererDir, `${APP_ORIGIN}${pathname}`);
    if (!resolved.ok) return sendText(res, resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not found');
    let real: string;
    let file: FileHandle;
    try {
      real = await realpath(resolved.filePath);
      const root = await realpath(rendererDir);
      const inside = path.relative(root, real);
      // A symlink inside the folder must not lead out of it.
      if (inside.startsWith('..') || path.isAbsolute(inside)) return sendText(res, 403, 'Forbidden');
      if (!(await stat(real)).isFile()) return sendText(res, 404, 'Not found');
      // Opened before the 200 goes out: a file removed since the checks (a rebuild emptying
      // dist/renderer) is a 404 here, not an 'error' event on a stream nobody listens to.
      file = await open(real, 'r');
    } catch {
      return sendText(res, 404, 'Not found');
    }
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': mimeTypeFor(real),
      'Content-Security-Policy': PREVIEW_CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      await file.close();
      return res.end();
    }
    // pipeline, not pipe: a read failing mid-file ends this response instead of the process.
    pipeline(file.createReadStream(), res, () => {});
  }

  server = http.createServer((req, res) => {
    void (async () => {
      try {
        const host = checkOrigin(req);
        const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
        if (pathname === '/api' || pathname.startsWith('/api/')) {
          await handleApi(req, res, host, pathname.slice('/api/'.length));
        } else {
          await handleStatic(req, res, pathname);
        }
      } catch (err) {
        if (err instanceof HttpRefusal) {
          // Stop reading an oversized or refused body; the client gets the answer straight away.
          sendJson(res, err.status, { ok: false, error: err.error } satisfies Result<never>, true);
        } else {
          (options.onInternalError ?? console.error)('preview', err);
          sendJson(res, 500, { ok: false, error: contractError('internal') } satisfies Result<never>, true);
        }
      }
    })();
  });
  return server;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Starts listening on 127.0.0.1 only; a request for any other interface is refused. */
export function listenOnLoopback(server: http.Server, port: number, host: string = PREVIEW_HOST): Promise<number> {
  if (host !== PREVIEW_HOST) {
    return Promise.reject(new Error(`the preview host binds to ${PREVIEW_HOST} only, not ${host}`));
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, PREVIEW_HOST, () => {
      server.off('error', reject);
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('no port'));
      resolve(address.port);
    });
  });
}
