// The supervisor's review panel through its accessible names and the keyboard: j/k and arrows
// move, Enter opens, a approves, r opens the comment box and sends back, Esc closes.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { interviewForm } from '../fixtures/forms/interviewForm';
import { fakeApi, reviewQueue, reviewRow, statusOf, SUPERVISOR, SURVEYOR, userDirectory } from './fake-api';
import { renderApp, useCleanPage } from './render-app';

useCleanPage();

const TOO_SHORT = { code: 'too_short' as const, vi: 'Quá ngắn: 90 giây, dưới 1/3 trung vị của khảo sát (15 phút)', en: "Too short: 90 s, under 1/3 of the survey's median (15 min)" };

function renderReview(rows = [reviewRow(1), reviewRow(2, { durationSeconds: 90, flags: [TOO_SHORT] }), reviewRow(3)]) {
  const queue = reviewQueue(rows, interviewForm('v1') as unknown as Record<string, unknown>);
  const api = fakeApi({ status: statusOf(false, SUPERVISOR), ...userDirectory(), ...queue });
  return { api, queue, ...renderApp(api) };
}

const grid = () => screen.getByRole('grid', { name: 'Duyệt phỏng vấn' });
const selectedSerial = () => within(grid()).getAllByRole('row').find((r) => r.getAttribute('aria-selected') === 'true')?.querySelector('td')?.textContent;

describe('review panel', () => {
  it('lists completed interviews with surveyor, unit, duration, outcome and flag badges', async () => {
    renderReview();
    await screen.findByRole('grid', { name: 'Duyệt phỏng vấn' });
    const rows = within(grid()).getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['Số phiếu', 'Điều tra viên', 'Đơn vị', 'Thời lượng', 'Kết quả', 'Cảnh báo']);
    expect(rows[2]).toEqual(['2', `${SURVEYOR.code} — ${SURVEYOR.name}`, 'Phường Sài Gòn', '1 phút 30 giây', 'Hoàn thành', 'Quá ngắn']);
    expect(rows[1]?.[5]).toBe('Không có');
    expect(screen.getByText('Quá ngắn').getAttribute('title')).toBe(TOO_SHORT.vi);
  });

  it('moves with j/k and the arrows, opens with Enter, closes with Esc, approves with a', async () => {
    const { api, user, queue } = renderReview();
    await screen.findByRole('grid', { name: 'Duyệt phỏng vấn' });
    grid().focus();
    expect(selectedSerial()).toBe('1');
    await user.keyboard('j');
    expect(selectedSerial()).toBe('2');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selectedSerial()).toBe('3');
    await user.keyboard('k{ArrowUp}');
    expect(selectedSerial()).toBe('1');
    await user.keyboard('j{Enter}');
    const detail = await screen.findByRole('region', { name: `Phiếu số 2 — ${SURVEYOR.name}` });
    expect(api.getReview).toHaveBeenCalledWith({ interviewId: reviewRow(2).interview.id });
    // Answers with the form's labels and choice labels, the paradata timeline, the flag sentence.
    await within(detail).findByText('ACC1 — Tiếp cận 1');
    expect(within(detail).getByText('4 (Mức 4)')).toBeTruthy();
    expect(within(detail).getByText(/9 \(Không biết\) — không biết/)).toBeTruthy();
    expect(within(detail).getByRole('list', { name: 'Nhật ký phỏng vấn' }).querySelectorAll('li')).toHaveLength(2);
    expect(within(detail).getByText(TOO_SHORT.vi)).toBeTruthy();
    expect(document.activeElement).toBe(detail);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /Phiếu số 2/ })).toBeNull();
    expect(document.activeElement).toBe(grid());
    await user.keyboard('a');
    await waitFor(() => expect(queue.rows[1]?.interview.status).toBe('approved'));
    expect(api.approveInterview).toHaveBeenCalledWith({ interviewId: reviewRow(2).interview.id });
    expect(await screen.findByText('Đã duyệt phiếu số 2.')).toBeTruthy();
    await waitFor(() => expect(within(grid()).getAllByRole('row')).toHaveLength(3));
  });

  it('r opens a comment box; an empty comment is refused without asking the core; the comment is sent and the row leaves the list', async () => {
    const { api, user, queue } = renderReview();
    await screen.findByRole('grid', { name: 'Duyệt phỏng vấn' });
    grid().focus();
    await user.keyboard('jj');
    await user.keyboard('r');
    const box = screen.getByRole('form', { name: 'Trả lại' });
    const comment = within(box).getByLabelText('Lý do trả lại (điều tra viên sẽ đọc)');
    expect(document.activeElement).toBe(comment);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(within(box).getByRole('alert').textContent).toBe('Hãy ghi lý do trả lại.');
    expect(api.rejectInterview).not.toHaveBeenCalled();
    // Typed letters (a, r, j, k) are text here, not commands.
    await user.type(comment, 'Câu ACC2 cần hỏi lại, không ghi "không biết" ngay');
    expect(api.approveInterview).not.toHaveBeenCalled();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(queue.rows[2]?.interview).toMatchObject({ status: 'rejected', comment: 'Câu ACC2 cần hỏi lại, không ghi "không biết" ngay' }));
    expect(await screen.findByText('Đã trả lại phiếu số 3 cho điều tra viên.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Trả lại' })).toBeNull();
    await waitFor(() => expect(within(grid()).getAllByRole('row').map((r) => r.querySelector('td')?.textContent)).toEqual([undefined, '1', '2']));
  });

  it('Esc closes the comment box without sending anything', async () => {
    const { api, user } = renderReview();
    await screen.findByRole('grid', { name: 'Duyệt phỏng vấn' });
    grid().focus();
    await user.keyboard('r');
    await user.type(screen.getByLabelText('Lý do trả lại (điều tra viên sẽ đọc)'), 'thử');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Trả lại' })).toBeNull();
    expect(api.rejectInterview).not.toHaveBeenCalled();
  });

  it('speaks English after the toggle, flags included', async () => {
    const { user } = renderReview();
    await screen.findByRole('grid', { name: 'Duyệt phỏng vấn' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    const g = screen.getByRole('grid', { name: 'Review interviews' });
    expect(within(g).getByText('Too short').getAttribute('title')).toBe(TOO_SHORT.en);
    expect(within(g).getAllByText('Sai Gon Ward')).toHaveLength(3);
  });
});
