// The preview host against a real temp database: only this run's loopback origin with its token
// reaches the contract, and only files inside the renderer folder are served.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/services';
import { parsePreviewArgs } from '../../../electron/preview/args';
import { PREVIEW_CONTENT_SECURITY_POLICY } from '../../../electron/preview/csp';
import { DEMO_USERS, seedDemo } from '../../../electron/preview/demo';
import { createPreviewServer, listenOnLoopback } from '../../../electron/preview/server';

const TOKEN = 'a'.repeat(64);
const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

let dir: string;
let rendererDir: string;
let core: Core;
let server: http.Server;
let port: number;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    // The server may answer and close before a refused body is fully written.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    req.end(opts.body);
  });
}

function api(operation: string, payload: unknown, headers: Record<string, string> = {}) {
  return send({
    method: 'POST',
    path: `/api/${operation}`,
    headers: { 'Content-Type': 'application/json', 'X-KhaoSat-Token': TOKEN, ...headers },
    body: JSON.stringify(payload),
  });
}

const errorCode = (reply: Reply) => (JSON.parse(reply.body) as { error?: { code: string } }).error?.code;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-preview-test-'));
  rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>KhaoSat</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'link.txt'));
  core = createCore({ dbPath: path.join(dir, 'db.sqlite'), scryptParams: FAST_SCRYPT });
  await seedDemo(core);
  server = createPreviewServer({ core, token: TOKEN, rendererDir, maxBodyBytes: 64 * 1024, onInternalError: () => {} });
  port = await listenOnLoopback(server, 0);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('binding', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('refuses to listen on any other interface', async () => {
    const other = createPreviewServer({ core, token: TOKEN, rendererDir });
    await expect(listenOnLoopback(other, 0, '0.0.0.0')).rejects.toThrow(/127\.0\.0\.1 only/);
    expect(other.listening).toBe(false);
  });

  it('refuses a --host other than 127.0.0.1 on the command line', () => {
    expect(() => parsePreviewArgs(['--host', '0.0.0.0'], {})).toThrow(/127\.0\.0\.1 only/);
    expect(parsePreviewArgs(['--port', '4173', '--db', 'x.sqlite', '--json'], {})).toMatchObject({ port: 4173, db: 'x.sqlite', json: true });
    expect(parsePreviewArgs(['--analyst-keys', 'k', '--import-dir', 'b', '--data-export-dir', 'o', '--analyst-db', 'a.sqlite'], {})).toMatchObject({ analystKeysDir: 'k', importDir: 'b', dataExportDir: 'o', analystDb: 'a.sqlite' });
    expect(parsePreviewArgs(['--report-dir', 'r'], { KHAOSAT_REPORT_DIR: 'r2' }).reportDir).toBe('r');
    expect(parsePreviewArgs([], { KHAOSAT_REPORT_DIR: 'r2' }).reportDir).toBe('r2');
    expect(parsePreviewArgs([], { KHAOSAT_ANALYST_KEYS_DIR: 'k2', KHAOSAT_IMPORT_DIR: 'b2', KHAOSAT_DATA_EXPORT_DIR: 'o2', KHAOSAT_ANALYST_DB: 'postgres://x@h/d' })).toMatchObject({ analystKeysDir: 'k2', importDir: 'b2', dataExportDir: 'o2', analystDb: 'postgres://x@h/d' });
    expect(parsePreviewArgs([], { KHAOSAT_PREVIEW_PORT: '5000', KHAOSAT_DB: 'e.sqlite' })).toMatchObject({ port: 5000, db: 'e.sqlite' });
  });

  it('refuses a token too short to be secret', () => {
    expect(() => createPreviewServer({ core, token: 'short', rendererDir })).toThrow();
  });
});

describe('the contract over HTTP', () => {
  it('answers app:status with the guard result', async () => {
    const reply = await api('app:status', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { needsSetup: false, user: null } });
  });

  it('refuses a missing token as foreign_sender with 403', async () => {
    const reply = await send({ method: 'POST', path: '/api/app:status', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('foreign_sender');
  });

  it('refuses a wrong token, even one of the right length, as foreign_sender with 403', async () => {
    for (const token of ['b'.repeat(64), 'a'.repeat(63), `${'a'.repeat(64)}x`]) {
      const reply = await api('app:status', {}, { 'X-KhaoSat-Token': token });
      expect(reply.status).toBe(403);
      expect(errorCode(reply)).toBe('foreign_sender');
    }
  });

  it('refuses a request whose Host is not this loopback origin (DNS rebinding)', async () => {
    for (const host of ['evil.example:80', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1']) {
      const reply = await api('app:status', {}, { Host: host });
      expect(reply.status).toBe(403);
      expect(errorCode(reply)).toBe('foreign_sender');
    }
    const viaLocalhost = await api('app:status', {}, { Host: `localhost:${port}` });
    expect(viaLocalhost.status).toBe(200);
  });

  it('refuses a cross-origin request even with the token', async () => {
    const reply = await api('app:status', {}, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('foreign_sender');
    const same = await api('app:status', {}, { Origin: `http://127.0.0.1:${port}` });
    expect(same.status).toBe(200);
  });

  it('refuses a request the browser marks Sec-Fetch-Site: cross-site, even without an Origin header', async () => {
    // A cross-site form or no-cors fetch need not send Origin; the browser still says where it came from.
    const reply = await api('app:status', {}, { 'Sec-Fetch-Site': 'cross-site' });
    expect(reply.status).toBe(403);
    expect(errorCode(reply)).toBe('foreign_sender');
    expect((await api('app:status', {}, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('refuses an oversized body with 413', async () => {
    const big = JSON.stringify({ code: 'DTV001', secret: 'x'.repeat(100 * 1024) });
    const reply = await api('session:signIn', JSON.parse(big));
    expect(reply.status).toBe(413);
  });

  it('refuses an oversized body sent without a length (chunked) with 413', async () => {
    const reply = await send({
      method: 'POST',
      path: '/api/app:status',
      headers: { 'Content-Type': 'application/json', 'X-KhaoSat-Token': TOKEN, 'Transfer-Encoding': 'chunked' },
      body: Buffer.alloc(100 * 1024, 0x20),
    });
    expect(reply.status).toBe(413);
  });

  it('accepts only POST with a JSON body on /api', async () => {
    expect((await send({ path: '/api/app:status', headers: { 'X-KhaoSat-Token': TOKEN } })).status).toBe(405);
    const text = await api('app:status', {}, { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    const broken = await send({
      method: 'POST',
      path: '/api/app:status',
      headers: { 'Content-Type': 'application/json', 'X-KhaoSat-Token': TOKEN },
      body: '{not json',
    });
    expect(broken.status).toBe(400);
    expect(errorCode(broken)).toBe('invalid_request');
  });

  it('answers an unknown operation with unknown_operation', async () => {
    expect(errorCode(await api('nope:nothing', {}))).toBe('unknown_operation');
    expect(errorCode(await api('constructor', {}))).toBe('unknown_operation');
  });

  it('signs a surveyor in against the real database and keeps the session for the run', async () => {
    const wrong = await api('session:signIn', { code: DEMO_USERS.surveyor.code, secret: '000000' });
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });

    const reply = await api('session:signIn', { code: DEMO_USERS.surveyor.code, secret: DEMO_USERS.surveyor.secret });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { code: 'DTV001', name: DEMO_USERS.surveyor.name, role: 'surveyor' } });
    const status = JSON.parse((await api('app:status', {})).body) as { value: { user: { code: string } | null } };
    expect(status.value.user?.code).toBe('DTV001');
    // The role is enforced on the next call: a surveyor may not list users.
    expect(errorCode(await api('user:list', {}))).toBe('forbidden');

    await api('session:signOut', {});
    const after = JSON.parse((await api('app:status', {})).body) as { value: { user: unknown } };
    expect(after.value.user).toBeNull();
  });
});

describe('static files', () => {
  it('serves index.html for / with the app CSP', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/text\/html/);
    expect(reply.headers['content-security-policy']).toBe(PREVIEW_CONTENT_SECURITY_POLICY);
    expect(reply.body).toContain('KhaoSat');
    const js = await send({ path: '/assets/app.js' });
    expect(js.headers['content-type']).toMatch(/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/link.txt',
      `/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
    ];
    for (const attempt of attempts) {
      const reply = await send({ path: attempt });
      expect([403, 404], attempt).toContain(reply.status);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });

  it('answers a missing file with 404 and refuses static requests from a foreign Host', async () => {
    expect((await send({ path: '/nothing.js' })).status).toBe(404);
    expect((await send({ path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
  });
});
