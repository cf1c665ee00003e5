// A form for the report filter tests: one index item, the units list with unit_type and
// former_province columns, and the respondent-group questions DEM_AGE / DEM_SEX / DEM_TYPE.
import { importBatchFiles } from '../../../electron/analyst/import';
import { batchFile, makeAnalyst, makeDevice, record, registerForm, type storeFactory } from './fixtures';

const q = (name: string, listName?: string, vi = name) => ({ kind: 'question', name, orOther: false, labels: { vi }, ...(listName ? { listName } : {}) });
const choice = (name: string, vi: string, extra: Record<string, string> = {}, missing?: string) => ({ name, labels: { vi }, extra, ...(missing ? { missing } : {}) });
export const FILTER_FORM = {
  children: [q('A1', 'sat5', 'Câu A1'), q('DEM_AGE', 'age'), q('DEM_SEX', 'sex'), q('DEM_TYPE', 'resp_type')],
  choiceLists: {
    units: {
      name: 'units',
      choices: [
        choice('26734', 'Phường Một (TP.HCM cũ)', { unit_type: 'Phường/Ward', former_province: 'TP.HCM' }),
        choice('25747', 'Xã Hai (Bình Dương cũ)', { unit_type: 'Xã/Commune', former_province: 'Bình Dương' }),
        choice('26500', 'Đặc khu Ba', { unit_type: 'Đặc khu/Special zone', former_province: 'TP.HCM' }),
      ],
    },
    age: { name: 'age', choices: [choice('1', 'Từ 18 - 24 tuổi'), choice('2', 'Từ 25-34 tuổi'), choice('9', 'Không trả lời', {}, 'refused')] },
    sex: { name: 'sex', choices: [choice('1', 'Nam'), choice('2', 'Nữ')] },
    resp_type: { name: 'resp_type', choices: [choice('1', 'Người dân'), choice('2', 'Đại diện tổ chức, doanh nghiệp')] },
  },
  index: {
    origin: 'sheet',
    satisfiedCodes: [4, 5],
    validCodes: [1, 2, 3, 4, 5],
    components: [{ id: 'A', labels: { vi: 'Tiếp cận' }, weight: 1, items: [{ question: 'A1', weight: 1 }] }],
  },
};

/**
 * A store with FILTER_FORM and two imported Interviews — a satisfied man in Phường Một, a
 * dissatisfied woman in Xã Hai — for the printable-report tests. Returns its target, closed.
 */
export async function twoInterviewFilterStore(stores: ReturnType<typeof storeFactory>): Promise<string> {
  const analyst = await makeAnalyst();
  const laptop = makeDevice('LAPTOP-01');
  const store = await stores.open();
  await registerForm(store.db, FILTER_FORM);
  const a = (path: string, value: string | number) => ({ path, value, missing: null, savedAt: '2026-11-30T09:01:00.000Z' });
  const id = (n: number) => `${String(n).repeat(8)}-3333-4333-8333-333333333333`;
  const records = [
    record(laptop, id(1), 0, { unitCode: '26734', answers: [a('A1', 5), a('DEM_SEX', '1')] }),
    record(laptop, id(2), 0, { unitCode: '25747', answers: [a('A1', 2), a('DEM_SEX', '2')] }),
  ];
  await importBatchFiles(store, [await batchFile(stores.dir, laptop, 1, records, analyst.recipient)], { identity: analyst.identity });
  const target = store.label;
  await store.close();
  return target;
}
