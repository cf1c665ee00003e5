// Writes the built-in instruments (shared/instruments/*.xlsx) from the typed tables below, so the
// spreadsheets are reproducible and every wording change is reviewable here. Run: npx tsx scripts/make-instruments.ts
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

type Cell = string | number | null;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VI = 'Tiếng Việt (vi)';
const EN = 'English (en)';

// ---- answer scales (DOMAIN.md "Answer scales"; missing codes 8/9 are ours) ----
interface Option { name: string | number; vi: string; en: string }
const NA: Option = { name: 8, vi: 'Không áp dụng', en: 'Not applicable' };
const DK: Option = { name: 9, vi: 'Không biết, không trả lời', en: "Don't know, refused" };
const LISTS: Record<string, Option[]> = {
  sat5: [
    { name: 1, vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
    { name: 2, vi: 'Không hài lòng', en: 'Dissatisfied' },
    { name: 3, vi: 'Bình thường', en: 'Neutral' },
    { name: 4, vi: 'Hài lòng', en: 'Satisfied' },
    { name: 5, vi: 'Rất hài lòng', en: 'Very satisfied' },
    NA,
    DK,
  ],
  need3: [
    { name: 1, vi: 'Rất nhiều', en: 'Very much' },
    { name: 2, vi: 'Nhiều', en: 'Much' },
    { name: 3, vi: 'Ít', en: 'Little' },
    DK,
  ],
  yesno: [
    { name: 1, vi: 'Đã từng/Có', en: 'Yes (have done)' },
    { name: 2, vi: 'Chưa từng/Không', en: 'No (never)' },
  ],
  site: [
    { name: 1, vi: 'Trung tâm Phục vụ hành chính công Thành phố', en: 'City Public Administrative Service Centre' },
    { name: 2, vi: 'Điểm phục vụ hành chính công tại phường, xã', en: 'Ward/commune public service point' },
    { name: 3, vi: 'Sở, ngành', en: 'Department' },
    { name: 4, vi: 'Trực tuyến', en: 'Online' },
  ],
  resp_type: [
    { name: 1, vi: 'Người dân', en: 'Individual citizen' },
    { name: 2, vi: 'Đại diện tổ chức, doanh nghiệp', en: 'Representative of an organisation or business' },
  ],
  sex: [
    { name: 1, vi: 'Nam', en: 'Male' },
    { name: 2, vi: 'Nữ', en: 'Female' },
  ],
  age: [
    { name: 1, vi: 'Từ 18 - 24 tuổi', en: '18–24' },
    { name: 2, vi: 'Từ 25-34 tuổi', en: '25–34' },
    { name: 3, vi: 'Từ 35-49 tuổi', en: '35–49' },
    { name: 4, vi: 'Từ 50-60 tuổi', en: '50–60' },
    { name: 5, vi: 'Trên 60 tuổi', en: 'Over 60' },
  ],
  eth: [
    { name: 1, vi: 'Kinh', en: 'Kinh' },
    { name: 2, vi: 'Khác (ghi rõ)', en: 'Other (specify)' },
  ],
  edu: [
    { name: 1, vi: 'Tiểu học (Cấp I)', en: 'Primary' },
    { name: 2, vi: 'Trung học cơ sở (Cấp II)', en: 'Lower secondary' },
    { name: 3, vi: 'Trung học phổ thông (Cấp III)', en: 'Upper secondary' },
    { name: 4, vi: 'Dạy nghề/ Trung cấp/ Cao đẳng', en: 'Vocational/intermediate/college' },
    { name: 5, vi: 'Đại học/ trên Đại học', en: 'University/postgraduate' },
    { name: 6, vi: 'Khác', en: 'Other' },
  ],
  occ: [
    { name: 1, vi: 'Nghỉ hưu', en: 'Retired' },
    { name: 2, vi: 'Không đi làm (ở nhà)', en: 'Not working (at home)' },
    { name: 3, vi: 'Làm công việc tự do (không ký hợp đồng lao động)', en: 'Freelance (no labour contract)' },
    { name: 4, vi: 'Sinh viên', en: 'Student' },
    { name: 5, vi: 'Làm việc tại tổ chức, doanh nghiệp trong lĩnh vực tư', en: 'Private-sector employee' },
    { name: 6, vi: 'Làm việc tại cơ quan, tổ chức, doanh nghiệp trong lĩnh vực công', en: 'Public-sector employee' },
    { name: 7, vi: 'Khác', en: 'Other' },
  ],
  mode: [
    { name: 1, vi: 'Theo hình thức trực tiếp (tại cơ quan)', en: 'In person (at the office)' },
    { name: 2, vi: 'Theo hình thức trực tuyến (qua mạng internet)', en: 'Online (over the internet)' },
    { name: 3, vi: 'Theo cả hình thức trực tiếp và trực tuyến', en: 'Both in person and online' },
  ],
  harass: [
    { name: 1, vi: 'Không có công chức nào gây phiền hà, sách nhiễu cho người dân', en: 'No civil servant causes trouble or harassment' },
    { name: 2, vi: 'Một số công chức gây phiền hà, sách nhiễu cho người dân', en: 'Some civil servants cause trouble or harassment' },
    { name: 3, vi: 'Nhiều công chức gây phiền hà, sách nhiễu cho người dân', en: 'Many civil servants cause trouble or harassment' },
    DK,
  ],
  bribe: [
    { name: 1, vi: 'Không có người dân nào phải đưa tiền ngoài quy định cho công chức', en: 'Nobody has to pay unofficial money' },
    { name: 2, vi: 'Một số người dân phải đưa tiền ngoài quy định cho công chức', en: 'Some people have to pay unofficial money' },
    { name: 3, vi: 'Nhiều người dân phải đưa tiền ngoài quy định cho công chức', en: 'Many people have to pay unofficial money' },
    DK,
  ],
};

// ---- the 168 units (sampling frame data, kept in the repository so a clean clone regenerates the same files) ----
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c !== '')) rows.push(row);
  return rows;
}

function unitChoices(): Cell[][] {
  const csvPath = join(root, 'shared', 'instruments', 'units', 'hcmc_units_2025.csv');
  const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
  const col = (n: string): number => header?.indexOf(n) ?? -1;
  const [code, vi, en, prov] = [col('code'), col('name_vi'), col('name_en'), col('former_province')];
  if (rows.length !== 168) throw new Error(`expected 168 units, found ${rows.length}`);
  return rows.map((r) => ['units', r[code] ?? '', r[vi] ?? '', r[en] ?? '', r[prov] ?? '']);
}

// ---- items (DOMAIN.md "Items"; Vietnamese wording verbatim, including where it has no final full stop) ----
interface Item { id: string; vi: string; en: string }
const COMPONENTS: { id: string; vi: string; en: string; items: Item[] }[] = [
  { id: 'ACC', vi: 'Tiếp cận dịch vụ', en: 'Access to services', items: [
    { id: 'ACC1', vi: 'Cơ quan cung cấp thông tin về việc giải quyết thủ tục hành chính theo nhiều hình thức, dễ tiếp cận, dễ hiểu đối với mọi người dân.', en: 'The agency provides information on handling procedures in many forms, easy to access and understand for everyone.' },
    { id: 'ACC2', vi: 'Trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính có biển hiệu, hướng dẫn rõ ràng, dễ thấy.', en: 'The office receiving applications and returning results has clear, visible signs and directions.' },
    { id: 'ACC3', vi: 'Trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính sạch sẽ, văn minh.', en: 'The office is clean and orderly.' },
    { id: 'ACC4', vi: 'Trang thiết bị phục vụ người dân đầy đủ, chất lượng tốt, giúp người dân giải quyết công việc dễ dàng hơn.', en: 'Equipment for the public is sufficient and of good quality, making it easier to get things done.' },
  ] },
  { id: 'PRO', vi: 'Thủ tục hành chính', en: 'Administrative procedures', items: [
    { id: 'PRO1', vi: 'Quy định thủ tục hành chính được niêm yết công khai tại trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính dễ thấy, dễ hiểu.', en: 'Procedure rules are publicly posted at the office, easy to see and understand.' },
    { id: 'PRO2', vi: 'Thành phần hồ sơ người dân phải nộp là đúng quy định', en: 'The documents you had to submit were as prescribed.' },
    { id: 'PRO3', vi: 'Mức phí/lệ phí người dân phải nộp là đúng quy định.', en: 'The fees/charges you paid were as prescribed.' },
    { id: 'PRO4', vi: 'Thời hạn giải quyết thủ tục hành chính cho người dân là đúng quy định.', en: 'The processing time was as prescribed.' },
  ] },
  { id: 'CIV', vi: 'Công chức trực tiếp giải quyết công việc', en: 'Civil servants handling the case', items: [
    { id: 'CIV1', vi: 'Công chức có thái độ giao tiếp lịch sự, tôn trọng đối với người dân.', en: 'Civil servants communicate politely and respectfully.' },
    { id: 'CIV2', vi: 'Công chức cung cấp thông tin, trả lời kịp thời, đầy đủ các câu hỏi, ý kiến của người dân.', en: 'Civil servants answer questions and comments promptly and fully.' },
    { id: 'CIV3', vi: 'Công chức hướng dẫn hồ sơ dễ hiểu, đảm bảo người dân có thể hoàn thiện hồ sơ sau một lần hướng dẫn.', en: 'Guidance on the file is easy to understand, so it can be completed after one round of guidance.' },
    { id: 'CIV4', vi: 'Công chức tuân thủ đúng quy định trong giải quyết công việc cho người dân.', en: 'Civil servants follow the rules when handling your case.' },
    { id: 'CIV5', vi: 'Công chức tận tình đối với người dân trong quá trình giải quyết công việc.', en: 'Civil servants are attentive and dedicated throughout the process.' },
  ] },
  { id: 'RES', vi: 'Kết quả giải quyết thủ tục hành chính', en: 'Results of the procedure', items: [
    { id: 'RES1', vi: 'Kết quả giải quyết thủ tục hành chính cho người dân được trả đúng hẹn.', en: 'The result was returned on the appointed date.' },
    { id: 'RES2', vi: 'Kết quả giải quyết thủ tục hành chính cho người dân có thông tin đầy đủ, chính xác', en: 'The result contains complete and accurate information.' },
    { id: 'RES3', vi: 'Kết quả giải quyết thủ tục hành chính cho người dân đảm bảo tính công bằng.', en: 'The result was fair.' },
  ] },
  { id: 'FBK', vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of feedback and petitions', items: [
    { id: 'FBK1', vi: 'Cơ quan có bố trí hình thức tiếp nhận phản ánh, kiến nghị, giúp người dân phản ánh, kiến nghị dễ dàng', en: 'The agency provides channels that make it easy to submit feedback and petitions.' },
    { id: 'FBK2', vi: 'Cơ quan tiếp nhận, xử lý phản ánh, kiến nghị của người dân đúng quy định.', en: 'The agency receives and handles feedback/petitions according to the rules.' },
    { id: 'FBK3', vi: 'Cơ quan thông báo kết quả xử lý phản ánh kiến nghị cho người dân kịp thời.', en: 'The agency informs you of the outcome of your feedback/petition in a timely way.' },
  ] },
];
const POLICY: Item[] = [
  { id: 'POL1', vi: 'Cơ quan nhà nước cung cấp, giải thích thông tin về các chính sách theo nhiều hình thức, giúp mọi người dân dễ tìm, dễ thấy', en: 'State agencies provide and explain information on policies in many forms, easy for everyone to find and see.' },
  { id: 'POL2', vi: 'Cơ quan nhà nước tổ chức xin ý kiến góp ý của người dân đối với các chính sách theo nhiều hình thức, giúp mọi người dân tham gia góp ý kiến dễ dàng', en: 'State agencies consult citizens on policies in many forms, making it easy for everyone to comment.' },
  { id: 'POL3', vi: 'Chính sách của địa phương đã góp phần giúp cho chất lượng cuộc sống của người dân địa phương ngày càng tốt hơn trong thời gian qua.', en: 'Local policies have helped improve the quality of life of local people in recent times.' },
];
const NEEDS: Item[] = [
  { id: 'NEED1', vi: 'Nâng cao hơn nữa thái độ phục vụ của cán bộ, công chức, viên chức đối với người dân.', en: "Further improve staff's service attitude." },
  { id: 'NEED2', vi: 'Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số trong giải quyết công việc cho người dân.', en: "Expand IT use and digital transformation in handling citizens' business." },
  { id: 'NEED3', vi: 'Nâng cao hơn nữa chất lượng tiếp nhận, giải quyết ý kiến góp ý, phản ánh, kiến nghị của người dân.', en: 'Further improve handling of comments, feedback and petitions.' },
];

// ---- survey sheet ----
const SURVEY_HEADER = ['type', 'name', `label::${VI}`, `label::${EN}`, `hint::${VI}`, `hint::${EN}`, 'required', 'relevant', 'constraint', `constraint_message::${VI}`, `constraint_message::${EN}`, 'appearance', 'calculation'];
interface Row { type: string; name?: string; vi?: string; en?: string; hintVi?: string; hintEn?: string; required?: boolean; relevant?: string; constraint?: string; cmVi?: string; cmEn?: string; appearance?: string; calculation?: string }
const toCells = (r: Row): Cell[] => [r.type, r.name ?? null, r.vi ?? null, r.en ?? null, r.hintVi ?? null, r.hintEn ?? null, r.required ? 'yes' : null, r.relevant ?? null, r.constraint ?? null, r.cmVi ?? null, r.cmEn ?? null, r.appearance ?? null, r.calculation ?? null];

const META: Row[] = [
  { type: 'start', name: 'start' },
  { type: 'end', name: 'end' },
  { type: 'deviceid', name: 'deviceid' },
  { type: 'username', name: 'username' },
  { type: 'begin group', name: 'META', vi: 'Thông tin phiếu', en: 'Interview details', appearance: 'field-list' },
  { type: 'text', name: 'META_ENUM', vi: 'Mã điều tra viên', en: 'Enumerator ID', required: true },
  { type: 'date', name: 'META_DATE', vi: 'Ngày khảo sát', en: 'Survey date', required: true, constraint: '. <= today()', cmVi: 'Ngày khảo sát không được sau hôm nay.', cmEn: 'The survey date cannot be after today.' },
  { type: 'select_one units', name: 'META_UNIT', vi: 'Phường/xã/đặc khu (mã 5 số)', en: 'Ward/commune/special zone (5-digit code)', hintVi: 'Gõ tên hoặc mã để tìm.', hintEn: 'Type a name or code to search.', required: true, appearance: 'autocomplete' },
  { type: 'select_one site', name: 'META_SITE', vi: 'Nơi giải quyết thủ tục hành chính', en: 'Where the procedure was handled', required: true },
  { type: 'text', name: 'META_FIELD', vi: 'Lĩnh vực/thủ tục hành chính đã giải quyết', en: 'Administrative procedure/field handled' },
  { type: 'end group' },
  { type: 'begin group', name: 'DEM', vi: 'Thông tin người trả lời', en: 'About the respondent', appearance: 'field-list' },
  { type: 'select_one resp_type', name: 'DEM_TYPE', vi: 'Người trả lời', en: 'Respondent', required: true },
  { type: 'select_one sex', name: 'DEM_SEX', vi: 'Giới tính', en: 'Sex', required: true },
  { type: 'select_one age', name: 'DEM_AGE', vi: 'Độ tuổi', en: 'Age', required: true },
  { type: 'select_one eth', name: 'DEM_ETH', vi: 'Dân tộc', en: 'Ethnicity', required: true },
  { type: 'text', name: 'DEM_ETH_OTHER', vi: 'Dân tộc khác (ghi rõ)', en: 'Other ethnicity (specify)', required: true, relevant: '${DEM_ETH} = 2' },
  { type: 'select_one edu', name: 'DEM_EDU', vi: 'Trình độ học vấn', en: 'Education', required: true },
  { type: 'select_one occ', name: 'DEM_OCC', vi: 'Nghề nghiệp', en: 'Occupation', required: true },
  { type: 'end group' },
  { type: 'begin group', name: 'EXP', vi: 'Trải nghiệm của Ông/Bà', en: 'Your experience', appearance: 'field-list' },
  { type: 'select_one yesno', name: 'EXP_TTHC', vi: 'Giải quyết thủ tục hành chính', en: 'Has handled an administrative procedure', required: true },
  { type: 'select_one yesno', name: 'EXP_PAKN', vi: 'Phản ánh, kiến nghị với cơ quan nhà nước (các cấp)', en: 'Has submitted feedback/petition to a state agency', required: true },
  { type: 'select_one mode', name: 'EXP_MODE', vi: 'Hình thức nộp hồ sơ và nhận kết quả phù hợp', en: 'Preferred way to submit/receive', required: true },
  { type: 'end group' },
];

const sat5Group = (name: string, vi: string, en: string, items: Item[], relevant?: string): Row[] => [
  { type: 'begin group', name, vi, en, appearance: 'field-list', ...(relevant ? { relevant } : {}) },
  { type: 'note', name: `${name}_NOTE`, vi: 'Ông/Bà hài lòng như thế nào với các nội dung sau?', en: 'How satisfied are you with the following?' },
  ...items.map((i): Row => ({ type: 'select_one sat5', name: i.id, vi: i.vi, en: i.en, required: true, appearance: 'likert' })),
  { type: 'end group' },
];

const SERVICE: Row[] = COMPONENTS.flatMap((c) => sat5Group(
  `G_${c.id}`, c.vi, c.en, c.items,
  // Only respondents who have submitted feedback can rate how it was handled.
  c.id === 'FBK' ? '${EXP_PAKN} = 1' : undefined,
));

const CLOSING: Row[] = [
  { type: 'select_one sat5', name: 'OVERALL', vi: 'Nhìn chung, Ông/Bà hài lòng như thế nào đối với sự phục vụ của cơ quan khi giải quyết thủ tục hành chính?', en: "Overall, how satisfied are you with the agency's service in handling your procedure?", required: true, appearance: 'likert' },
  { type: 'begin group', name: 'G_NEED', vi: 'Mong đợi của Ông/Bà: cơ quan cần cải thiện các nội dung sau ở mức nào?', en: 'Your expectations: how much should the agency improve the following?', appearance: 'field-list' },
  ...NEEDS.map((i): Row => ({ type: 'select_one need3', name: i.id, vi: i.vi, en: i.en, required: true, appearance: 'likert' })),
  { type: 'end group' },
  { type: 'text', name: 'OPEN', vi: 'Ý kiến khác (xin ghi cụ thể):', en: 'Other comments (please specify):', appearance: 'multiline' },
];

const PERCEPTION: Row[] = [
  { type: 'begin group', name: 'G_PER', vi: 'Nhận thức của Ông/Bà', en: 'Your perception', appearance: 'field-list' },
  { type: 'select_one harass', name: 'PER_HARASS', vi: 'Ông/Bà có suy nghĩ như thế nào về tình trạng công chức gây phiền hà, sách nhiễu cho người dân hiện nay ở địa phương?', en: 'How do you see civil servants causing trouble/harassment locally?', required: true },
  { type: 'select_one bribe', name: 'PER_BRIBE', vi: 'Ông/Bà suy nghĩ gì về tình trạng người dân phải đưa tiền ngoài quy định cho công chức để công việc được giải quyết hiện nay ở địa phương?', en: 'Do people have to pay unofficial money to civil servants to get things done locally?', required: true },
  { type: 'end group' },
];

const INDEX_HEADER = ['component', `label::${VI}`, `label::${EN}`, 'question', 'weight'];
const indexRows = (): Cell[][] => COMPONENTS.flatMap((c) => [
  [c.id, c.vi, c.en, null, 1] as Cell[],
  ...c.items.map((i): Cell[] => [c.id, null, null, i.id, 1]),
]);

export interface Instrument { file: string; settings: Record<string, string>; survey: Row[]; lists: string[] }
const SETTINGS_BASE = { version: '2025.1', default_language: VI, missing_codes: '8=not_applicable 9=dont_know', index_satisfied: '4 5', index_valid: '1-5', instance_name: "concat(${META_UNIT}, ' ', ${META_ENUM}, ' ', ${META_DATE})" };
const COMMON_LISTS = ['sat5', 'need3', 'yesno', 'site', 'resp_type', 'sex', 'age', 'eth', 'edu', 'occ', 'mode'];

export const INSTRUMENTS: Instrument[] = [
  {
    file: 'hids-satisfaction.xlsx',
    settings: { form_title: 'Khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (HIDS)', [`form_title::${EN}`]: "Citizen and organisation satisfaction with state administrative services (HIDS)", form_id: 'hids_satisfaction', ...SETTINGS_BASE },
    survey: [...META, ...SERVICE, ...CLOSING],
    lists: COMMON_LISTS,
  },
  {
    file: 'mttq-satisfaction.xlsx',
    settings: { form_title: 'Khảo sát sự hài lòng của người dân đối với chính sách và dịch vụ hành chính công (Ủy ban MTTQ)', [`form_title::${EN}`]: 'Citizen satisfaction with policies and public administrative services (Fatherland Front)', form_id: 'mttq_satisfaction', ...SETTINGS_BASE },
    survey: [
      ...META,
      ...sat5Group('G_POLICY', 'Phần I. Xây dựng, tổ chức thực hiện chính sách', 'Part I. Making and implementing policies', POLICY),
      { type: 'note', name: 'PART2_NOTE', vi: 'Phần II. Cung ứng dịch vụ hành chính công', en: 'Part II. Delivering administrative services' },
      ...SERVICE,
      ...PERCEPTION,
      ...CLOSING,
    ],
    lists: [...COMMON_LISTS, 'harass', 'bribe'],
  },
];

/** The sheets of one instrument as rows (first row = header), exactly as written to its .xlsx. */
export function instrumentSheets(inst: Instrument): Record<string, Cell[][]> {
  return {
    survey: [SURVEY_HEADER, ...inst.survey.map(toCells)],
    choices: [
      ['list_name', 'name', `label::${VI}`, `label::${EN}`, 'former_province'],
      ...inst.lists.flatMap((l) => (LISTS[l] ?? []).map((o): Cell[] => [l, o.name, o.vi, o.en, null])),
      ...unitChoices(),
    ],
    settings: [Object.keys(inst.settings), Object.values(inst.settings)],
    index: [INDEX_HEADER, ...indexRows()],
  };
}

async function write(inst: Instrument): Promise<void> {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata so regenerating without changes gives the same content.
  wb.creator = 'KhaoSat scripts/make-instruments.ts';
  wb.created = new Date(Date.UTC(2025, 6, 1));
  wb.modified = wb.created;
  const add = (name: string, rows: Cell[][]): void => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  for (const [name, rows] of Object.entries(instrumentSheets(inst))) add(name, rows);
  const out = join(root, 'shared', 'instruments', inst.file);
  await wb.xlsx.writeFile(out);
  console.log(`wrote ${out}`);
}

// Run as a script (npx tsx scripts/make-instruments.ts), not when a test imports the tables.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const inst of INSTRUMENTS) await write(inst);
}
