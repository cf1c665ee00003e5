// The widgets of issue 11 on the questionnaire: typed and pasted coordinates, attached files,
// barcode, range (slider + number), rank by keyboard, acknowledge, hidden. Each saves through the
// in-memory backend, which runs main's answer check, so what is stored is what main accepts.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MEDIA_LIMIT_BYTES, parseMediaValue } from '../../shared/forms/media';
import { formOf } from '../shared/engine/runtime/formFixture';
import { useCleanPage } from './render-app';
import { renderInterview } from './render-interview';

useCleanPage();

const form = formOf(
  [
    { type: 'geopoint', name: 'pt', label: 'Vị trí hộ' },
    { type: 'geotrace', name: 'road', label: 'Đường đi' },
    { type: 'geoshape', name: 'plot', label: 'Thửa đất' },
    { type: 'image', name: 'photo', label: 'Ảnh biên nhận' },
    { type: 'file', name: 'doc', label: 'Tệp biên bản' },
    { type: 'barcode', name: 'code', label: 'Mã hồ sơ' },
    { type: 'range', name: 'score', label: 'Mức độ', parameters: 'start=0 end=10 step=2 placeholder=4 tick_labelset=ends' },
    { type: 'rank fruit', name: 'pref', label: 'Xếp hạng' },
    { type: 'acknowledge', name: 'ok', label: 'Đã đọc' },
    { type: 'hidden', name: 'secret', label: 'Ẩn' },
  ],
  [
    { list_name: 'fruit', name: 'a', label: 'Cam' },
    { list_name: 'fruit', name: 'b', label: 'Chuối' },
    { list_name: 'fruit', name: 'c', label: 'Xoài' },
    { list_name: 'ends', name: 0, label: 'Thấp' },
    { list_name: 'ends', name: 10, label: 'Cao' },
  ],
  { form_id: 'widgets', version: '1' },
);

type R = Awaited<ReturnType<typeof renderInterview>>;
const stored = (r: R) => Object.fromEntries(r.stored().map((a) => [a.path, a.value]));
const flush = (r: R) => act(async () => void (await r.handle.store.getState().flush()));
const goTo = (r: R, page: string) => act(async () => void (await r.handle.store.getState().goTo(page)));

describe('geo widgets', () => {
  it('a geopoint pasted as a map copies it ("lat, lon") is saved in ODK\'s format', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'pt');
    await r.user.type(screen.getByRole('textbox', { name: /Vị trí hộ/ }), '10.7769, 106.7009 5 12');
    await flush(r);
    expect(stored(r).pt).toBe('10.7769 106.7009 5 12');
  });

  it('an impossible latitude is named on leaving the box and never saved', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'pt');
    await r.user.type(screen.getByRole('textbox', { name: /Vị trí hộ/ }), '95 106');
    await r.user.tab();
    expect(screen.getByRole('alert').textContent).toBe('Vĩ độ phải từ -90 đến 90 (đang là 95).');
    await flush(r);
    expect(stored(r).pt).toBeUndefined();
  });

  it('a trace typed one point per line is saved with ; between points; a shape is closed by repeating its first point', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'road');
    await r.user.type(screen.getByRole('textbox', { name: /Đường đi/ }), '10.1 106.1{Enter}10.2 106.2 0 3');
    await goTo(r, 'plot');
    const shape = screen.getByRole('textbox', { name: /Thửa đất/ });
    await r.user.type(shape, '10 106; 10.1 106; 10.1 106.1');
    await flush(r);
    expect(stored(r)).toMatchObject({ road: '10.1 106.1;10.2 106.2 0 3', plot: '10 106;10.1 106;10.1 106.1;10 106' });
    expect(screen.getByText(/Đã nhận 4 điểm/)).toBeTruthy();
  });

  it('a trace of one point says it needs two, in English when the app is in English', async () => {
    const { languageStore } = await import('../../renderer/i18n');
    act(() => languageStore.getState().setLanguage('en'));
    const r = await renderInterview(form);
    await goTo(r, 'road');
    await r.user.type(screen.getByRole('textbox', { name: /Đường đi/ }), '10.1 106.1');
    await r.user.tab();
    expect(screen.getByRole('alert').textContent).toBe('A trace needs at least 2 points separated by ;.');
    act(() => languageStore.getState().setLanguage('vi'));
  });
});

describe('media widgets', () => {
  it('an attached photo is saved as the answer with its name and type, shown with a preview, and can be removed', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'photo');
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'biên nhận.png', { type: 'image/png' });
    await r.user.upload(screen.getByLabelText(/Ảnh biên nhận/), png);
    await screen.findByRole('img', { name: 'biên nhận.png' });
    await flush(r);
    const value = parseMediaValue(String(stored(r).photo));
    expect(value).toMatchObject({ name: 'biên nhận.png', mime: 'image/png', bytes: 7 });
    expect(Buffer.from(value?.base64 ?? '', 'base64')).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    await r.user.click(screen.getByRole('button', { name: 'Bỏ tệp' }));
    await flush(r);
    expect(stored(r).photo ?? null).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('a file beyond its type limit is refused at once with the limit, and nothing is saved', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'doc');
    expect(screen.getByText('Tối đa 2.0 MB.')).toBeTruthy();
    const big = new File([new Uint8Array(MEDIA_LIMIT_BYTES.file + 1)], 'scan.pdf', { type: 'application/pdf' });
    await r.user.upload(screen.getByLabelText(/Tệp biên bản/), big);
    expect((await screen.findByRole('alert')).textContent).toBe('Tệp "scan.pdf" nặng 2.0 MB, vượt giới hạn 2.0 MB.');
    await flush(r);
    expect(stored(r).doc).toBeUndefined();
  });

  it('a sound file given to an image question is refused by kind', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'photo');
    const mp3 = new File([new Uint8Array([1, 2, 3])], 'voice.mp3', { type: 'audio/mpeg' });
    fireEvent.change(screen.getByLabelText(/Ảnh biên nhận/), { target: { files: [mp3] } });
    expect((await screen.findByRole('alert')).textContent).toBe('Tệp "voice.mp3" là audio/mpeg, không phải ảnh (image/…).');
    await flush(r);
    expect(stored(r).photo).toBeUndefined();
  });
});

describe('barcode, range, rank, acknowledge, hidden', () => {
  it('a barcode is typed (or typed by a USB scanner) and saved as text', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'code');
    expect(screen.getByText(/máy quét mã vạch USB/)).toBeTruthy();
    await r.user.type(screen.getByRole('textbox', { name: /Mã hồ sơ/ }), '8935049500018');
    await flush(r);
    expect(stored(r).code).toBe('8935049500018');
  });

  it('range: the slider starts at the placeholder unanswered; arrows step by `step`, End goes to `end`; tick labels shown', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'score');
    const slider = screen.getByRole('slider', { name: /Mức độ — Thanh trượt/ }) as HTMLInputElement;
    expect(slider.value).toBe('4');
    expect((screen.getByRole('textbox', { name: /Mức độ/ }) as HTMLInputElement).placeholder).toBe('4');
    expect(screen.getByText('Thấp')).toBeTruthy();
    slider.focus();
    await r.user.keyboard('{ArrowRight}');
    await flush(r);
    expect(stored(r).score).toBe(4);
    await r.user.keyboard('{ArrowRight}{ArrowRight}');
    await flush(r);
    expect(stored(r).score).toBe(8);
    expect((screen.getByRole('textbox', { name: /Mức độ/ }) as HTMLInputElement).value).toBe('8');
    await r.user.keyboard('{End}');
    await flush(r);
    expect(stored(r).score).toBe(10);
  });

  it('range: a number off the step typed in the box shows the engine\'s message and is not saved', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'score');
    const box = screen.getByRole('textbox', { name: /Mức độ/ });
    await r.user.type(box, '3');
    expect(screen.getByRole('alert').textContent).toBe('Giá trị nằm ngoài khoảng cho phép.');
    await r.user.clear(box);
    await r.user.type(box, '6');
    await flush(r);
    expect(stored(r).score).toBe(6);
    expect((screen.getByRole('slider') as HTMLInputElement).value).toBe('6');
  });

  it('rank: arrows pick an item, Alt+arrow moves it, Space picks it up so arrows move it', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'pref');
    const items = () => within(screen.getByRole('listbox', { name: /Xếp hạng/ })).getAllByRole('option');
    expect(items().map((o) => o.getAttribute('aria-label'))).toEqual(['Vị trí 1: Cam', 'Vị trí 2: Chuối', 'Vị trí 3: Xoài']);
    items()[0]?.focus();
    await r.user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Vị trí 3: Xoài');
    await r.user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await flush(r);
    expect(stored(r).pref).toEqual(['a', 'c', 'b']);
    await act(async () => undefined);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Vị trí 2: Xoài');
    await r.user.keyboard(' {ArrowUp} ');
    await flush(r);
    expect(stored(r).pref).toEqual(['c', 'a', 'b']);
    expect(items().map((o) => o.textContent?.replace(/[↑↓]/g, ''))).toEqual(['1Xoài', '2Cam', '3Chuối']);
  });

  it('rank: "Keep this order" records the order as shown', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'pref');
    await r.user.click(screen.getByRole('button', { name: 'Giữ thứ tự này' }));
    await flush(r);
    expect(stored(r).pref).toEqual(['a', 'b', 'c']);
    expect(screen.queryByRole('button', { name: 'Giữ thứ tự này' })).toBeNull();
  });

  it('acknowledge is an OK checkbox saved as true; a hidden question has no page', async () => {
    const r = await renderInterview(form);
    await goTo(r, 'ok');
    await r.user.click(screen.getByRole('checkbox', { name: 'Đã đọc Xác nhận' }));
    await flush(r);
    expect(stored(r).ok).toBe(true);
    expect(r.handle.screens.model().pages.some((p) => p.paths.includes('secret'))).toBe(false);
  });
});

describe('select_one_from_file / select_multiple_from_file', () => {
  it('offers the rows of the CSV shipped with the form as radios / checkboxes, picked by digit, and saves their codes', async () => {
    const { compileForm } = await import('../../shared/forms');
    const csv = 'name,label\n1,Phường Bến Thành\n2,Phường Sài Gòn\n3,Xã Bình Chánh\n';
    const compiled = compileForm(
      {
        fileName: 'f.xlsx',
        sheets: {
          survey: { rows: [['type', 'name', 'label'], ['select_one_from_file units.csv', 'unit', 'Đơn vị'], ['select_multiple_from_file units.csv', 'seen', 'Đã đến']] },
          settings: { rows: [['form_id', 'version'], ['ff', '1']] },
        },
      },
      { attachment: (file) => (file === 'units.csv' ? csv : null) },
    );
    if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.messageEn).join('; '));
    const r = await renderInterview(compiled.form);
    await goTo(r, 'unit');
    const group = screen.getByRole('radiogroup', { name: /Đơn vị/ });
    expect(within(group).getAllByRole('radio').map((x) => x.getAttribute('value'))).toEqual(['1', '2', '3']);
    within(group).getAllByRole('radio')[0]?.focus();
    await r.user.keyboard('3');
    await goTo(r, 'seen');
    const boxes = within(screen.getByRole('group', { name: /Đã đến/ }));
    await r.user.click(boxes.getByRole('checkbox', { name: /Sài Gòn/ }));
    await r.user.click(boxes.getByRole('checkbox', { name: /Bến Thành/ }));
    await flush(r);
    expect(stored(r)).toMatchObject({ unit: '3', seen: ['1', '2'] });
  });

  it('offers the items of an XML file and the features of a GeoJSON file the same way', async () => {
    const { compileForm } = await import('../../shared/forms');
    const files: Record<string, string> = {
      'cities.xml': '<root><item><name>hcm</name><label>TP. Hồ Chí Minh</label></item><item><name>hn</name><label>Hà Nội</label></item></root>',
      'places.geojson': JSON.stringify({ type: 'FeatureCollection', features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [106.698, 10.7725] }, properties: { id: 'cho', title: 'Chợ Bến Thành' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [106.7, 10.77] }, properties: { id: 'duong', title: 'Đường Lê Lợi' } },
      ] }),
    };
    const compiled = compileForm(
      {
        fileName: 'f.xlsx',
        sheets: {
          survey: { rows: [['type', 'name', 'label'], ['select_one_from_file cities.xml', 'city', 'Thành phố'], ['select_multiple_from_file places.geojson', 'seen', 'Đã đến']] },
          settings: { rows: [['form_id', 'version'], ['ff', '1']] },
        },
      },
      { attachment: (file) => files[file] ?? null },
    );
    if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.messageEn).join('; '));
    const r = await renderInterview(compiled.form);
    await goTo(r, 'city');
    const group = screen.getByRole('radiogroup', { name: /Thành phố/ });
    expect(within(group).getAllByRole('radio').map((x) => x.getAttribute('value'))).toEqual(['hcm', 'hn']);
    await r.user.click(within(group).getByRole('radio', { name: /Hà Nội/ }));
    await goTo(r, 'seen');
    const boxes = within(screen.getByRole('group', { name: /Đã đến/ }));
    await r.user.click(boxes.getByRole('checkbox', { name: /Đường Lê Lợi/ }));
    await flush(r);
    expect(stored(r)).toMatchObject({ city: 'hn', seen: ['duong'] });
  });
});
