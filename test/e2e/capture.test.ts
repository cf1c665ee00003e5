// Capture in real Chromium through the preview host (real services, real SQLite), with
// Chromium's fake camera and microphone (--use-fake-device-for-media-stream) and its prompt
// accepted (--use-fake-ui-for-media-stream): a surveyor takes a photo, records a short audio
// clip and reads a Code 128 from a PNG into a real interview, completes it, and main has stored
// an image/jpeg and an audio/webm it accepted. No console error: the CSP lets the recording play.
// Then a QR code shown to the fake camera (a Y4M video file, --use-file-for-fake-video-capture)
// is scanned live into the barcode box.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import bwipjs from 'bwip-js/node';
import { type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemo } from '../../electron/preview/demo';
import { createCore, installSurvey } from '../../electron/services';
import { parseMediaValue } from '../../shared/forms/media';
import { formOf } from '../shared/engine/runtime/formFixture';
import { hasChromium, launchChromium, openPage } from './browser';
import { PREVIEW_BUNDLE, startPreview, type RunningPreview } from './preview-process';

const hasBuild = existsSync(PREVIEW_BUNDLE) && existsSync('dist/renderer/index.html');


/**
 * A Y4M video (what Chromium's fake camera plays from a file): a QR code centred on a white
 * 640×480 picture, grey levels as the Y plane, neutral colour planes, two identical frames.
 */
async function qrVideo(text: string): Promise<Buffer> {
  const qr = PNG.sync.read(await bwipjs.toBuffer({ bcid: 'qrcode', text, scale: 6, backgroundcolor: 'FFFFFF' } as never));
  const W = 640;
  const H = 480;
  const y = Buffer.alloc(W * H, 235);
  const left = Math.floor((W - qr.width) / 2);
  const top = Math.floor((H - qr.height) / 2);
  for (let r = 0; r < qr.height; r++) {
    for (let c = 0; c < qr.width; c++) {
      const p = (r * qr.width + c) * 4;
      y[(top + r) * W + left + c] = qr.data[p]! < 128 ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]);
}

async function signInAndStart(page: Page, url: string) {
  await page.goto(url);
  // The preview host keeps one session per run's token: the second page finds the surveyor in.
  const code = page.getByLabel('Mã người dùng');
  const home = page.getByRole('button', { name: 'Bắt đầu phiếu mới' });
  await code.or(home).first().waitFor({ timeout: 20_000 });
  if (await code.isVisible()) {
    await code.fill(DEMO_USERS.surveyor.code);
    await page.getByLabel('Mã PIN hoặc mật khẩu').fill(DEMO_USERS.surveyor.secret);
    await page.keyboard.press('Enter');
  }
  await home.click({ timeout: 20_000 });
  await page.getByLabel('Cuộc khảo sát').selectOption({ label: 'Khảo sát có ảnh' });
  await page.getByRole('searchbox', { name: /Tìm đơn vị/ }).fill('ben thanh');
  await page.getByRole('radio', { name: /Phường Bến Thành/ }).check();
  await page.getByRole('radio', { name: /Đồng ý/ }).first().check();
  await page.getByRole('button', { name: 'Bắt đầu', exact: true }).click();
}

const form = formOf(
  [
    { type: 'select_one yn', name: 'consent', label: 'Đồng ý tham gia?', required: 'yes' },
    { type: 'begin group', name: 'media', label: 'Ảnh và ghi âm', appearance: 'field-list' },
    { type: 'image', name: 'photo', label: 'Ảnh biên nhận', required: 'yes' },
    { type: 'audio', name: 'voice', label: 'Lời kể', required: 'yes' },
    { type: 'barcode', name: 'code', label: 'Mã hồ sơ', required: 'yes' },
    { type: 'end group', name: 'media' },
  ],
  [
    { list_name: 'yn', name: 1, label: 'Có' },
    { list_name: 'yn', name: 2, label: 'Không' },
  ],
  { form_id: 'capture_e2e', version: 'v1', form_title: 'Khảo sát có ảnh' },
);

describe.skipIf(!hasChromium || !hasBuild)('capture from the fake camera and microphone in Chromium', () => {
  let dir: string;
  let dbPath: string;
  let preview: RunningPreview;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-e2e-capture-'));
    dbPath = path.join(dir, 'capture.sqlite');
    // The laptop as a supervisor would leave it: demo users, and a survey whose form asks for
    // a photo, a recording and a barcode, with Bến Thành in its frame.
    const core = createCore({ dbPath });
    await seedDemo(core);
    installSurvey(core.db, { id: 'anh', title: 'Khảo sát có ảnh', formVersion: 'v1', definition: form, units: [{ code: '26734', nameVi: 'Phường Bến Thành' }] });
    core.close();
    writeFileSync(path.join(dir, 'ma.png'), await bwipjs.toBuffer({ bcid: 'code128', text: 'HS-26734-0042', scale: 3, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' } as never));
    preview = await startPreview(['--db', dbPath]);
    browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('takes a photo, records audio, reads a barcode from an image, completes; main stored what it accepted', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1366, height: 900 });

    await signInAndStart(page, preview.url);

    // The interview opens on the media page (consent was answered on the start screen); the
    // capture buttons appear once the fake devices are listed.
    const takePhoto = page.getByRole('button', { name: 'Chụp ảnh', exact: true });
    await takePhoto.waitFor({ timeout: 20_000 });

    // The photo: the fake camera's test pattern, taken, looked at, kept.
    await takePhoto.click();
    await page.getByLabel('Hình từ camera').waitFor();
    await expect.poll(() => page.getByLabel('Hình từ camera').evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Chụp', exact: true }).click();
    await page.getByRole('img', { name: 'Ảnh vừa chụp' }).waitFor();
    await page.getByRole('button', { name: 'Dùng bản này' }).click();
    await page.getByRole('img', { name: /^anh-.*\.jpg$/ }).waitFor();

    // The recording: the fake microphone's beep for about two seconds.
    await page.getByRole('button', { name: 'Ghi âm', exact: true }).click();
    await page.getByRole('button', { name: 'Bắt đầu ghi' }).click();
    await page.getByText(/^Đang ghi 0:0[2-9]/).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Dừng ghi' }).click();
    await page.getByLabel('Bản vừa ghi').waitFor();
    await page.getByRole('button', { name: 'Dùng bản này' }).click();
    await page.getByLabel(/^ghi-am-.*\.webm$/).waitFor();

    // The barcode, read from a PNG by the lazily loaded decoder.
    await page.getByLabel('Đọc mã từ ảnh').setInputFiles(path.join(dir, 'ma.png'));
    await expect.poll(() => page.getByRole('textbox', { name: /Mã hồ sơ/ }).inputValue()).toBe('HS-26734-0042');
    await page.getByText('Đã đọc mã Code 128 từ "ma.png". Hãy kiểm tra lại mã trong ô.').waitFor();

    await page.getByRole('button', { name: 'Xem lại và hoàn thành' }).click();
    await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor();
    await page.getByRole('button', { name: 'Hoàn thành phiếu' }).click();
    await page.getByText('Phiếu đã hoàn thành và được khóa.').waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // What main stored, read from the database file.
    const db = new Database(dbPath, { readonly: true });
    try {
      const iv = db.prepare("SELECT id, status FROM interviews WHERE survey_id = 'anh'").all() as { id: string; status: string }[];
      expect(iv).toEqual([{ id: expect.any(String), status: 'completed' }]);
      const answers = Object.fromEntries(
        (db.prepare('SELECT path, value FROM answers WHERE interview_id = ?').all(iv[0]!.id) as { path: string; value: string }[]).map((a) => [a.path, JSON.parse(a.value) as unknown]),
      );
      const photo = parseMediaValue(String(answers.photo));
      expect(photo).toMatchObject({ mime: 'image/jpeg' });
      expect(Buffer.from(photo!.base64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      const voice = parseMediaValue(String(answers.voice));
      expect(voice).toMatchObject({ mime: 'audio/webm' });
      expect(voice!.bytes).toBeGreaterThan(1000);
      // A WebM file starts with the EBML magic number.
      expect(Buffer.from(voice!.base64, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
      expect(answers.code).toBe('HS-26734-0042');
    } finally {
      db.close();
    }
  });

  it('scans a QR code shown to the camera into the barcode box', async () => {
    const video = path.join(dir, 'qr.y4m');
    writeFileSync(video, await qrVideo('HS-QR-2026-0007'));
    const camera = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    try {
      const { page, problems } = await openPage(camera, { width: 1366, height: 900 });
      await signInAndStart(page, preview.url);
      await page.getByRole('button', { name: 'Quét bằng camera' }).click({ timeout: 20_000 });
      await expect.poll(() => page.getByRole('textbox', { name: /Mã hồ sơ/ }).inputValue(), { timeout: 30_000 }).toBe('HS-QR-2026-0007');
      await page.getByText('Đã quét được mã QR. Hãy kiểm tra lại mã trong ô.').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await camera.close();
    }
  });
});
