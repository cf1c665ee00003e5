// QuotaList: "Phường Bến Thành 12/30" per unit from survey:quotas, in the reader's language.
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuotaList } from '../../renderer/features/quotas/QuotaList';
import { languageStore } from '../../renderer/i18n';
import { AppStoreProvider, createAppStore } from '../../renderer/stores';
import { ERROR_MESSAGES, type QuotaProgress } from '../../shared/contract';
import { failure, fakeApi, ok } from './fake-api';
import { useCleanPage } from './render-app';

useCleanPage();

const QUOTAS: QuotaProgress[] = [
  { unitCode: '26743', nameVi: 'Phường Bến Thành', nameEn: 'Ben Thanh Ward', target: 30, completed: 12 },
  { unitCode: '26758', nameVi: 'Phường Cầu Ông Lãnh', nameEn: null, target: 25, completed: 25 },
];

function show(api: ReturnType<typeof fakeApi>, surveyId = 'hids-satisfaction') {
  return render(
    <AppStoreProvider store={createAppStore(api)}>
      <QuotaList surveyId={surveyId} />
    </AppStoreProvider>,
  );
}

describe('QuotaList', () => {
  it('shows each unit with completed/target, and asks for the right survey', async () => {
    const api = fakeApi({ listQuotas: async () => ok(QUOTAS) });
    show(api);
    const list = await screen.findByRole('list', { name: 'Chỉ tiêu theo đơn vị' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Phường Bến Thành 12/30', 'Phường Cầu Ông Lãnh 25/25']);
    expect(api.listQuotas).toHaveBeenCalledWith({ surveyId: 'hids-satisfaction' });
    expect(screen.getByRole('progressbar', { name: 'Phường Bến Thành 12/30' }).getAttribute('value')).toBe('12');
  });

  it('uses English names when the reader chose English, falling back to the Vietnamese name', async () => {
    act(() => languageStore.getState().setLanguage('en'));
    show(fakeApi({ listQuotas: async () => ok(QUOTAS) }));
    const list = await screen.findByRole('list', { name: 'Quotas by unit' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ben Thanh Ward 12/30', 'Phường Cầu Ông Lãnh 25/25']);
  });

  it('says when there are no quotas, and shows a refusal', async () => {
    show(fakeApi({ listQuotas: async () => ok([]) }));
    expect(await screen.findByText('Khảo sát này chưa có chỉ tiêu.')).toBeTruthy();
    show(fakeApi({ listQuotas: async () => failure('not_found') }), 'other');
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.not_found.vi);
  });
});
