// "Đọc mã từ ảnh" and "Quét bằng camera" in the barcode question: the pixels (a real Code 128
// drawn by bwip-js, handed over by a stubbed createImageBitmap / video frame + canvas, which
// jsdom lacks) are read by the lazily loaded decoder; the code fills the box, which gets focus,
// and is saved; no code: a message and nothing saved; a file that is no image: named as such;
// the live scan retries frame after frame, is offered only with a camera, and Esc releases it.
import { act, screen, waitFor } from '@testing-library/react';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formOf } from '../shared/engine/runtime/formFixture';
import { useCleanPage } from './render-app';
import { renderInterview } from './render-interview';

useCleanPage();

const form = formOf([{ type: 'barcode', name: 'code', label: 'Mã hồ sơ' }], [], { form_id: 'barcode', version: '1' });

type R = Awaited<ReturnType<typeof renderInterview>>;
const stored = (r: R) => Object.fromEntries(r.stored().map((a) => [a.path, a.value]));
const flush = (r: R) => act(async () => void (await r.handle.store.getState().flush()));

let pixels: { data: Uint8ClampedArray; width: number; height: number };
/** Frames read from the canvas so far; the first `blankFrames` are a white page. */
let frames = 0;
let blankFrames = 0;
const realGetContext = HTMLCanvasElement.prototype.getContext;
let tracks: { stopped: boolean; stop(): void }[] = [];

function installCamera(kinds: MediaDeviceKind[], fail?: string) {
  tracks = [];
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      enumerateDevices: async () => kinds.map((kind) => ({ kind, deviceId: '', groupId: '', label: '' })),
      getUserMedia: async () => {
        if (fail) throw new DOMException('no', fail);
        const track = { stopped: false, stop: () => void (track.stopped = true) };
        tracks.push(track);
        return { getTracks: () => [track] };
      },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  });
}

beforeEach(() => {
  vi.stubGlobal('createImageBitmap', async (blob: Blob) => {
    if (!blob.type.startsWith('image/')) throw new DOMException('cannot decode', 'InvalidStateError');
    return { width: pixels.width, height: pixels.height, close: () => undefined };
  });
  frames = 0;
  blankFrames = 0;
  HTMLCanvasElement.prototype.getContext = vi.fn(() => ({
    fillRect: () => undefined,
    drawImage: () => undefined,
    getImageData: () => ({ data: frames++ < blankFrames ? new Uint8ClampedArray(pixels.data.length).fill(255) : pixels.data }),
  })) as never;
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
  vi.spyOn(HTMLVideoElement.prototype, 'videoWidth', 'get').mockImplementation(() => pixels.width);
  vi.spyOn(HTMLVideoElement.prototype, 'videoHeight', 'get').mockImplementation(() => pixels.height);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  HTMLCanvasElement.prototype.getContext = realGetContext;
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

async function code128(text: string) {
  const png = PNG.sync.read(await bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' } as never));
  return { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
}

describe('barcode from an image', () => {
  it('reads a Code 128 from an image into the box, focuses it for checking, and saves the code', async () => {
    pixels = await code128('KS-26734-0042');
    const r = await renderInterview(form);
    expect(screen.getByRole('button', { name: 'Đọc mã từ ảnh' })).toBeTruthy();
    await r.user.upload(screen.getByLabelText('Đọc mã từ ảnh'), new File([new Uint8Array([1])], 'ma.png', { type: 'image/png' }));
    const box = screen.getByRole('textbox', { name: /Mã hồ sơ/ }) as HTMLInputElement;
    await waitFor(() => expect(box.value).toBe('KS-26734-0042'), { timeout: 15_000 });
    expect(document.activeElement).toBe(box);
    expect(screen.getByText(/^Đã đọc mã/).textContent).toBe('Đã đọc mã Code 128 từ "ma.png". Hãy kiểm tra lại mã trong ô.');
    await flush(r);
    expect(stored(r).code).toBe('KS-26734-0042');
  });

  it('an image with no code says so and saves nothing', async () => {
    pixels = { data: new Uint8ClampedArray(120 * 80 * 4).fill(255), width: 120, height: 80 };
    const r = await renderInterview(form);
    await r.user.upload(screen.getByLabelText('Đọc mã từ ảnh'), new File([new Uint8Array([1])], 'trang.png', { type: 'image/png' }));
    expect((await screen.findByRole('alert', {}, { timeout: 15_000 })).textContent).toBe('Không đọc được mã trong ảnh "trang.png".');
    await flush(r);
    expect(stored(r).code).toBeUndefined();
  });

  it('a file that is not an image is named as such', async () => {
    pixels = await code128('X');
    const r = await renderInterview(form);
    const input = screen.getByLabelText('Đọc mã từ ảnh');
    input.removeAttribute('accept');
    await r.user.upload(input, new File(['%PDF'], 'giay.pdf', { type: 'application/pdf' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Tệp "giay.pdf" không phải ảnh đọc được.');
  });
});

describe('barcode scanned with the camera', () => {
  it('reads the live picture until a code shows, fills the box, focuses it, saves the code and releases the camera', async () => {
    pixels = await code128('KS-26734-0099');
    blankFrames = 3;
    installCamera(['videoinput']);
    const r = await renderInterview(form);
    await r.user.click(await screen.findByRole('button', { name: 'Quét bằng camera' }));
    expect(await screen.findByText('Đưa mã vào trước camera…')).toBeTruthy();
    const box = screen.getByRole('textbox', { name: /Mã hồ sơ/ }) as HTMLInputElement;
    await waitFor(() => expect(box.value).toBe('KS-26734-0099'), { timeout: 15_000 });
    expect(frames).toBeGreaterThan(blankFrames);
    expect(document.activeElement).toBe(box);
    expect(screen.getByText(/^Đã quét được mã/).textContent).toBe('Đã quét được mã Code 128. Hãy kiểm tra lại mã trong ô.');
    expect(tracks.every((t) => t.stopped)).toBe(true);
    expect(screen.queryByLabelText('Hình từ camera')).toBeNull();
    await flush(r);
    expect(stored(r).code).toBe('KS-26734-0099');
  });

  it('Esc stops scanning: the camera released, nothing saved, focus back on the button', async () => {
    pixels = await code128('X');
    blankFrames = 1_000_000;
    installCamera(['videoinput']);
    const r = await renderInterview(form);
    await r.user.click(await screen.findByRole('button', { name: 'Quét bằng camera' }));
    await screen.findByText('Đưa mã vào trước camera…');
    await r.user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Quét bằng camera' })));
    expect(tracks.every((t) => t.stopped)).toBe(true);
    await flush(r);
    expect(stored(r).code).toBeUndefined();
  });

  it('no camera: no scan button (reading from an image stays); a denied camera is named', async () => {
    installCamera(['audioinput']);
    const r = await renderInterview(form);
    await act(async () => undefined);
    expect(screen.getByRole('button', { name: 'Đọc mã từ ảnh' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Quét bằng camera' })).toBeNull();
    r.view.unmount();

    installCamera(['videoinput'], 'NotAllowedError');
    const again = await renderInterview(form);
    await again.user.click(await screen.findByRole('button', { name: 'Quét bằng camera' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Ứng dụng không được phép dùng camera hoặc micro/);
  });
});
