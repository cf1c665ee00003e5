// The core's periodic online backups: copies appear in the backup folder while it runs, each a
// readable database, and closing the core stops the schedule.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../electron/services';

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('core backups', () => {
  it('writes online backups on schedule, keeps the newest few, and stops when the core closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khaosat-backups-'));
    dirs.push(dir);
    const backupDir = join(dir, 'backups');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const core = createCore({ dbPath: join(dir, 'k.sqlite'), backups: { dir: backupDir, intervalMs: 1000, keep: 2 } });
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      await vi.waitFor(() => expect(readdirSync(backupDir).length).toBe(Math.min(i + 1, 2)), { timeout: 5000 });
      // Let the in-flight backup finish before the next tick so each tick makes one.
      await new Promise((r) => setTimeout(r, 50));
    }
    const files = readdirSync(backupDir);
    expect(files).toHaveLength(2);
    const copy = new BetterSqlite3(join(backupDir, files[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    expect((copy.prepare('select count(*) as n from device').get() as { n: number }).n).toBe(1);
    copy.close();
    core.close();
    const before = readdirSync(backupDir).sort();
    await vi.advanceTimersByTimeAsync(5000);
    expect(readdirSync(backupDir).sort()).toEqual(before);
  });
});
