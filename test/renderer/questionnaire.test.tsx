import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { languageStore } from '../../renderer/i18n';
import { useCleanPage } from './render-app';
import { renderInterview } from './render-interview';

useCleanPage();

const stored = (r: Awaited<ReturnType<typeof renderInterview>>) => Object.fromEntries(r.stored().map((a) => [a.path, a.value]));

async function goTo(r: Awaited<ReturnType<typeof renderInterview>>, pageId: string) {
  await act(async () => void (await r.handle.store.getState().goTo(pageId)));
}

describe('questionnaire screen', () => {
  it('shows a note, then a single choice picked by its digit; Enter goes on only once the answer is saved', async () => {
    const r = await renderInterview();
    expect(screen.getByText('Xin chào Ông/Bà', { selector: '.q-label' })).toBeTruthy();
    expect(document.querySelector('.progress')?.textContent).toBe('Xin chào Ông/Bà · Trang 1/11');
    await r.user.keyboard('{Enter}');
    const group = await screen.findByRole('radiogroup', { name: /Ông\/Bà đã dùng dịch vụ chưa\?/ });
    expect(document.activeElement && group.contains(document.activeElement)).toBe(true);
    await r.user.keyboard('1');
    expect((within(group).getByRole('radio', { name: /Có/ }) as HTMLInputElement).checked).toBe(true);
    await r.user.keyboard('{Enter}');
    await screen.findByRole('table');
    expect(stored(r)).toEqual({ used: '1' });
    expect(document.querySelector('.progress')?.textContent).toBe('Đánh giá dịch vụ · Trang 3/12');
  });

  it('a satisfaction battery is a grid: the 5 points and N/A, DK as columns; a digit answers a row and focus moves to the next', async () => {
    const r = await renderInterview();
    act(() => r.handle.store.getState().answer('used', '1'));
    await goTo(r, 'ACC1');
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Nội dung', '1Rất không hài lòng', '2Không hài lòng', '3Bình thường', '4Hài lòng', '5Rất hài lòng', '8Không áp dụng', '9Không biết']);
    const rows = within(table).getAllByRole('radiogroup');
    expect(rows.map((row) => row.getAttribute('aria-labelledby'))).toHaveLength(3);
    within(rows[0] as HTMLElement).getAllByRole('radio')[0]?.focus();
    await r.user.keyboard('4');
    expect(rows[1]?.contains(document.activeElement)).toBe(true);
    await r.user.keyboard('5');
    expect(rows[2]?.contains(document.activeElement)).toBe(true);
    await r.user.keyboard('9');
    await act(async () => void (await r.handle.store.getState().flush()));
    expect(stored(r)).toEqual({ used: '1', ACC1: '4', ACC2: '5', ACC3: '9' });
    expect(r.stored().find((a) => a.path === 'ACC3')?.missing).toBe('dont_know');
  });

  it('a required question left empty stops Enter and shows the engine\'s message inline; Alt+← goes back', async () => {
    const r = await renderInterview();
    await goTo(r, 'used');
    await r.user.keyboard('{Enter}');
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toContain('Câu hỏi này bắt buộc phải trả lời.');
    expect(r.handle.store.getState().pageId).toBe('used');
    await r.user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await waitFor(() => expect(r.handle.store.getState().pageId).toBe('intro'));
  });

  it('an integer breaking its constraint shows the form\'s message at once; a fixed value is saved as a number', async () => {
    const r = await renderInterview();
    await goTo(r, 'age');
    const input = screen.getByRole('textbox', { name: /Tuổi/ });
    expect(screen.getByText('Tuổi tròn')).toBeTruthy();
    await r.user.type(input, '12');
    expect(screen.getByRole('alert').textContent).toBe('Từ 18 tuổi trở lên');
    await r.user.clear(input);
    await r.user.type(input, '45');
    expect(screen.queryByRole('alert')).toBeNull();
    await act(async () => void (await r.handle.store.getState().flush()));
    expect(stored(r).age).toBe(45);
  });

  it('text, decimal, date (dd/mm/yyyy), time and datetime are typed as read and saved in the form\'s format', async () => {
    const r = await renderInterview();
    const fill = async (page: string, name: RegExp, text: string) => {
      await goTo(r, page);
      await r.user.type(screen.getByRole('textbox', { name }), text);
    };
    await fill('fee', /Lệ phí/, '12,5');
    await fill('comment', /Ý kiến/, 'Tốt');
    await fill('visit', /Ngày đến/, '31/02/2025');
    await r.user.tab();
    expect(screen.getByRole('alert').textContent).toBe('Ngày cần có dạng dd/mm/yyyy và là ngày có thật.');
    await r.user.clear(screen.getByRole('textbox', { name: /Ngày đến/ }));
    await r.user.type(screen.getByRole('textbox', { name: /Ngày đến/ }), '01/07/2025');
    await fill('arrive', /Giờ đến/, '8:05');
    await fill('done', /Lúc xong/, '01/07/2025 09:30');
    await act(async () => void (await r.handle.store.getState().flush()));
    expect(stored(r)).toMatchObject({ fee: 12.5, comment: 'Tốt', visit: '2025-07-01', arrive: '08:05', done: '2025-07-01T09:30' });
  });

  it('select_multiple toggles by digit-free clicks and keys; acknowledge is a checkbox; repeats add and remove entries', async () => {
    const r = await renderInterview();
    await goTo(r, 'channels');
    const group = screen.getByRole('group', { name: /Kênh thông tin/ });
    await r.user.click(within(group).getByRole('checkbox', { name: /Trang web/ }));
    await r.user.click(within(group).getByRole('checkbox', { name: /Tivi/ }));
    await goTo(r, 'ack');
    await r.user.click(screen.getByRole('checkbox', { name: /Xác nhận/ }));
    await goTo(r, 'repeat:roster');
    await r.user.click(screen.getByRole('button', { name: /Thêm/ }));
    await r.user.click(screen.getByRole('button', { name: /Thêm/ }));
    expect(screen.getByText('2 lần')).toBeTruthy();
    await goTo(r, 'roster[2]/pname');
    await r.user.type(screen.getByRole('textbox', { name: 'Tên' }), 'Lan');
    await goTo(r, 'repeat:roster');
    await r.user.click(screen.getByRole('button', { name: 'Xóa lần 1' }));
    await act(async () => void (await r.handle.store.getState().flush()));
    expect(stored(r)).toEqual({ channels: ['tv', 'web'], ack: true, 'roster[1]/pname': 'Lan' });
  });

  it('F1 opens the list of keys, Esc closes it', async () => {
    const r = await renderInterview();
    await r.user.keyboard('{F1}');
    const dialog = screen.getByRole('dialog', { name: 'Phím tắt' });
    expect(within(dialog).getByText('Alt + ← · PageUp')).toBeTruthy();
    expect(within(dialog).getByText(/Trong danh sách dài \(đơn vị, cơ quan…\): gõ tên/)).toBeTruthy();
    await r.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('the language toggle switches the UI and the form\'s labels to English', async () => {
    await renderInterview();
    act(() => languageStore.getState().setLanguage('en'));
    expect(screen.getByText('Hello', { selector: '.q-label' })).toBeTruthy();
    expect(document.querySelector('.progress')?.textContent).toBe('Hello · Page 1 of 11');
    expect(screen.getByRole('button', { name: 'Next →' })).toBeTruthy();
  });

  it('the review lists what is missing, each linking to its question; complete shows the refusal, then locks', async () => {
    const r = await renderInterview();
    act(() => r.handle.store.getState().answer('used', '1'));
    act(() => r.handle.store.getState().answerMissing('ACC1', '9'));
    await act(async () => void (await r.handle.store.getState().openReview()));
    const list = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(list.some((x) => x?.startsWith('Không biết Thông tin dễ hiểu'))).toBe(true);
    expect(list.some((x) => x?.startsWith('Chưa trả lời Tuổi'))).toBe(true);
    await r.user.click(screen.getByRole('button', { name: 'Tuổi' }));
    await waitFor(() => expect(r.handle.store.getState().pageId).toBe('age'));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Tuổi/ }));
    await act(async () => void (await r.handle.store.getState().openReview()));
    await r.user.click(screen.getByRole('button', { name: 'Hoàn thành phiếu' }));
    expect(await screen.findByText('Phiếu chưa thể hoàn thành:')).toBeTruthy();
    act(() => r.handle.store.getState().answer('used', '2'));
    act(() => r.handle.store.getState().answer('age', 40));
    await r.user.click(screen.getByRole('button', { name: 'Hoàn thành phiếu' }));
    expect(await screen.findByText(/Phiếu đã hoàn thành và được khóa/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hoàn thành phiếu' })).toBeNull();
    expect(r.backend.interviews.get(r.id)?.summary.status).toBe('completed');
  });
});
