// Pixels for the barcode reader: an image file decoded by the browser (createImageBitmap, no
// URL, so nothing for the CSP to allow) or the live camera's current frame, drawn on a canvas no
// larger than MAX_SIDE (a 12 MP phone photo is scaled down: codes stay readable, reading quick).
const MAX_SIDE = 1600;

export interface Pixels {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Draws a picture (decoded image or live video frame) on a white canvas and reads its pixels. */
function drawnPixels(source: CanvasImageSource, sourceWidth: number, sourceHeight: number): Pixels {
  const scale = Math.min(1, MAX_SIDE / Math.max(sourceWidth, sourceHeight, 1));
  const width = Math.max(1, Math.round(sourceWidth * scale));
  const height = Math.max(1, Math.round(sourceHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(source, 0, 0, width, height);
  return { rgba: context.getImageData(0, 0, width, height).data, width, height };
}

export async function imagePixels(file: Blob): Promise<Pixels> {
  const bitmap = await createImageBitmap(file);
  try {
    return drawnPixels(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close?.();
  }
}

/** The current frame of a playing video (the live camera); null before its first frame. */
export function videoPixels(video: HTMLVideoElement): Pixels | null {
  if (!video.videoWidth || !video.videoHeight) return null;
  return drawnPixels(video, video.videoWidth, video.videoHeight);
}
