import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formOf } from '../shared/engine/runtime/formFixture';
import { useCleanPage } from './render-app';
import { renderInterview } from './render-interview';

useCleanPage();

const form = formOf(
  [{ type: 'select_one field or_other', name: 'field', label: 'Lĩnh vực', required: 'yes' }],
  [{ list_name: 'field', name: 11, label: 'Đất đai' }, { list_name: 'field', name: 12, label: 'Hộ tịch' }],
);

describe('or_other on the questionnaire', () => {
  it('choosing Other shows the "other (specify)" text, which is saved like any answer', async () => {
    const r = await renderInterview(form);
    const group = screen.getByRole('radiogroup', { name: /Lĩnh vực/ });
    expect(screen.queryByRole('textbox')).toBeNull();
    await r.user.click(within(group).getByRole('radio', { name: /Khác/ }));
    await r.user.type(screen.getByRole('textbox', { name: /Khác \(ghi rõ\)/ }), 'Tư pháp');
    await act(async () => void (await r.handle.store.getState().flush()));
    expect(Object.fromEntries(r.stored().map((a) => [a.path, a.value]))).toEqual({ field: 'other', field_other: 'Tư pháp' });
  });
});
