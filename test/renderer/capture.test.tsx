// Taking a photo and recording audio / video in the media widgets, over a mocked
// navigator.mediaDevices, canvas and MediaRecorder: the capture is saved exactly as an attached
// file (through the in-memory backend, which runs main's answer check), retake and cancel work
// from the keyboard, a recording stops by itself at the size limit, the camera is released,
// denied / missing / busy devices are named, and no device means no capture button.
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MEDIA_LIMIT_BYTES, parseMediaValue } from '../../shared/forms/media';
import { SIZE_MARGIN } from '../../renderer/features/interview/widgets/capture/recorder';
import { formOf } from '../shared/engine/runtime/formFixture';
import { useCleanPage } from './render-app';
import { renderInterview } from './render-interview';

useCleanPage();

const form = formOf(
  [
    { type: 'image', name: 'photo', label: 'Ảnh nhà' },
    { type: 'audio', name: 'voice', label: 'Lời kể' },
    { type: 'video', name: 'clip', label: 'Đoạn phim' },
    { type: 'image', name: 'fresh', label: 'Ảnh mới', appearance: 'new' },
    { type: 'image', name: 'sign', label: 'Chữ ký', appearance: 'signature' },
    { type: 'file', name: 'doc', label: 'Giấy tờ' },
  ],
  [],
  { form_id: 'capture', version: '1' },
);

type R = Awaited<ReturnType<typeof renderInterview>>;
const stored = (r: R) => Object.fromEntries(r.stored().map((a) => [a.path, a.value]));
const flush = (r: R) => act(async () => void (await r.handle.store.getState().flush()));
const goTo = (r: R, page: string) => act(async () => void (await r.handle.store.getState().goTo(page)));

// --- the fake devices -----------------------------------------------------------------------
interface FakeTrack {
  kind: string;
  stopped: boolean;
  stop(): void;
}
let tracks: FakeTrack[] = [];
let getUserMedia: ReturnType<typeof vi.fn>;
let photoBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

function installDevices(kinds: MediaDeviceKind[], fail?: string) {
  tracks = [];
  getUserMedia = vi.fn(async (c: MediaStreamConstraints) => {
    if (fail) throw new DOMException('refused', fail);
    const made = [c.video ? 'video' : '', c.audio ? 'audio' : ''].filter(Boolean).map((kind) => {
      const t: FakeTrack = { kind, stopped: false, stop: () => void (t.stopped = true) };
      return t;
    });
    tracks.push(...made);
    return { getTracks: () => made } as unknown as MediaStream;
  });
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      enumerateDevices: async () => kinds.map((kind) => ({ kind, deviceId: '', groupId: '', label: '' })),
      getUserMedia,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  });
}

class FakeRecorder {
  static made: FakeRecorder[] = [];
  static isTypeSupported = (t: string) => t === 'audio/webm;codecs=opus' || t === 'video/webm;codecs=vp8,opus';
  state = 'inactive';
  mimeType: string;
  ondataavailable: ((e: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(
    public stream: MediaStream,
    public options: MediaRecorderOptions,
  ) {
    this.mimeType = options.mimeType ?? '';
    FakeRecorder.made.push(this);
  }
  start() {
    this.state = 'recording';
  }
  /** What the browser does every second while recording. */
  emit(bytes: number, fill = 7) {
    this.ondataavailable?.({ data: new Blob([new Uint8Array(bytes).fill(fill)]) });
  }
  stop() {
    this.state = 'inactive';
    queueMicrotask(() => this.onstop?.());
  }
}

const realGetContext = HTMLCanvasElement.prototype.getContext;
const realToBlob = HTMLCanvasElement.prototype.toBlob;
beforeEach(() => {
  FakeRecorder.made = [];
  vi.stubGlobal('MediaRecorder', FakeRecorder);
  HTMLCanvasElement.prototype.getContext = vi.fn(() => ({ drawImage: vi.fn() })) as never;
  HTMLCanvasElement.prototype.toBlob = function (cb: BlobCallback, type?: string) {
    cb(new Blob([photoBytes], { type }));
  };
  // jsdom has no media playback.
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve());
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  HTMLCanvasElement.prototype.getContext = realGetContext;
  HTMLCanvasElement.prototype.toBlob = realToBlob;
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

describe('photo', () => {
  it('takes a photo with the keyboard, shows it, keeps it as the answer (image/jpeg) and releases the camera', async () => {
    installDevices(['videoinput', 'audioinput']);
    const r = await renderInterview(form);
    await goTo(r, 'photo');
    const open = await screen.findByRole('button', { name: 'Chụp ảnh' });
    open.focus();
    await r.user.keyboard('{Enter}');
    const shoot = await screen.findByRole('button', { name: 'Chụp' });
    expect(getUserMedia).toHaveBeenCalledWith(expect.objectContaining({ video: expect.anything() }));
    expect(screen.getByLabelText('Hình từ camera').tagName).toBe('VIDEO');
    await waitFor(() => expect(document.activeElement).toBe(shoot));
    await r.user.keyboard('{Enter}');
    expect(await screen.findByRole('img', { name: 'Ảnh vừa chụp' })).toBeTruthy();
    const keep = screen.getByRole('button', { name: 'Dùng bản này' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    await r.user.keyboard('{Enter}');
    await flush(r);
    const value = parseMediaValue(String(stored(r).photo));
    expect(value).toMatchObject({ mime: 'image/jpeg', bytes: photoBytes.length });
    expect(value?.name).toMatch(/^anh-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}\.jpg$/);
    expect(Buffer.from(value!.base64, 'base64')).toEqual(Buffer.from(photoBytes));
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.every((t) => t.stopped)).toBe(true);
    // The panel is closed and the keyboard is back on the button that opened it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Chụp ảnh' })));
    expect(screen.getByRole('img', { name: value!.name })).toBeTruthy();
  });

  it('"Làm lại" takes the photo again; only the kept one is saved', async () => {
    installDevices(['videoinput']);
    const r = await renderInterview(form);
    await goTo(r, 'photo');
    await r.user.click(await screen.findByRole('button', { name: 'Chụp ảnh' }));
    await r.user.click(await screen.findByRole('button', { name: 'Chụp' }));
    await r.user.click(await screen.findByRole('button', { name: 'Làm lại' }));
    photoBytes = new Uint8Array([0xff, 0xd8, 9, 9, 9, 9, 0xff, 0xd9]);
    await r.user.click(await screen.findByRole('button', { name: 'Chụp' }));
    await r.user.click(await screen.findByRole('button', { name: 'Dùng bản này' }));
    await flush(r);
    expect(Buffer.from(parseMediaValue(String(stored(r).photo))!.base64, 'base64')).toEqual(Buffer.from([0xff, 0xd8, 9, 9, 9, 9, 0xff, 0xd9]));
  });

  it('Esc cancels: nothing saved, the camera released, focus back on "Chụp ảnh"', async () => {
    installDevices(['videoinput']);
    const r = await renderInterview(form);
    await goTo(r, 'photo');
    await r.user.click(await screen.findByRole('button', { name: 'Chụp ảnh' }));
    await screen.findByRole('button', { name: 'Chụp' });
    await r.user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Chụp ảnh' })));
    expect(screen.queryByRole('button', { name: 'Chụp' })).toBeNull();
    expect(tracks.every((t) => t.stopped)).toBe(true);
    await flush(r);
    expect(stored(r).photo).toBeUndefined();
  });

  it.each([
    ['NotAllowedError', 'Ứng dụng không được phép dùng camera hoặc micro. Hãy cho phép trong cài đặt quyền riêng tư của máy, hoặc đính kèm tệp.'],
    ['NotFoundError', 'Không tìm thấy camera hoặc micro trên máy này. Hãy đính kèm tệp.'],
    ['NotReadableError', 'Camera hoặc micro đang được ứng dụng khác dùng. Hãy đóng ứng dụng đó rồi thử lại.'],
  ])('a camera that fails with %s is named in Vietnamese; the file can still be attached', async (error, message) => {
    installDevices(['videoinput'], error);
    const r = await renderInterview(form);
    await goTo(r, 'photo');
    await r.user.click(await screen.findByRole('button', { name: 'Chụp ảnh' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByLabelText(/Ảnh nhà/).getAttribute('type')).toBe('file');
  });
});

describe('audio and video recording', () => {
  it('records audio: start, stop, listen, keep as audio/webm (the codec parameter dropped)', async () => {
    installDevices(['audioinput']);
    const r = await renderInterview(form);
    await goTo(r, 'voice');
    await r.user.click(await screen.findByRole('button', { name: 'Ghi âm' }));
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    await r.user.click(await screen.findByRole('button', { name: 'Bắt đầu ghi' }));
    const recorder = FakeRecorder.made[0]!;
    expect(recorder.options).toMatchObject({ mimeType: 'audio/webm;codecs=opus' });
    expect(screen.getByRole('status').textContent).toMatch(/^Đang ghi 0:00 \/ tối đa 10:00$/);
    act(() => recorder.emit(1000, 1));
    act(() => recorder.emit(500, 2));
    await r.user.click(screen.getByRole('button', { name: 'Dừng ghi' }));
    expect(await screen.findByLabelText('Bản vừa ghi')).toBeTruthy();
    await r.user.click(screen.getByRole('button', { name: 'Dùng bản này' }));
    await flush(r);
    const value = parseMediaValue(String(stored(r).voice));
    expect(value).toMatchObject({ mime: 'audio/webm', bytes: 1500 });
    expect(value?.name).toMatch(/^ghi-am-.*\.webm$/);
  });

  it('a recording stops by itself at the size limit, says so, and what is kept is within the limit', async () => {
    installDevices(['audioinput']);
    const r = await renderInterview(form);
    await goTo(r, 'voice');
    await r.user.click(await screen.findByRole('button', { name: 'Ghi âm' }));
    await r.user.click(await screen.findByRole('button', { name: 'Bắt đầu ghi' }));
    const recorder = FakeRecorder.made[0]!;
    const chunk = Math.ceil((MEDIA_LIMIT_BYTES.audio * SIZE_MARGIN) / 2);
    act(() => recorder.emit(chunk));
    expect(recorder.state).toBe('recording');
    act(() => recorder.emit(chunk));
    expect(recorder.state).toBe('inactive');
    expect((await screen.findByText(/Đã tự dừng ghi/)).textContent).toBe('Đã tự dừng ghi: đạt giới hạn 5.0 MB.');
    await r.user.click(screen.getByRole('button', { name: 'Dùng bản này' }));
    await flush(r);
    expect(parseMediaValue(String(stored(r).voice))?.bytes).toBe(2 * chunk);
    expect(2 * chunk).toBeLessThanOrEqual(MEDIA_LIMIT_BYTES.audio);
  });

  it('records video with the microphone when there is one, kept as video/webm', async () => {
    installDevices(['videoinput', 'audioinput']);
    const r = await renderInterview(form);
    await goTo(r, 'clip');
    await r.user.click(await screen.findByRole('button', { name: 'Quay video' }));
    expect(getUserMedia).toHaveBeenCalledWith(expect.objectContaining({ video: expect.anything(), audio: true }));
    await r.user.click(await screen.findByRole('button', { name: 'Bắt đầu ghi' }));
    const recorder = FakeRecorder.made[0]!;
    expect(recorder.options).toMatchObject({ mimeType: 'video/webm;codecs=vp8,opus', videoBitsPerSecond: 1_000_000 });
    act(() => recorder.emit(2048));
    await r.user.click(screen.getByRole('button', { name: 'Dừng ghi' }));
    await r.user.click(await screen.findByRole('button', { name: 'Dùng bản này' }));
    await flush(r);
    expect(parseMediaValue(String(stored(r).clip))).toMatchObject({ mime: 'video/webm', bytes: 2048 });
  });
});

describe('what is offered', () => {
  it('no camera or microphone: no capture button, the file is attached as before', async () => {
    installDevices([]);
    const r = await renderInterview(form);
    for (const page of ['photo', 'voice', 'clip']) {
      await goTo(r, page);
      await act(async () => undefined);
      expect(screen.queryByRole('button', { name: /Chụp ảnh|Ghi âm|Quay video/ })).toBeNull();
      expect(document.querySelector('input[type=file]')).not.toBeNull();
    }
  });

  it('no mediaDevices at all (an old browser): no capture button', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'photo');
    await act(async () => undefined);
    expect(screen.queryByRole('button', { name: 'Chụp ảnh' })).toBeNull();
  });

  it('a microphone only: "Ghi âm" for audio, but no "Chụp ảnh" or "Quay video"; a file question never offers capture', async () => {
    installDevices(['audioinput']);
    const r = await renderInterview(form);
    await goTo(r, 'voice');
    expect(await screen.findByRole('button', { name: 'Ghi âm' })).toBeTruthy();
    await goTo(r, 'photo');
    await act(async () => undefined);
    expect(screen.queryByRole('button', { name: 'Chụp ảnh' })).toBeNull();
    await goTo(r, 'clip');
    await act(async () => undefined);
    expect(screen.queryByRole('button', { name: 'Quay video' })).toBeNull();
    installDevices(['audioinput', 'videoinput']);
    await goTo(r, 'doc');
    await act(async () => undefined);
    expect(screen.queryByRole('button', { name: /^(Chụp ảnh|Ghi âm|Quay video)$/ })).toBeNull();
  });

  it('appearance "new": only the capture button (labelled by the question), no file chooser; without a camera the file chooser comes back with the reason', async () => {
    installDevices(['videoinput']);
    const r = await renderInterview(form);
    await goTo(r, 'fresh');
    const button = await screen.findByRole('button', { name: /Ảnh mới/ });
    expect(button.textContent).toBe('Chụp ảnh');
    expect(document.querySelector('input[type=file]')).toBeNull();
    expect(screen.getByText('Câu hỏi yêu cầu chụp hoặc ghi mới.')).toBeTruthy();
    r.view.unmount();

    installDevices([]);
    const again = await renderInterview(form);
    await goTo(again, 'fresh');
    await act(async () => undefined);
    expect(screen.getByLabelText(/Ảnh mới/).getAttribute('type')).toBe('file');
    expect(screen.getByText(/yêu cầu chụp hoặc ghi mới, nhưng máy không có thiết bị phù hợp/)).toBeTruthy();
  });

  it('appearance "signature": no drawing pad, said so; photo and file offered', async () => {
    installDevices(['videoinput']);
    const r = await renderInterview(form);
    await goTo(r, 'sign');
    expect(await screen.findByRole('button', { name: 'Chụp ảnh' })).toBeTruthy();
    expect(screen.getByLabelText(/Chữ ký/).getAttribute('type')).toBe('file');
    expect(screen.getByText(/Không có bảng vẽ trên máy này/)).toBeTruthy();
  });
});
