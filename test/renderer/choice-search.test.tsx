// The searchable long list of the questionnaire (a WAI-ARIA combobox): filter with or without
// diacritics, tell "Xã Thanh An" from "Xã Thạnh An" by the former place in the label, choose by
// keyboard, the code is what is saved, missing codes stay reachable, Esc clears, Enter goes on only
// once the list is closed; English labels after the toggle; typing re-renders the list alone.
import { rendersDuring } from './render-count';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_SHOWN } from '../../renderer/features/interview/ChoiceSearch';
import { languageStore } from '../../renderer/i18n';
import { formOf } from '../shared/engine/runtime/formFixture';
import { useCleanPage } from './render-app';
import { renderInterview } from './render-interview';

useCleanPage();

const VI = 'label::Tiếng Việt (vi)';
const EN = 'label::English (en)';
/** The four named units, 164 more like the real frame (168), then the don't-know code. */
const units = [
  { list_name: 'units', name: '26734', [VI]: 'Phường Bến Thành (TP. Hồ Chí Minh cũ: Quận 1)', [EN]: 'Ben Thanh Ward (former TP. Hồ Chí Minh: Quận 1)' },
  { list_name: 'units', name: '25987', [VI]: 'Xã Thạnh An (TP. Hồ Chí Minh cũ: Huyện Cần Giờ)', [EN]: 'Thanh An Commune (former TP. Hồ Chí Minh: Huyện Cần Giờ)' },
  { list_name: 'units', name: '25800', [VI]: 'Xã Thanh An (Bình Dương cũ: Huyện Dầu Tiếng)', [EN]: 'Thanh An Commune (former Bình Dương: Huyện Dầu Tiếng)' },
  { list_name: 'units', name: '27004', [VI]: 'Phường Sài Gòn (TP. Hồ Chí Minh cũ: Quận 1)', [EN]: 'Sai Gon Ward (former TP. Hồ Chí Minh: Quận 1)' },
  ...Array.from({ length: 164 }, (_, k) => ({ list_name: 'units', name: String(30000 + k), [VI]: `Phường Số ${k + 1} (Đồng Nai cũ: Huyện Mẫu)`, [EN]: `Ward No. ${k + 1} (former Đồng Nai: Huyện Mẫu)` })),
  { list_name: 'units', name: '9', [VI]: 'Không biết', [EN]: "Don't know" },
];
const form = formOf(
  [
    { type: 'select_one units', name: 'unit', [VI]: 'Phường/xã/đặc khu', [EN]: 'Ward/commune', appearance: 'autocomplete', required: 'yes' },
    { type: 'text', name: 'after', [VI]: 'Câu sau', [EN]: 'Next question' },
  ],
  units,
  { form_id: 'combo', version: '1', default_language: 'Tiếng Việt (vi)', missing_codes: '8=not_applicable 9=dont_know' },
);

const box = () => screen.getByRole('combobox', { name: /Phường\/xã\/đặc khu|Ward\/commune/ }) as HTMLInputElement;
const optionNames = () => within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option').map((o) => o.textContent);
const saved = async (r: Awaited<ReturnType<typeof renderInterview>>) => {
  await act(async () => void (await r.handle.store.getState().flush()));
  return r.stored().find((a) => a.path === 'unit') ?? null;
};

describe('searchable long list (combobox)', () => {
  it('is a combobox with a listbox; "ben thanh" without diacritics finds Bến Thành, the missing code stays listed', async () => {
    const r = await renderInterview(form);
    const input = box();
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await r.user.keyboard('ben thanh');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    expect(optionNames()).toEqual(['26734 Phường Bến Thành (TP. Hồ Chí Minh cũ: Quận 1)', '9 Không biết']);
    // The first match is active (aria-activedescendant), so Enter takes it.
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]?.id);
    expect(screen.getByRole('status').textContent).toBe('1 kết quả');
  });

  it('"thanh an" finds both communes, told apart by their former place, in Vietnamese order; "Thạnh An" only one', async () => {
    const r = await renderInterview(form);
    await r.user.keyboard('thanh an');
    expect(optionNames()).toEqual(['25800 Xã Thanh An (Bình Dương cũ: Huyện Dầu Tiếng)', '25987 Xã Thạnh An (TP. Hồ Chí Minh cũ: Huyện Cần Giờ)', '9 Không biết']);
    await r.user.clear(box());
    await r.user.keyboard('Thạnh An');
    expect(optionNames()).toEqual(['25987 Xã Thạnh An (TP. Hồ Chí Minh cũ: Huyện Cần Giờ)', '9 Không biết']);
    await r.user.clear(box());
    await r.user.keyboard('dau tieng');
    expect(optionNames()).toEqual(['25800 Xã Thanh An (Bình Dương cũ: Huyện Dầu Tiếng)', '9 Không biết']);
  });

  it('↓ and Enter choose; the code is saved and the field shows the chosen label; Enter then goes on', async () => {
    const r = await renderInterview(form);
    await r.user.keyboard('thanh an{ArrowDown}{Enter}');
    expect(box().value).toBe('25987 · Xã Thạnh An (TP. Hồ Chí Minh cũ: Huyện Cần Giờ)');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    // Enter chose: still on the same page.
    expect(screen.queryByLabelText('Câu sau')).toBeNull();
    expect(await saved(r)).toMatchObject({ path: 'unit', value: '25987' });
    await r.user.keyboard('{Enter}');
    expect(await screen.findByLabelText('Câu sau')).toBeTruthy();
  });

  it('a code typed in full is taken by Enter; ↓ opens on the chosen option and wraps past the last', async () => {
    const r = await renderInterview(form);
    await r.user.keyboard('27004{Enter}');
    expect((await saved(r))?.value).toBe('27004');
    await r.user.keyboard('{ArrowDown}');
    // Opening on a chosen answer makes it the active option.
    expect(screen.getByRole('option', { name: /Phường Sài Gòn/ }).getAttribute('aria-selected')).toBe('true');
    expect(box().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: /Phường Sài Gòn/ }).id);
    await r.user.keyboard('{Escape}');
    await r.user.keyboard('9');
    expect(box().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: /Không biết/ }).id);
    await r.user.clear(box());
    await r.user.keyboard('{ArrowUp}');
    expect(box().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: /Không biết/ }).id);
    await r.user.keyboard('{ArrowDown}');
    expect(box().getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: /Bến Thành/ }).id);
  });

  it("the don't-know code is reachable by typing it or its label, and is saved with its missing kind; Esc clears", async () => {
    const r = await renderInterview(form);
    await r.user.keyboard('khong biet{Enter}');
    const dk = await saved(r);
    expect([dk?.value, dk?.missing]).toEqual(['9', 'dont_know']);
    expect(box().value).toBe('9 · Không biết');
    // Esc with the list closed clears the answer (the saved row is cleared too).
    await r.user.keyboard('{Escape}');
    expect(box().value).toBe('');
    expect(await saved(r)).toBeNull();
    await r.user.keyboard('9{Enter}');
    expect((await saved(r))?.missing).toBe('dont_know');
    // Esc while typing only drops what was typed; the answer stays.
    await r.user.keyboard('ben{Escape}');
    expect(box().value).toBe('9 · Không biết');
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('a long list renders at most MAX_SHOWN options and says how many more; a key re-renders the list alone', async () => {
    const r = await renderInterview(form);
    await r.user.keyboard('p');
    expect(screen.getAllByRole('option')).toHaveLength(MAX_SHOWN + 1);
    expect(screen.getByRole('status').textContent).toBe(`166 kết quả · Còn ${166 - MAX_SHOWN} mục nữa — gõ thêm để thu hẹp`);
    const names = rendersDuring(() => fireEvent.change(box(), { target: { value: 'phuong so 12' } }));
    expect(names).toEqual(['ChoiceSearch']);
    expect(optionNames()).toEqual(['30011 Phường Số 12 (Đồng Nai cũ: Huyện Mẫu)', '30119 Phường Số 120 (Đồng Nai cũ: Huyện Mẫu)', '30120 Phường Số 121 (Đồng Nai cũ: Huyện Mẫu)', '30121 Phường Số 122 (Đồng Nai cũ: Huyện Mẫu)', '30122 Phường Số 123 (Đồng Nai cũ: Huyện Mẫu)', '30123 Phường Số 124 (Đồng Nai cũ: Huyện Mẫu)', '30124 Phường Số 125 (Đồng Nai cũ: Huyện Mẫu)', '30125 Phường Số 126 (Đồng Nai cũ: Huyện Mẫu)', '30126 Phường Số 127 (Đồng Nai cũ: Huyện Mẫu)', '30127 Phường Số 128 (Đồng Nai cũ: Huyện Mẫu)', '30128 Phường Số 129 (Đồng Nai cũ: Huyện Mẫu)', '9 Không biết']);
    // Nothing typed is an answer: nothing was saved.
    expect(await saved(r)).toBeNull();
  });

  it('speaks English after the toggle: labels, placeholder and status; English words find the choice', async () => {
    const r = await renderInterview(form);
    act(() => languageStore.getState().setLanguage('en'));
    expect(box().placeholder).toBe('Type a name or code to search');
    await r.user.click(box());
    await r.user.keyboard('sai gon ward');
    expect(optionNames()).toEqual(['27004 Sai Gon Ward (former TP. Hồ Chí Minh: Quận 1)', "9 Don't know"]);
    expect(screen.getByRole('status').textContent).toBe('1 results');
    await r.user.keyboard('{Enter}');
    expect(box().value).toBe('27004 · Sai Gon Ward (former TP. Hồ Chí Minh: Quận 1)');
  });
});
