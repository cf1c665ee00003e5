// The review detail reads an attachment as its name, type and size, never as its bytes.
import { describe, expect, it } from 'vitest';
import { answerText, questionsByName } from '../../renderer/features/review/labels';
import { encodeMediaValue } from '../../shared/forms/media';
import { formOf } from '../shared/engine/runtime/formFixture';

describe('answerText for the issue-11 types', () => {
  it('an image answer is shown as "name (mime, size)"; a geopoint as its coordinates', () => {
    const form = formOf([{ type: 'image', name: 'photo', label: 'Ảnh' }, { type: 'geopoint', name: 'pt', label: 'Điểm' }]);
    const qs = questionsByName(form);
    const value = encodeMediaValue({ name: 'a.jpg', mime: 'image/jpeg', base64: Buffer.alloc(3 * 1024 * 1024).toString('base64') });
    const at = '2026-01-01T00:00:00.000Z';
    expect(answerText({ path: 'photo', value, missing: null, savedAt: at }, form, qs, 'vi')).toBe('a.jpg (image/jpeg, 3.0 MB)');
    expect(answerText({ path: 'pt', value: '10.7 106.7', missing: null, savedAt: at }, form, qs, 'vi')).toBe('10.7 106.7');
  });
});
