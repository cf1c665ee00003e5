// The preview host serving a file that disappears between its checks and the read (a rebuild
// emptying dist/renderer while the browser loads): a 404 for that request, and the host lives on.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createPreviewServer, listenOnLoopback } from '../../../electron/preview/server';
import type { Handlers } from '../../../electron/ipc/types';

const hooks = vi.hoisted(() => ({ afterStat: null as null | ((file: string) => void) }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const stat = (async (file: Parameters<typeof actual.stat>[0], opts?: Parameters<typeof actual.stat>[1]) => {
    const info = await actual.stat(file, opts);
    hooks.afterStat?.(String(file));
    return info;
  }) as typeof actual.stat;
  return { ...actual, default: { ...actual, stat }, stat };
});

let dir: string;
let server: http.Server;
let port: number;

function get(urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-preview-race-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>KhaoSat</title>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  const core = { handlers: {} as Handlers, currentUser: () => null };
  server = createPreviewServer({ core, token: 'b'.repeat(64), rendererDir: dir, onInternalError: () => {} });
  port = await listenOnLoopback(server, 0);
});

afterAll(async () => {
  hooks.afterStat = null;
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

it('a file removed after it was checked is answered 404 and the host keeps serving', async () => {
  const target = path.join(dir, 'assets', 'app.js');
  hooks.afterStat = (file) => {
    if (file.endsWith(path.join('assets', 'app.js'))) rmSync(target, { force: true });
  };
  const reply = await get('/assets/app.js');
  expect(reply.status).toBe(404);
  hooks.afterStat = null;
  const index = await get('/index.html');
  expect(index).toMatchObject({ status: 200, body: '<!doctype html><title>KhaoSat</title>' });
});
