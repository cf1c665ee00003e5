// The supervisor and the surveyor in Chromium through the preview host (real services, real
// SQLite), the "Done when": the supervisor approves one interview and sends another back
// with a comment (keyboard: j/k, a, r, Ctrl+Enter); the surveyor signs in, sees the comment,
// reopens the interview, fixes an answer and completes it again (its next revision); the
// supervisor approves it and exports through the UI (the preview host's folder chooser is the
// configured --export-dir). The exported .ksbatch is then read with the project's own
// verify-then-decrypt code, and its payload decrypted with Debian's age as documented: the manifest lists the fixed interview at revision 1 and the other at
// revision 0 (revisions count from 0; a reopen adds one), signed by the key whose fingerprint the
// "Máy này" tab showed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/contract';
import { seededRandom } from '../../shared/indices/prng';
import { readBundledInstruments } from '../../electron/instruments/builtin';
import { DEMO_USERS, seedDemo } from '../../electron/preview/demo';
import { createCore } from '../../electron/services';
import { answerInterview } from '../../electron/simulate/simulate';
import { generateAgeKeyPair } from '../../electron/sync/age';
import { openBatch, readBatchManifest } from '../../electron/sync/batch';
import { hasChromium, launchChromium, openPage } from './browser';
import { PREVIEW_BUNDLE, startPreview, type RunningPreview } from './preview-process';

const hasBuild = existsSync(PREVIEW_BUNDLE) && existsSync('dist/renderer/index.html') && existsSync('dist/electron/instruments.json');
const SHOTS = process.env.SCREENSHOTS === '1';
const SURVEY = 'hids-satisfaction';
const UNIT = '26743';
const COMMENT = 'Ý kiến khác ghi chưa rõ: hỏi lại người trả lời và ghi cụ thể.';
const FIXED_OPINION = 'Cần thêm chỗ ngồi chờ và bảng hướng dẫn thủ tục.';

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

/** Two completed HIDS interviews by the demo surveyor, answered through the services as `khaosat simulate` does. */
async function seedCompletedInterviews(dbPath: string): Promise<{ serial: number; id: string }[]> {
  const bundle = readBundledInstruments(path.resolve('dist/electron'));
  const hids = bundle.instruments.find((i) => i.surveyId === SURVEY);
  if (!hids) throw new Error(`no ${SURVEY} in the built instruments`);
  const core = createCore({ dbPath, builtinInstruments: bundle });
  try {
    await seedDemo(core);
    const row = core.services.users.list().find((u) => u.code === DEMO_USERS.surveyor.code)!;
    const surveyor = core.currentUser(row.id) as User;
    const made: { serial: number; id: string }[] = [];
    for (const seed of [11, 12]) {
      const started = core.services.interviews.start(surveyor, { surveyId: SURVEY, unitCode: UNIT, consent: true });
      const today = new Date().toISOString().slice(0, 10);
      answerInterview(core, surveyor, hids.model, started.id, { rng: seededRandom(seed), respondent: { kind: 'user', petition: false }, mean: 4, unitCode: UNIT, today }, () => new Date());
      const done = core.services.interviews.complete(surveyor, started.id);
      made.push({ serial: done.serial, id: done.id });
    }
    return made;
  } finally {
    core.close();
  }
}

async function signIn(page: Page, who: { code: string; secret: string }) {
  const signOut = page.getByRole('button', { name: 'Đăng xuất' });
  const code = page.getByLabel('Mã người dùng');
  await code.or(signOut).first().waitFor({ timeout: 20_000 });
  if (await signOut.isVisible()) {
    await signOut.click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor({ timeout: 20_000 });
  }
  await page.getByLabel('Mã người dùng').fill(who.code);
  await page.getByLabel('Mã PIN hoặc mật khẩu').fill(who.secret);
  await page.keyboard.press('Enter');
  await signOut.waitFor({ timeout: 20_000 });
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor({ timeout: 20_000 });
}

/** The serial in the highlighted row of the review list (its first cell, without the revision). */
const selectedSerial = (page: Page) =>
  page.locator('.review-list tr[aria-selected="true"] td.code').evaluate((td) => td.firstChild?.textContent?.trim() ?? '');

/** Moves the review cursor with j until the row of `serial` is highlighted. */
async function cursorTo(page: Page, serial: number) {
  for (let k = 0; k < 10; k++) {
    if ((await selectedSerial(page)) === String(serial)) return;
    await page.keyboard.press('j');
  }
  throw new Error(`serial ${serial} not reached with j`);
}

describe.skipIf(!hasChromium || !hasBuild)('review and export in Chromium through the preview host', () => {
  let dir: string;
  let exportDir: string;
  let preview: RunningPreview;
  let browser: Browser;
  let identity: string;
  let interviews: { serial: number; id: string }[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-e2e-review-'));
    exportDir = path.join(dir, 'usb');
    mkdirSync(exportDir);
    const dbPath = path.join(dir, 'laptop.sqlite');
    interviews = await seedCompletedInterviews(dbPath);
    const analyst = await generateAgeKeyPair();
    identity = analyst.identity;
    preview = await startPreview(['--db', dbPath, '--export-dir', exportDir], { KHAOSAT_ANALYST_RECIPIENT: analyst.recipient });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('approve one, send one back; the surveyor fixes it (next revision); approve and export; the manifest lists both revisions', async () => {
    const [kept, sentBack] = interviews as [{ serial: number; id: string }, { serial: number; id: string }];
    const { context, page, problems } = await openPage(browser);
    await page.goto(preview.url);

    // 1. The supervisor: the home opens on the review tab, which says two interviews wait.
    await signIn(page, DEMO_USERS.supervisor);
    const reviewTab = page.getByRole('tab', { name: 'Duyệt phỏng vấn, 2 chờ duyệt' });
    await reviewTab.waitFor({ timeout: 20_000 });
    expect(await reviewTab.getAttribute('aria-selected')).toBe('true');
    const grid = page.getByRole('grid', { name: 'Duyệt phỏng vấn' });
    await grid.waitFor();
    await shot(page, 'supervisor-review');
    // Keyboard from the tab: Tab into the panel, Tab again onto the list.
    await reviewTab.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await grid.evaluate((el) => el === document.activeElement)).toBe(true);

    await cursorTo(page, kept.serial);
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.review-done').textContent()).toBe(`Đã duyệt phiếu số ${kept.serial}.`);
    await page.getByRole('tab', { name: 'Duyệt phỏng vấn, 1 chờ duyệt' }).waitFor();

    await cursorTo(page, sentBack.serial);
    await page.keyboard.press('r');
    const comment = page.getByLabel('Lý do trả lại');
    await comment.waitFor();
    expect(await comment.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(COMMENT);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.review-done').textContent()).toBe(`Đã trả lại phiếu số ${sentBack.serial} cho điều tra viên.`);
    await page.getByRole('tab', { name: 'Duyệt phỏng vấn, 0 chờ duyệt' }).waitFor();
    await signOut(page);

    // 2. The surveyor sees the comment on the sent-back interview, reopens it and fixes the answer.
    await signIn(page, DEMO_USERS.surveyor);
    await page.getByRole('heading', { name: /Bị trả lại \(1\)/ }).waitFor({ timeout: 20_000 });
    await page.getByText(`“${COMMENT}”`).waitFor();
    await page.getByRole('button', { name: `Mở — Phiếu số ${sentBack.serial}` }).click();
    const note = page.getByRole('note');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.textContent()).toContain(`Giám sát viên trả lại phiếu với nhận xét: ${COMMENT}`);
    await note.getByRole('button', { name: 'Mở lại để sửa' }).click();
    await page.getByRole('navigation', { name: 'Các phần' }).getByRole('button', { name: 'Ý kiến khác (xin ghi cụ thể):' }).click();
    const opinion = page.getByRole('textbox', { name: /Ý kiến khác/ });
    await opinion.waitFor({ timeout: 20_000 });
    await opinion.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(FIXED_OPINION);
    await page.keyboard.press('PageDown');
    await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Hoàn thành phiếu' }).click();
    await page.getByText('Phiếu đã hoàn thành và được khóa.').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Về trang chủ' }).click();
    await page.getByRole('heading', { name: /Đã hoàn thành \(1\)/ }).waitFor({ timeout: 20_000 });
    await signOut(page);

    // 3. The supervisor approves the fixed interview (shown as revision 1) and exports from the export tab.
    await signIn(page, DEMO_USERS.supervisor);
    await page.getByRole('tab', { name: 'Duyệt phỏng vấn, 1 chờ duyệt' }).waitFor({ timeout: 20_000 });
    await grid.waitFor();
    expect(await page.locator('.review-list tr[aria-selected="true"] td.code').textContent()).toBe(`${sentBack.serial} (lần sửa 1)`);
    await grid.focus();
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.review-done').textContent()).toBe(`Đã duyệt phiếu số ${sentBack.serial}.`);

    // The laptop's fingerprint as the "Máy này" tab shows it (End from the tab list), to compare with the batch.
    await page.getByRole('tab', { name: /Duyệt phỏng vấn/ }).focus();
    await page.keyboard.press('End');
    const laptopPanel = page.getByRole('tabpanel', { name: 'Máy này' });
    const groups = laptopPanel.getByRole('list', { name: 'Vân tay khóa ký' }).getByRole('listitem');
    await groups.first().waitFor();
    const shownFingerprint = (await groups.allTextContents()).join('-');
    expect(shownFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/);
    await shot(page, 'supervisor-laptop');

    // Export: Home, then → to "Xuất dữ liệu"; Tab into the panel to its button.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const exportPanel = page.getByRole('tabpanel', { name: 'Xuất dữ liệu' });
    const exportButton = exportPanel.getByRole('button', { name: 'Chọn thư mục và xuất' });
    await exportButton.waitFor();
    await exportButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => exportPanel.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Đã xuất 1 lô.');
    const fileName = (await exportPanel.locator('td.batch-file').textContent())!;
    await shot(page, 'supervisor-export');
    expect(problems).toEqual([]);
    await context.close();

    // 4. The file in the chosen folder, read as the analyst would: signature first, then decryption.
    expect(readdirSync(exportDir)).toEqual([fileName]);
    const bytes = readFileSync(path.join(exportDir, fileName));
    const envelope = readBatchManifest(bytes);
    expect(envelope.manifest.device.fingerprint).toBe(shownFingerprint);
    expect(envelope.manifest.sequence).toBe(1);
    const listed = Object.fromEntries(envelope.manifest.interviews.map((i) => [i.id, i.revision]));
    expect(listed).toEqual({ [kept.id]: 0, [sentBack.id]: 1 });
    const opened = await openBatch(bytes, identity, { pinnedDeviceKey: envelope.device.publicKey });
    const fixed = opened.interviews.find((i) => i.id === sentBack.id)!;
    expect(fixed.revision).toBe(1);
    expect(fixed.answers.find((a) => a.path === 'OPEN')?.value).toBe(FIXED_OPINION);
    expect(fixed.paradata.map((p) => p.event)).toContain('reopened');

    // And without KhaoSat, as docs/file-formats.md documents it: Debian's age on the file's tail.
    const identityPath = path.join(dir, 'analyst.key');
    writeFileSync(identityPath, `${identity}\n`, { mode: 0o600 });
    const size = envelope.manifest.payload.size;
    const plain = JSON.parse(
      execFileSync('bash', ['-o', 'pipefail', '-c', `tail -c ${size} "$1" | age -d -i "$2" | gunzip`, 'sh', path.join(exportDir, fileName), identityPath]).toString('utf8'),
    ) as { interviews: { id: string; revision: number }[] };
    expect(Object.fromEntries(plain.interviews.map((i) => [i.id, i.revision]))).toEqual({ [kept.id]: 0, [sentBack.id]: 1 });
  }, 240_000);
});
