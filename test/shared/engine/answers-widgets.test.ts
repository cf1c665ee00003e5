// Main's answer check for the question types issue 11 gave a widget: it accepts exactly the
// stored shape of each (shared/forms/geo.ts, shared/forms/media.ts) and refuses anything else
// with an issue naming the path.
import { describe, expect, it } from 'vitest';
import { AnswerValueSchema } from '../../../shared/contract/schemas';
import { checkAnswer, MAX_BARCODE_CHARS, type StoredAnswer } from '../../../shared/engine/answers';
import { encodeMediaValue, MEDIA_LIMIT_BYTES } from '../../../shared/forms/media';
import { formOf } from './runtime/formFixture';

const form = formOf(
  [
    { type: 'geopoint', name: 'pt', label: 'Điểm' },
    { type: 'geotrace', name: 'road', label: 'Đường' },
    { type: 'geoshape', name: 'plot', label: 'Thửa' },
    { type: 'image', name: 'photo', label: 'Ảnh' },
    { type: 'audio', name: 'voice', label: 'Ghi âm' },
    { type: 'video', name: 'clip', label: 'Video' },
    { type: 'file', name: 'doc', label: 'Tệp' },
    { type: 'barcode', name: 'code', label: 'Mã' },
    { type: 'range', name: 'r', label: 'Thang', parameters: 'start=0 end=1 step=0.25' },
    { type: 'hidden', name: 'h' },
  ],
  [],
  { form_id: 'widgets', version: '1' },
);

const check = (path: string, value: StoredAnswer['value']) => checkAnswer(form, { path, value, missing: null });
const accepted = (path: string, value: StoredAnswer['value']) => expect(check(path, value), `${path} = ${String(value).slice(0, 80)}`).toEqual({ answer: { path, value, missing: null } });
const refused = (path: string, value: StoredAnswer['value'], en?: RegExp) => {
  const r = check(path, value);
  expect('issue' in r, `${path} = ${JSON.stringify(value)?.slice(0, 80)} should be refused`).toBe(true);
  if ('issue' in r) {
    expect(r.issue.path).toBe(path);
    expect(r.issue.vi).not.toBe('');
    if (en) expect(r.issue.en).toMatch(en);
  }
};

function media(mime: string, bytes: number, name = 'a.bin'): string {
  return encodeMediaValue({ name, mime, base64: Buffer.alloc(bytes, 7).toString('base64') });
}

describe('geo answers', () => {
  it('accepts ODK points of 2 to 4 numbers, traces of 2+ points, closed shapes of 4+ points', () => {
    accepted('pt', '10.7769 106.7009');
    accepted('pt', '10.7769 106.7009 12.5 4');
    accepted('pt', '-90 180 0 0');
    accepted('road', '10.77 106.70;10.78 106.71 3 5');
    accepted('plot', '10 106;10.1 106;10.1 106.1;10 106');
  });

  it('refuses out-of-range, malformed, open and short values, naming what was expected', () => {
    refused('pt', '91 106', /Latitude must be between -90 and 90/);
    refused('pt', '10 181', /Longitude/);
    refused('pt', '10 106 0 -1', /Accuracy/);
    refused('pt', '10,77 106,70', /2 to 4 numbers/);
    refused('pt', '10 106 1 2 3', /2 to 4 numbers/);
    refused('pt', '10 106;11 107', /2 to 4 numbers/);
    refused('pt', ' 10 106');
    refused('pt', 10.77);
    refused('road', '10 106', /at least 2 points/);
    refused('road', '10 106;x 106', /point 2/);
    refused('plot', '10 106;10.1 106;10.1 106.1', /at least 3 corners/);
    refused('plot', '10 106;10.1 106;10.1 106.1;10.2 106', /closed/);
  });
});

describe('media answers', () => {
  it('accepts a data URL of the right kind within the limit of each type', () => {
    accepted('photo', media('image/jpeg', 1000, 'ảnh hộ 1.jpg'));
    accepted('voice', media('audio/webm', 1000));
    accepted('clip', media('video/mp4', 1000));
    accepted('doc', media('application/pdf', 1000, 'biên bản.pdf'));
    accepted('photo', media('image/png', MEDIA_LIMIT_BYTES.image));
  });

  it('refuses a file beyond its type limit with the sizes in the message', () => {
    refused('photo', media('image/png', MEDIA_LIMIT_BYTES.image + 1), /over the 3\.0 MB limit for image/);
    refused('doc', media('application/pdf', MEDIA_LIMIT_BYTES.file + 3), /over the 2\.0 MB limit/);
  });

  it('refuses the wrong kind, an empty file, a bad name, broken base64 and plain text', () => {
    refused('photo', media('audio/mpeg', 10), /not an image/);
    refused('voice', media('image/png', 10), /not audio/);
    refused('photo', media('image/png', 0), /empty/);
    refused('photo', encodeMediaValue({ name: '../x.png', mime: 'image/png', base64: 'AAAA' }), /File name/);
    refused('photo', 'data:image/png;name=a.png;base64,AAA', /attached image/);
    refused('photo', 'data:image/png;name=a.png;base64,AA!A', /attached image/);
    refused('doc', 'biên bản.pdf', /attached file/);
    refused('doc', ['a']);
  });

  it('the contract carries a media value up to the largest limit and plain text only up to 10,000 characters', () => {
    expect(AnswerValueSchema.safeParse(media('video/mp4', MEDIA_LIMIT_BYTES.video)).success).toBe(true);
    expect(AnswerValueSchema.safeParse('x'.repeat(10_001)).success).toBe(false);
    expect(AnswerValueSchema.safeParse(media('video/mp4', MEDIA_LIMIT_BYTES.video + 4096)).success).toBe(false);
  });
});

describe('barcode, range, hidden answers', () => {
  it('a barcode is one non-empty line of at most MAX_BARCODE_CHARS', () => {
    accepted('code', '8935049500018');
    accepted('code', 'https://example.vn/?id=12\t34');
    refused('code', '', /barcode/);
    refused('code', 'a\nb', /barcode/);
    refused('code', 'x'.repeat(MAX_BARCODE_CHARS + 1));
    refused('code', 8935049500018);
  });

  it('a range answer is a number on its step within start..end', () => {
    accepted('r', 0.75);
    refused('r', 0.3, /range/);
    refused('r', 1.25, /range/);
    refused('r', '0.5', /number/);
  });

  it('a hidden question is never entered', () => {
    refused('h', 'x', /computed by the form or read-only/);
  });
});
