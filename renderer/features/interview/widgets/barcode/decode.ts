// Reading a barcode from the pixels of an image with ZXing's TypeScript port (@zxing/library:
// pure TypeScript, no WebAssembly, so it runs under the app's CSP with no 'wasm-unsafe-eval').
// Loaded on demand (import() in BarcodeReaders / BarcodeScanPanel), so the questionnaire does not carry it until a
// surveyor reads a code from an image. Deep imports of the three readers used keep ZXing's
// browser camera layer and the Aztec / PDF417 / MaxiCode readers out of the bundle; the readers
// are tried here in turn rather than through MultiFormatReader, which would load them all (and,
// from 0.22 on, console.warns on every reader that finds nothing).
// Pinned at 0.21.3: 0.22.0 and later declare engines node >= 24 for their own tooling, which the
// project's Node 20 rule (test/project/node-versions.test.ts) refuses for anything but Electron's
// tools; 0.21.3 reads the same formats (test/renderer/barcode-decode.test.ts).
import BarcodeFormat from '@zxing/library/esm/core/BarcodeFormat';
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer';
import DataMatrixReader from '@zxing/library/esm/core/datamatrix/DataMatrixReader';
import DecodeHintType from '@zxing/library/esm/core/DecodeHintType';
import MultiFormatOneDReader from '@zxing/library/esm/core/oned/MultiFormatOneDReader';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource';
import type Reader from '@zxing/library/esm/core/Reader';

export interface DecodedCode {
  text: string;
  /** The symbology as people name it: `QR`, `Code 128`, `EAN-13`… */
  format: string;
}

/** QR and the common 1D codes on documents, receipts and goods. */
const FORMATS: Partial<Record<BarcodeFormat, string>> = {
  [BarcodeFormat.QR_CODE]: 'QR',
  [BarcodeFormat.DATA_MATRIX]: 'Data Matrix',
  [BarcodeFormat.CODE_128]: 'Code 128',
  [BarcodeFormat.CODE_39]: 'Code 39',
  [BarcodeFormat.CODE_93]: 'Code 93',
  [BarcodeFormat.EAN_13]: 'EAN-13',
  [BarcodeFormat.EAN_8]: 'EAN-8',
  [BarcodeFormat.UPC_A]: 'UPC-A',
  [BarcodeFormat.UPC_E]: 'UPC-E',
  [BarcodeFormat.ITF]: 'ITF',
  [BarcodeFormat.CODABAR]: 'Codabar',
};

/**
 * Grey levels of RGBA pixels (4 bytes each, as canvas getImageData gives them), transparent
 * pixels taken as white paper: a PNG with a transparent background reads as printed.
 */
export function luminances(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    const a = rgba[p + 3]! / 255;
    const grey = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000;
    out[i] = Math.round(grey * a + 255 * (1 - a));
  }
  return out;
}

/**
 * The code in an image, or null when none is found. `tryHarder` (the default, for a still image)
 * scans more rows and orientations; the live camera passes false and tries again next frame.
 */
export function decodeRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, tryHarder = true): DecodedCode | null {
  if (width <= 0 || height <= 0 || rgba.length < width * height * 4) return null;
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, Object.keys(FORMATS).map(Number)]]);
  if (tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminances(rgba, width, height), width, height)));
  const readers: Reader[] = [new QRCodeReader(), new DataMatrixReader(), new MultiFormatOneDReader(hints)];
  for (const reader of readers) {
    try {
      const result = reader.decode(bitmap, hints);
      const format = FORMATS[result.getBarcodeFormat()];
      if (format) return { text: result.getText(), format };
    } catch {
      // NotFound / Checksum / Format: this reader sees no readable code; try the next.
    } finally {
      reader.reset();
    }
  }
  return null;
}
