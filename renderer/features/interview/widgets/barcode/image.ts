// An image file's pixels for the barcode reader: decoded by the browser (createImageBitmap,
// no URL, so nothing for the CSP to allow), drawn on a canvas no larger than MAX_SIDE (a 12 MP
// phone photo is scaled down: codes stay readable and the reader stays quick).
const MAX_SIDE = 1600;

export interface Pixels {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

export async function imagePixels(file: Blob): Promise<Pixels> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    return { rgba: context.getImageData(0, 0, width, height).data, width, height };
  } finally {
    bitmap.close?.();
  }
}
