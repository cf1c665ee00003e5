// Attachments and coordinates through the main process: the guard carries a media answer up to
// the largest limit, the service checks the type's own limit and kind (answer_invalid naming the
// path, nothing written), stores the file in the answer, and the paradata of a replaced file
// records its name, type and size, not its bytes.
import { afterEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../../electron/ipc/guard';
import { installSurvey, type Core } from '../../../electron/services';
import type { AnswerValue } from '../../../shared/contract';
import { encodeMediaValue, MEDIA_LIMIT_BYTES } from '../../../shared/forms/media';
import { interviewForm } from '../../fixtures/forms/interviewForm';
import { cleanup, session, staffedCore } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

async function setUp() {
  const { time, core, staff } = await staffedCore(cores);
  installSurvey(core.db, {
    id: 'hids', title: 'Khảo sát hài lòng HIDS', formVersion: 'v2', installedAt: time.clock(),
    definition: interviewForm('v2', [['image', 'photo', 'Ảnh'], ['geopoint', 'pt', 'Điểm'], ['audio', 'voice', 'Ghi âm'], ['video', 'clip', 'Video']]),
  });
  const a = session(staff.surveyorA);
  const iv = await core.handlers['interview:start']({ surveyId: 'hids', formVersion: 'v2', unitCode: '26734', consent: true }, a);
  const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: () => true });
  const save = (path: string, value: AnswerValue) => guard('interview:saveAnswer', { interviewId: iv.id, path, value }, { senderUrl: 'app://khaosat', session: a.session });
  const stored = (path: string) => (core.db.prepare('SELECT value FROM answers WHERE path = ?').get(path) as { value: string } | undefined)?.value;
  return { core, save, stored };
}

const png = (bytes: number, name = 'anh.png') => encodeMediaValue({ name, mime: 'image/png', base64: Buffer.alloc(bytes, 1).toString('base64') });

describe('media and geo answers in the main process', () => {
  it('stores an image within its limit in the answer; replacing it records name, type and size in the paradata', async () => {
    const { core, save, stored } = await setUp();
    const first = png(MEDIA_LIMIT_BYTES.image, 'lan1.png');
    expect((await save('photo', first)).ok).toBe(true);
    expect(JSON.parse(stored('photo') ?? 'null')).toBe(first);
    expect((await save('photo', png(10, 'lan2.png'))).ok).toBe(true);
    const changed = core.db.prepare("SELECT detail FROM paradata WHERE path = 'photo' AND event = 'changed'").get() as { detail: string };
    expect(JSON.parse(changed.detail)).toEqual({ from: 'lan1.png (image/png, 3.0 MB)' });
  });

  it('refuses an image over 3 MB and a PDF for an image with answer_invalid naming the path; nothing is written', async () => {
    const { save, stored } = await setUp();
    const big = await save('photo', png(MEDIA_LIMIT_BYTES.image + 1));
    expect(big.ok).toBe(false);
    if (!big.ok) {
      expect(big.error.code).toBe('answer_invalid');
      expect(big.error.issues?.[0]).toMatchObject({ path: 'photo' });
      expect(JSON.stringify(big.error)).toMatch(/over the 3\.0 MB limit for image/);
    }
    const pdf = await save('photo', encodeMediaValue({ name: 'a.pdf', mime: 'application/pdf', base64: 'JVBERg==' }));
    expect(pdf.ok).toBe(false);
    if (!pdf.ok) expect(pdf.error.code).toBe('answer_invalid');
    expect(stored('photo')).toBeUndefined();
  });

  it('the guard refuses a value larger than any attachment limit before the service sees it', async () => {
    const { save } = await setUp();
    const huge = await save('photo', encodeMediaValue({ name: 'v.mp4', mime: 'video/mp4', base64: Buffer.alloc(MEDIA_LIMIT_BYTES.video + 3000).toString('base64') }));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.error.code).not.toBe('answer_invalid');
  });

  it('accepts what the capture buttons store (image/jpeg, audio/webm, video/webm) and refuses a type with codec parameters', async () => {
    const { save, stored } = await setUp();
    const bytes = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]).toString('base64');
    const photo = encodeMediaValue({ name: 'anh-2026-12-01-0631-05.jpg', mime: 'image/jpeg', base64: Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString('base64') });
    const voice = encodeMediaValue({ name: 'ghi-am-2026-12-01-0632-00.webm', mime: 'audio/webm', base64: bytes });
    const clip = encodeMediaValue({ name: 'video-2026-12-01-0633-00.webm', mime: 'video/webm', base64: bytes });
    expect((await save('photo', photo)).ok).toBe(true);
    expect((await save('voice', voice)).ok).toBe(true);
    expect((await save('clip', clip)).ok).toBe(true);
    expect(JSON.parse(stored('voice') ?? 'null')).toBe(voice);
    expect(JSON.parse(stored('clip') ?? 'null')).toBe(clip);
    // MediaRecorder's own type string is not a stored type: the widget drops the parameters.
    const raw = await save('voice', `data:audio/webm;codecs=opus;name=a.webm;base64,${bytes}`);
    expect(raw.ok).toBe(false);
    if (!raw.ok) expect(raw.error.code).toBe('answer_invalid');
    // A recording given to the wrong kind of question is refused by kind.
    const wrong = await save('voice', clip);
    expect(wrong.ok).toBe(false);
    expect(JSON.parse(stored('voice') ?? 'null')).toBe(voice);
  });

  it('stores a geopoint in ODK format and refuses a latitude of 95', async () => {
    const { save, stored } = await setUp();
    expect((await save('pt', '10.7769 106.7009 5 12')).ok).toBe(true);
    expect(JSON.parse(stored('pt') ?? 'null')).toBe('10.7769 106.7009 5 12');
    const bad = await save('pt', '95 106');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(JSON.stringify(bad.error)).toMatch(/Latitude must be between -90 and 90/);
  });
});
