// The real recovery path in Chromium: a laptop whose database file was emptied, with a backup
// beside it. The preview host refuses to start fresh, the page shows the recovery screen, one
// button restores the backup, and the demo supervisor signs in to the restored data.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../electron/db/backup';
import { DEMO_USERS, seedDemo } from '../../electron/preview/demo';
import { createCore } from '../../electron/services';
import { hasChromium, launchChromium, openPage, fillSignIn } from './browser';
import { PREVIEW_BUNDLE, startPreview, type RunningPreview } from './preview-process';

const hasBuild = existsSync(PREVIEW_BUNDLE) && existsSync('dist/renderer/index.html');

describe.skipIf(!hasChromium || !hasBuild)('restoring a lost database in Chromium through the preview host', () => {
  let dir: string;
  let db: string;
  let preview: RunningPreview;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-e2e-recovery-'));
    db = path.join(dir, 'khaosat.sqlite');
    const core = createCore({ dbPath: db });
    await seedDemo(core);
    await backupDatabase(core.db, path.join(dir, 'backups'));
    core.close();
    writeFileSync(db, '');
    preview = await startPreview(['--db', db]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the recovery screen, restores the newest backup with one button, then signs in', async () => {
    const { context, page, problems } = await openPage(browser);

    await page.goto(preview.url);
    await page.getByRole('heading', { name: 'Khôi phục dữ liệu' }).waitFor({ timeout: 15_000 });
    expect(statSync(db).size).toBe(0);
    const restore = page.getByRole('button', { name: /^Khôi phục bản mới nhất/ });
    await restore.waitFor({ timeout: 15_000 });
    if (process.env.SCREENSHOTS === '1') {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot({ path: 'docs/screenshots/recovery.png' });
    }
    await restore.click();

    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor({ timeout: 15_000 });
    await fillSignIn(page, DEMO_USERS.supervisor);
    await page.getByRole('heading', { name: `Xin chào, ${DEMO_USERS.supervisor.name} — Giám sát viên` }).waitFor({ timeout: 15_000 });

    expect(statSync(db).size).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, 'kept'))).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
