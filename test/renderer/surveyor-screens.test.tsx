import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clearFormCache } from '../../renderer/features/interview/formCache';
import { fakeApi, statusOf, SURVEYOR } from './fake-api';
import { interviewBackend } from './fake-interviews';
import { interviewForm } from './interview-fixture';
import { renderApp, useCleanPage } from './render-app';
import { formOf } from '../shared/engine/runtime/formFixture';

useCleanPage();

/** The app signed in as a surveyor; `before` fills the fake core first (home loads its list once, on showing). */
async function surveyorApp(form = interviewForm, before?: (api: ReturnType<typeof fakeApi>, backend: ReturnType<typeof interviewBackend>) => Promise<void>) {
  clearFormCache();
  const backend = interviewBackend(form);
  const api = fakeApi({ ...backend.api, status: statusOf(false, SURVEYOR) });
  await before?.(api, backend);
  return { backend, api, ...renderApp(api) };
}

const consentForm = formOf(
  [
    { type: 'note', name: 'intro', label: 'Chúng tôi khảo sát sự hài lòng; thông tin được giữ bí mật.' },
    { type: 'select_one consent', name: 'consent', label: 'Ông/Bà có đồng ý tham gia không?', required: 'yes' },
    { type: 'integer', name: 'age', label: 'Tuổi', required: 'yes', relevant: "${consent} = '1'" },
  ],
  [{ list_name: 'consent', name: 1, label: 'Đồng ý' }, { list_name: 'consent', name: 2, label: 'Không đồng ý' }],
  { form_id: 'c', version: '1' },
);

describe('surveyor screens', () => {
  it('home lists installed surveys and the surveyor\'s interviews by status, with the supervisor\'s comment', async () => {
    await surveyorApp(interviewForm, async (api, backend) => {
      await api.startInterview({ surveyId: 'hids', unitCode: '26734', consent: true, respondentRef: 'HS-01' });
      const b = await api.startInterview({ surveyId: 'hids', unitCode: '25987', consent: true });
      if (!b.ok) throw new Error('start');
      backend.reject(b.value.id, 'Câu tuổi chưa đúng');
    });
    expect(await screen.findByText('Khảo sát sự hài lòng (HIDS)')).toBeTruthy();
    const drafts = screen.getByRole('heading', { name: /Đang làm \(1\)/ }).parentElement as HTMLElement;
    expect(within(drafts).getByText(/HS-01/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Bị trả lại \(1\)/ })).toBeTruthy();
    expect(screen.getByText('“Câu tuổi chưa đúng”')).toBeTruthy();
  });

  it('home shows each survey\'s quotas with the completed count ("Phường Bến Thành 1/30"), none for a survey without', async () => {
    await surveyorApp(interviewForm, async (api, backend) => {
      backend.targets.set('26734', 30);
      backend.targets.set('25987', 10);
      const a = await api.startInterview({ surveyId: 'hids', unitCode: '26734', consent: true });
      await api.startInterview({ surveyId: 'hids', unitCode: '26734', consent: true });
      if (!a.ok) throw new Error('start');
      // Completed as main would count it; the other one stays a draft and does not count.
      const stored = backend.interviews.get(a.value.id);
      if (!stored) throw new Error('stored');
      stored.summary = { ...stored.summary, status: 'completed', outcome: 'completed' };
    });
    const list = await screen.findByRole('list', { name: 'Chỉ tiêu theo đơn vị' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Phường Bến Thành 1/30', 'Xã Thạnh An 0/10']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('home shows no quota section for a survey without quotas', async () => {
    const { api } = await surveyorApp();
    expect(await screen.findByText('Khảo sát sự hài lòng (HIDS)')).toBeTruthy();
    await waitFor(() => expect(api.listQuotas).toHaveBeenCalledWith({ surveyId: 'hids' }));
    expect(screen.queryByRole('heading', { name: 'Chỉ tiêu theo đơn vị' })).toBeNull();
    expect(screen.queryByText('Khảo sát này chưa có chỉ tiêu.')).toBeNull();
  });

  it('search by unit without diacritics or by reference narrows the list', async () => {
    const { user } = await surveyorApp(interviewForm, async (api) => {
      await api.startInterview({ surveyId: 'hids', unitCode: '26734', consent: true, respondentRef: 'HS-01' });
      await api.startInterview({ surveyId: 'hids', unitCode: '25987', consent: true });
    });
    await screen.findAllByRole('button', { name: /Tiếp tục/ });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /Tiếp tục/ })).toHaveLength(2));
    await user.type(screen.getByRole('searchbox', { name: /Tìm theo đơn vị/ }), 'thanh an');
    expect(screen.getAllByRole('button', { name: /Tiếp tục/ })).toHaveLength(1);
    expect(screen.getByRole('heading', { name: /Đang làm \(1\)/ })).toBeTruthy();
  });

  it('start: "ben thanh" finds Bến Thành, former district shown; consent yes opens the questionnaire after the consent page', async () => {
    const { user, backend } = await surveyorApp(consentForm);
    await user.click(await screen.findByRole('button', { name: 'Bắt đầu phiếu mới' }));
    expect(await screen.findByText('Chúng tôi khảo sát sự hài lòng; thông tin được giữ bí mật.')).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: /Tìm đơn vị/ }), 'ben thanh');
    const results = screen.getByRole('radiogroup', { name: /Đơn vị/ });
    expect(within(results).getAllByRole('radio')).toHaveLength(1);
    expect(within(results).getByText(/trước đây: Quận 1, TP. Hồ Chí Minh/)).toBeTruthy();
    await user.click(within(results).getByRole('radio'));
    await user.click(screen.getByRole('button', { name: 'Bắt đầu' }));
    expect(await screen.findByText('Hãy ghi nhận người trả lời có đồng ý hay không.')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: /Đồng ý/ }));
    await user.click(screen.getByRole('button', { name: 'Bắt đầu' }));
    expect(await screen.findByText(/Phiếu số 1 · Phường Bến Thành \(26734\)/)).toBeTruthy();
    // Main filled the form's consent question: the questionnaire begins after it.
    expect(screen.getByRole('textbox', { name: /Tuổi/ })).toBeTruthy();
    expect([...backend.interviews.values()][0]?.summary).toMatchObject({ unitCode: '26734', consent: true, status: 'draft' });
  });

  it('start: consent no is recorded as refused and no questionnaire opens', async () => {
    const { user, backend } = await surveyorApp(consentForm);
    await user.click(await screen.findByRole('button', { name: 'Bắt đầu phiếu mới' }));
    await user.type(await screen.findByRole('searchbox', { name: /Tìm đơn vị/ }), 'thạnh an');
    await user.click(screen.getByRole('radio', { name: /Xã Thạnh An/ }));
    await user.click(screen.getByRole('radio', { name: /Không đồng ý/ }));
    await user.click(screen.getByRole('button', { name: 'Bắt đầu' }));
    expect(await screen.findByText('Đã ghi nhận phiếu số 1: người trả lời từ chối.')).toBeTruthy();
    expect([...backend.interviews.values()][0]?.summary).toMatchObject({ unitCode: '25987', consent: false, outcome: 'refused' });
  });

  it('a sent-back interview opens with the comment, and reopening makes it a draft again', async () => {
    let id = '';
    const { user, backend } = await surveyorApp(interviewForm, async (api, b) => {
      const a = await api.startInterview({ surveyId: 'hids', unitCode: '26734', consent: true });
      if (!a.ok) throw new Error('start');
      id = a.value.id;
      b.reject(id, 'Thiếu tuổi');
    });
    await user.click(await screen.findByRole('button', { name: /Mở — Phiếu số 1/ }));
    expect(await screen.findByText(/Giám sát viên trả lại phiếu với nhận xét: Thiếu tuổi/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Mở lại để sửa' }));
    await waitFor(() => expect(backend.interviews.get(id)?.summary).toMatchObject({ status: 'draft', revision: 1 }));
    expect(await screen.findByText('Xin chào Ông/Bà', { selector: '.q-label' })).toBeTruthy();
  });
});
