// What one answering key costs the screen: a digit on a 20-row satisfaction grid re-renders its
// row (and the save indicator, the busy next button), not the page; Enter moves to the next page
// inside the key's event when every answer is saved. The render counter must load before react-dom.
import { rendersDuring } from './render-count';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formOf, SAT5 } from '../shared/engine/runtime/formFixture';
import { useCleanPage } from './render-app';
import { renderInterview } from './render-interview';

useCleanPage();

const ROWS = 20;
const gridForm = formOf(
  [
    { type: 'begin group', name: 'G_SAT', label: 'Đánh giá dịch vụ', appearance: 'field-list' },
    ...Array.from({ length: ROWS }, (_, k) => ({ type: 'select_one sat5', name: `S${k + 1}`, appearance: 'likert', label: `Nội dung ${k + 1}`, required: 'yes' })),
    { type: 'end group' },
    { type: 'begin group', name: 'G_END', label: 'Kết thúc', appearance: 'field-list' },
    { type: 'text', name: 'note_end', label: 'Ghi chú' },
    { type: 'end group' },
  ],
  SAT5,
  { form_id: 'grid20', version: '1', missing_codes: '8=not_applicable 9=dont_know' },
);

describe('per-key work of the questionnaire', { timeout: 30_000 }, () => {
  it('a digit on a 20-row grid re-renders the answered row, not the page or the other rows', async () => {
    const r = await renderInterview(gridForm);
    const rows = within(screen.getByRole('table')).getAllByRole('radiogroup');
    expect(rows).toHaveLength(ROWS);
    const first = within(rows[4] as HTMLElement).getAllByRole('radio')[0] as HTMLInputElement;
    first.focus();
    const names = rendersDuring(() => fireEvent.keyDown(first, { key: '4' }));
    // The answer is on screen when the key's event is over, and focus went on to the next row.
    expect((within(rows[4] as HTMLElement).getByRole('radio', { name: /^4 / }) as HTMLInputElement).checked).toBe(true);
    expect(rows[5]?.contains(document.activeElement)).toBe(true);
    expect(names.filter((n) => n === 'GridRow')).toEqual(['GridRow']);
    expect(names).not.toContain('QuestionnaireScreen');
    expect(names).not.toContain('PageView');
    expect(names).not.toContain('Grid');
    // The row, the save indicator and the busy next button: nothing else follows an answer.
    expect([...names].sort()).toEqual(['GridRow', 'NavButtons', 'SaveIndicator']);
    await act(async () => void (await r.handle.store.getState().flush()));
    expect(r.stored().map((a) => [a.path, a.value])).toEqual([['S5', '4']]);
  });

  it('Enter moves to the next page within its key event when every answer is saved', async () => {
    const r = await renderInterview(gridForm);
    act(() => {
      for (let k = 1; k <= ROWS; k++) r.handle.store.getState().answer(`S${k}`, '3');
    });
    await act(async () => void (await r.handle.store.getState().flush()));
    const radio = within(screen.getByRole('table')).getAllByRole('radio')[0] as HTMLInputElement;
    // fireEvent runs inside act, which renders what the event scheduled before it returns; a
    // promise or timer hop between the key and the move would land after this line.
    fireEvent.keyDown(radio, { key: 'Enter' });
    expect(screen.getByRole('heading', { name: 'Kết thúc' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Ghi chú'));
  });

  it('Enter waits for a save still pending, then moves (durability before the next page)', async () => {
    const r = await renderInterview(gridForm);
    act(() => {
      for (let k = 1; k < ROWS; k++) r.handle.store.getState().answer(`S${k}`, '3');
    });
    await act(async () => void (await r.handle.store.getState().flush()));
    let release: () => void = () => undefined;
    r.backend.control.holdSaves = new Promise<void>((res) => (release = res));
    const rows = within(screen.getByRole('table')).getAllByRole('radiogroup');
    const last = within(rows[ROWS - 1] as HTMLElement).getAllByRole('radio')[0] as HTMLInputElement;
    last.focus();
    fireEvent.keyDown(last, { key: '5' });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Enter' });
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Kết thúc' })).toBeNull();
    await act(async () => {
      release();
      r.backend.control.holdSaves = null;
    });
    expect(await screen.findByRole('heading', { name: 'Kết thúc' })).toBeTruthy();
    expect(r.stored().find((a) => a.path === `S${ROWS}`)?.value).toBe('5');
  });
});
