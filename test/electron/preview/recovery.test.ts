// The preview host over a lost database: the recovery operations answer through the same guard
// and token check, a restore opens the real core, and the next calls reach it.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../electron/db/backup';
import { createPreviewServer, listenOnLoopback } from '../../../electron/preview/server';
import { createCore } from '../../../electron/services';
import { openCoreOrRecovery, type HostedCore } from '../../../electron/services/recovery';

const TOKEN = 'b'.repeat(64);
const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
let dir: string;
let hosted: HostedCore;
let server: http.Server;
let port: number;
let backupName: string;

function api(operation: string, payload: unknown, token = TOKEN): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${operation}`,
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'X-KhaoSat-Token': token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-preview-recovery-'));
  const dbPath = path.join(dir, 'khaosat.sqlite');
  const first = createCore({ dbPath, scryptParams: FAST_SCRYPT });
  await first.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'Giám Sát', secret: '24681357' }, { session: { user: null } });
  backupName = path.basename(await backupDatabase(first.db, path.join(dir, 'backups')));
  first.close();
  rmSync(dbPath);
  hosted = openCoreOrRecovery((o) => createCore({ ...o, scryptParams: FAST_SCRYPT }), { dbPath });
  server = createPreviewServer({ core: hosted, token: TOKEN, rendererDir: dir, onInternalError: () => {} });
  port = await listenOnLoopback(server, 0);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  hosted.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('preview host in recovery', () => {
  it('answers database_missing, lists the backup, refuses without the token, restores, then serves the real core', async () => {
    expect(hosted.mode()).toBe('recovery');
    expect((await api('app:status', {})).body).toMatchObject({ ok: false, error: { code: 'database_missing' } });
    expect((await api('recovery:status', {}, 'c'.repeat(64))).status).toBe(403);
    const status = await api('recovery:status', {});
    expect(status.body).toMatchObject({ ok: true, value: { needed: true, backups: [{ name: backupName, usable: true }] } });
    expect((await api('recovery:restore', { name: backupName, extra: 1 })).body).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect((await api('recovery:restore', { name: backupName })).body).toMatchObject({ ok: true, value: { restored: backupName } });
    expect(hosted.mode()).toBe('core');
    expect((await api('session:signIn', { code: 'GS01', secret: '24681357' })).body).toMatchObject({ ok: true, value: { code: 'GS01' } });
    expect((await api('recovery:restore', { name: backupName })).body).toMatchObject({ ok: false, error: { code: 'recovery_not_needed' } });
  });
});
