// A form for the report filter tests: one index item, the units list with unit_type and
// former_province columns, and the respondent-group questions DEM_AGE / DEM_SEX / DEM_TYPE.
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
