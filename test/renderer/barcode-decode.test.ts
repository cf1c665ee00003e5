// The barcode reader on real images: QR, Code 128 and EAN-13 drawn by an independent encoder
// (bwip-js, a port of Barcode Writer in Pure PostScript) as PNG files, decoded to pixels by
// pngjs, read by ZXing. Fails if a code stops being read, or if a code is "found" where there
// is none.
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeRgba, luminances } from '../../renderer/features/interview/widgets/barcode/decode';

async function barcodePng(bcid: string, text: string, extra: Record<string, unknown> = {}) {
  const png = await bwipjs.toBuffer({ bcid, text, scale: 3, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF', ...extra } as never);
  return PNG.sync.read(png);
}

describe('decodeRgba', () => {
  it.each([
    ['qrcode', 'Mã hồ sơ: HS-2026-000123 (Phường Bến Thành)', 'QR'],
    ['code128', 'KS-26734-0042', 'Code 128'],
    ['ean13', '8935049500018', 'EAN-13'],
    ['code39', 'HS2026', 'Code 39'],
    ['datamatrix', 'HIDS/26734/7', 'Data Matrix'],
  ])('reads a %s image back as its text', async (bcid, text, format) => {
    const img = await barcodePng(bcid, text, bcid === 'qrcode' ? { eclevel: 'M' } : {});
    expect(decodeRgba(img.data, img.width, img.height)).toEqual({ text, format });
  });

  it('reads a QR code on a transparent background (alpha taken as white paper)', async () => {
    const png = await bwipjs.toBuffer({ bcid: 'qrcode', text: 'trong-suot', scale: 3, paddingwidth: 10, paddingheight: 10 } as never);
    const img = PNG.sync.read(png);
    expect(img.data.some((_, i) => i % 4 === 3 && img.data[i] === 0)).toBe(true);
    expect(decodeRgba(img.data, img.width, img.height)?.text).toBe('trong-suot');
  });

  it('finds nothing in a blank page or in noise', () => {
    const w = 200;
    const h = 150;
    const blank = new Uint8ClampedArray(w * h * 4).fill(255);
    expect(decodeRgba(blank, w, h)).toBeNull();
    let seed = 7;
    const noise = new Uint8ClampedArray(w * h * 4).map((_, i) => (i % 4 === 3 ? 255 : (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256));
    expect(decodeRgba(noise, w, h)).toBeNull();
    expect(decodeRgba(blank, 0, 0)).toBeNull();
  });

  it('luminances: black, white, transparent = white', () => {
    expect([...luminances(new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0]), 3, 1)]).toEqual([0, 255, 255]);
  });
});
