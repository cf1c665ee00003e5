// The dd/mm/yyyy date field: typed with the keyboard (digits move on, `/` put in, a lone digit
// padded), read back as ISO, impossible dates refused with a Vietnamese message saying why, the
// value kept ISO in and out, and a value set from outside shown in the Vietnamese order.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DateField } from '../../renderer/components/DateField';
import { isoToDateText, readDateText, shapeDateText } from '../../renderer/components/dateText';
import { languageStore } from '../../renderer/i18n';
import { useCleanPage } from './render-app';

useCleanPage();

/** Types `keys` one at a time at the end, as the field sees them. */
const typeIn = (keys: string, start = '') => [...keys].reduce((text, k) => shapeDateText(text, text + k), start);

describe('shaping and reading dd/mm/yyyy', () => {
  it('moves on after two digits, puts the slashes in, stops the year at four digits', () => {
    expect(typeIn('1')).toBe('1');
    expect(typeIn('12')).toBe('12/');
    expect(typeIn('1203')).toBe('12/03/');
    expect(typeIn('120320261')).toBe('12/03/2026');
    // Typing the slashes oneself gives the same text, not doubled slashes.
    expect(typeIn('12/03/2026')).toBe('12/03/2026');
  });

  it('pads a lone day or month closed by a separator, and a first digit that can only be a whole part', () => {
    expect(typeIn('5/')).toBe('05/');
    expect(typeIn('5/3/2026')).toBe('05/03/2026');
    expect(typeIn('5.3.2026')).toBe('05/03/2026');
    expect(typeIn('4')).toBe('04/');
    expect(typeIn('123')).toBe('12/03/');
    expect(typeIn('//')).toBe('');
  });

  it('leaves deleting and edits in the middle as typed, and turns a pasted ISO date round', () => {
    expect(shapeDateText('12/', '12')).toBe('12');
    expect(shapeDateText('12/03/2026', '1203/2026', false)).toBe('1203/2026');
    expect(shapeDateText('', '2026-11-10')).toBe('10/11/2026');
    expect(isoToDateText('2026-11-10')).toBe('10/11/2026');
    expect(isoToDateText('')).toBe('');
  });

  it('reads a real date as ISO and says why an impossible one is not', () => {
    expect(readDateText('')).toEqual({ kind: 'empty' });
    expect(readDateText('29/02/2028')).toEqual({ kind: 'date', iso: '2028-02-29' });
    expect(readDateText('5/3/2026')).toEqual({ kind: 'date', iso: '2026-03-05' });
    expect(readDateText('31/02/2026')).toEqual({ kind: 'badDay', days: 28, month: '02', year: '2026' });
    expect(readDateText('29/02/2026')).toEqual({ kind: 'badDay', days: 28, month: '02', year: '2026' });
    expect(readDateText('31/04/2026')).toEqual({ kind: 'badDay', days: 30, month: '04', year: '2026' });
    expect(readDateText('00/01/2026')).toEqual({ kind: 'badDay', days: 31, month: '01', year: '2026' });
    expect(readDateText('12/13/2026')).toEqual({ kind: 'badMonth', month: '13' });
    expect(readDateText('12/03/0026')).toEqual({ kind: 'badYear', year: '0026' });
    expect(readDateText('12/03/')).toEqual({ kind: 'incomplete' });
  });
});

function Harness({ initial = '', onChange }: { initial?: string; onChange: (v: string | null) => void }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <DateField
        label="Từ ngày"
        value={value}
        onChange={(v) => {
          setValue(v);
          onChange(v);
        }}
      />
      <button type="button" onClick={() => setValue('')}>
        Xóa
      </button>
      <button type="button" onClick={() => setValue('2026-12-24')}>
        Đặt
      </button>
    </>
  );
}

describe('DateField', () => {
  it('is typed as dd/mm/yyyy and gives ISO', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'Từ ngày' }) as HTMLInputElement;
    expect(input.placeholder).toBe('dd/mm/yyyy');
    await user.type(input, '10112026');
    expect(input.value).toBe('10/11/2026');
    expect(onChange).toHaveBeenLastCalledWith('2026-11-10');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses 31/02/2026 with a Vietnamese message as soon as the year is typed, and gives null', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'Từ ngày' });
    await user.type(input, '31022026');
    expect(onChange).toHaveBeenLastCalledWith(null);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Ngày 31/02/2026 không có thật: tháng 02/2026 có 28 ngày.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    // Correcting the day clears it.
    await user.clear(input);
    await user.type(input, '28022026');
    expect(onChange).toHaveBeenLastCalledWith('2026-02-28');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says an unfinished date is unfinished only once the field is left', async () => {
    const user = userEvent.setup();
    render(<Harness onChange={() => undefined} />);
    const input = screen.getByRole('textbox', { name: 'Từ ngày' });
    await user.type(input, '1203');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.tab();
    expect(screen.getByRole('alert').textContent).toBe('Ngày "12/03/" chưa đủ: cần gõ theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/11/2026.');
  });

  it('a month 13 is named; English when the reader chose English', async () => {
    const user = userEvent.setup();
    act(() => languageStore.getState().setLanguage('en'));
    render(<Harness onChange={() => undefined} />);
    await user.type(screen.getByRole('textbox', { name: 'Từ ngày' }), '12132026');
    expect(screen.getByRole('alert').textContent).toBe('There is no date 12/13/2026: there is no month 13 (months are 01 to 12).');
  });

  it('shows a value set from outside in the Vietnamese order, and clears with it', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2026-11-05" onChange={() => undefined} />);
    const input = screen.getByRole('textbox', { name: 'Từ ngày' }) as HTMLInputElement;
    expect(input.value).toBe('05/11/2026');
    await user.click(screen.getByRole('button', { name: 'Đặt' }));
    expect(input.value).toBe('24/12/2026');
    // A half-typed date is cleared by the form too.
    await user.clear(input);
    await user.type(input, '3102');
    await user.click(screen.getByRole('button', { name: 'Xóa' }));
    expect(input.value).toBe('');
  });
});
