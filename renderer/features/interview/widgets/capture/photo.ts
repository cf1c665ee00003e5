// One frame of the live camera as a JPEG: the video element drawn on a canvas at the camera's
// own size (a laptop webcam: 640×480 to 1280×720, 50–300 kB), well under the image limit.
export const PHOTO_MIME = 'image/jpeg';
const QUALITY = 0.9;

export function grabPhoto(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth || 640;
  canvas.height = video.videoHeight || 480;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(Object.assign(new Error('no 2d canvas'), { name: 'NotSupportedError' }));
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(Object.assign(new Error('empty photo'), { name: 'EncodingError' }))), PHOTO_MIME, QUALITY),
  );
}

/** A Blob as a data URL (`data:<mime>;base64,…`): the preview's src and, once kept, the answer's bytes. */
export function blobDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(blob);
  });
}

/** A file name for a capture taken now, safe to write beside the data: `anh-2026-12-01-0631-05.jpg`. */
export function captureName(prefix: string, extension: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}-${p(now.getSeconds())}.${extension}`;
}
