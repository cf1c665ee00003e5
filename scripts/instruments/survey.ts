// The survey sheet of the built-in instruments, block by block, with the fieldwork conventions
// the app relies on (docs/forms.md "Built-in instruments"): `intro` and `consent` first, the
// `outcome` calculate, the eligibility screen, the service-use filter, `mode`, `location_type`,
// `agency`, and the business-respondent wording.
import { ADDRESS, addressed, COMPONENTS, type Item, NEEDS, OVERALL } from './items';

export type Cell = string | number | null;
export const VI = 'Tiếng Việt (vi)';
export const EN = 'English (en)';

export const SURVEY_HEADER = ['type', 'name', `label::${VI}`, `label::${EN}`, `hint::${VI}`, `hint::${EN}`, 'required', 'relevant', 'constraint', `constraint_message::${VI}`, `constraint_message::${EN}`, 'appearance', 'calculation'];
export interface Row { type: string; name?: string; vi?: string; en?: string; hintVi?: string; hintEn?: string; required?: boolean; relevant?: string; constraint?: string; cmVi?: string; cmEn?: string; appearance?: string; calculation?: string }
export const toCells = (r: Row): Cell[] => [r.type, r.name ?? null, r.vi ?? null, r.en ?? null, r.hintVi ?? null, r.hintEn ?? null, r.required ? 'yes' : null, r.relevant ?? null, r.constraint ?? null, r.cmVi ?? null, r.cmEn ?? null, r.appearance ?? null, r.calculation ?? null];

// ---- relevance shared by the blocks ----
/** Consent given: everything after `consent` depends on it. */
export const CONSENTED = '${consent} = 1';
/** Consented and passed the eligibility screen (18+, not staff of the agency rated). */
export const ELIGIBLE = '${eligible} = 1';
/** Eligible and used a service of the agency in the reference period: rates services. */
export const USER = '${service_user} = 1';

export interface Intro { vi: string; en: string }

/** `intro` and `consent`: the app's start screen shows them and fills `consent`; then `outcome`. */
export function opening(intro: Intro): Row[] {
  return [
    { type: 'note', name: 'intro', vi: intro.vi, en: intro.en },
    { type: 'select_one consent', name: 'consent', vi: 'Ông/Bà có đồng ý tham gia trả lời phỏng vấn không?', en: 'Do you agree to take part in the interview?', required: true },
    // What the interview's outcome is when it is completed; partial, not_at_home and interrupted
    // are set by the surveyor closing an interview without finishing it, never by the form.
    { type: 'calculate', name: 'outcome', calculation: "if(${consent} = 2, 'refused', if(${consent} = 1 and (${SCR_AGE} = 2 or ${SCR_STAFF} = 1), 'ineligible', if(${consent} = 1, 'completed', '')))" },
    { type: 'start', name: 'start' },
    { type: 'end', name: 'end' },
    { type: 'deviceid', name: 'deviceid' },
    { type: 'username', name: 'username' },
  ];
}

/** Interview details. `serial` is not here: the app numbers questionnaires per device. */
export const META: Row[] = [
  { type: 'begin group', name: 'META', vi: 'Thông tin phiếu', en: 'Interview details', appearance: 'field-list', relevant: CONSENTED },
  { type: 'text', name: 'META_ENUM', vi: 'Mã điều tra viên', en: 'Enumerator ID', required: true },
  { type: 'date', name: 'META_DATE', vi: 'Ngày khảo sát', en: 'Survey date', required: true, constraint: '. <= today()', cmVi: 'Ngày khảo sát không được sau hôm nay.', cmEn: 'The survey date cannot be after today.' },
  { type: 'select_one interview_mode', name: 'mode', vi: 'Hình thức phỏng vấn', en: 'Interview mode', required: true },
  { type: 'select_one location_type', name: 'location_type', vi: 'Địa điểm tiếp cận người trả lời', en: 'Where the respondent was reached', hintVi: 'Phỏng vấn qua điện thoại: nơi đã lấy thông tin liên hệ của người trả lời.', hintEn: "Phone interviews: where the respondent's contact was taken.", required: true },
  { type: 'select_one units', name: 'META_UNIT', vi: 'Phường/xã/đặc khu (mã 5 số)', en: 'Ward/commune/special zone (5-digit code)', hintVi: 'Gõ tên hoặc mã để tìm; trong ngoặc là tỉnh/thành và quận/huyện trước ngày 01/7/2025.', hintEn: 'Type a name or code to search; in brackets, the province and district before 1 July 2025.', required: true, appearance: 'autocomplete' },
  { type: 'select_one agencies or_other', name: 'agency', vi: 'Cơ quan, đơn vị được đánh giá', en: 'Agency whose service is rated', hintVi: 'Sở, ban, ngành của Thành phố hoặc Ủy ban nhân dân phường, xã, đặc khu. Gõ tên để tìm.', hintEn: "A city department or agency, or a ward/commune/special zone People's Committee. Type a name to search.", required: true, appearance: 'autocomplete' },
  { type: 'end group' },
];

/** An XPath string literal: expressions have no escapes, so text with an apostrophe takes double quotes. */
const literal = (s: string): string => (s.includes("'") ? `"${s}"` : `'${s}'`);

const yesNoStaff = 'Ông/Bà có phải là cán bộ, công chức, viên chức hoặc người lao động đang làm việc tại cơ quan, đơn vị được đánh giá không?';

/** Respondent type, the respondent-dependent words, and the eligibility screen with the service-use filter. */
export const SCREEN: Row[] = [
  { type: 'begin group', name: 'SCR', vi: 'Đối tượng khảo sát', en: 'Screening', appearance: 'field-list', relevant: CONSENTED },
  { type: 'select_one resp_type', name: 'DEM_TYPE', vi: 'Người trả lời', en: 'Respondent', required: true },
  ...Object.entries(ADDRESS).map(([name, [citizen, business]]): Row => ({ type: 'calculate', name, calculation: `if(\${DEM_TYPE} = 2, ${literal(business)}, ${literal(citizen)})` })),
  { type: 'select_one yn', name: 'SCR_AGE', vi: 'Ông/Bà từ đủ 18 tuổi trở lên phải không?', en: 'Are you 18 or older?', required: true },
  { type: 'select_one yn', name: 'SCR_STAFF', vi: yesNoStaff, en: 'Do you work for the agency being rated (as an official, civil servant, public employee or other staff)?', required: true, relevant: '${SCR_AGE} = 1' },
  { type: 'select_one use', name: 'SCR_USE', vi: 'Xin cho biết ${R_YOU} đã từng giải quyết thủ tục hành chính tại cơ quan, đơn vị được đánh giá chưa?', en: 'Please tell us whether ${R_YOU_EN} ever handled an administrative procedure at the agency being rated.', hintVi: 'Chỉ người đã giải quyết thủ tục trong 12 tháng qua mới đánh giá dịch vụ.', hintEn: 'Only those who handled a procedure in the last 12 months rate the service.', required: true, relevant: '${SCR_STAFF} = 2' },
  { type: 'calculate', name: 'eligible', calculation: 'if(${SCR_AGE} = 1 and ${SCR_STAFF} = 2, 1, 0)' },
  { type: 'calculate', name: 'service_user', calculation: 'if(${eligible} = 1 and ${SCR_USE} = 1, 1, 0)' },
  { type: 'end group' },
  { type: 'note', name: 'END_INELIGIBLE', vi: 'Người trả lời không thuộc đối tượng khảo sát. Cảm ơn Ông/Bà; phỏng vấn kết thúc tại đây.', en: 'The respondent is not eligible for this survey. Thank them; the interview ends here.', relevant: "${outcome} = 'ineligible'" },
];

export const DEMOGRAPHICS: Row[] = [
  { type: 'begin group', name: 'DEM', vi: 'Thông tin người trả lời', en: 'About the respondent', appearance: 'field-list', relevant: ELIGIBLE },
  { type: 'select_one sex', name: 'DEM_SEX', vi: 'Giới tính', en: 'Sex', required: true },
  { type: 'select_one age', name: 'DEM_AGE', vi: 'Độ tuổi', en: 'Age', required: true },
  { type: 'select_one eth', name: 'DEM_ETH', vi: 'Dân tộc', en: 'Ethnicity', required: true },
  { type: 'text', name: 'DEM_ETH_OTHER', vi: 'Dân tộc khác (ghi rõ)', en: 'Other ethnicity (specify)', required: true, relevant: '${DEM_ETH} = 2' },
  { type: 'select_one edu', name: 'DEM_EDU', vi: 'Trình độ học vấn', en: 'Education', required: true },
  { type: 'select_one occ', name: 'DEM_OCC', vi: 'Nghề nghiệp', en: 'Occupation', required: true },
  { type: 'end group' },
];

export const EXPERIENCE: Row[] = [
  { type: 'begin group', name: 'EXP', vi: 'Trải nghiệm của Ông/Bà', en: 'Your experience', appearance: 'field-list', relevant: ELIGIBLE },
  // Someone who said they handled a procedure at the agency cannot answer "never" here.
  { type: 'select_one yesno', name: 'EXP_TTHC', vi: 'Giải quyết thủ tục hành chính', en: 'Has handled an administrative procedure', required: true, constraint: '. = 1 or ${SCR_USE} = 3', cmVi: 'Người trả lời đã cho biết có giải quyết thủ tục hành chính tại cơ quan được đánh giá: chọn "Đã từng/Có".', cmEn: 'The respondent said they handled a procedure at the agency being rated: choose "Yes (have done)".' },
  { type: 'select_one yesno', name: 'EXP_PAKN', vi: 'Phản ánh, kiến nghị với cơ quan nhà nước (các cấp)', en: 'Has submitted feedback/petition to a state agency', required: true },
  { type: 'select_one submit_mode', name: 'EXP_MODE', vi: 'Hình thức nộp hồ sơ và nhận kết quả phù hợp', en: 'Preferred way to submit/receive', required: true },
  { type: 'end group' },
];

/** Which procedure the user's ratings are about: asked of service users only. */
export const SERVICE_INFO: Row[] = [
  { type: 'begin group', name: 'SVC', vi: 'Thủ tục hành chính Ông/Bà đã giải quyết', en: 'The procedure you handled', appearance: 'field-list', relevant: USER },
  { type: 'select_one site', name: 'META_SITE', vi: 'Nơi giải quyết thủ tục hành chính', en: 'Where the procedure was handled', required: true },
  { type: 'select_one fields or_other', name: 'META_FIELD', vi: 'Lĩnh vực/thủ tục hành chính đã giải quyết', en: 'Administrative procedure/field handled', required: true },
  { type: 'end group' },
];

export const sat5Group = (name: string, vi: string, en: string, items: Item[], relevant: string): Row[] => [
  { type: 'begin group', name, vi, en, appearance: 'field-list', relevant },
  { type: 'note', name: `${name}_NOTE`, vi: 'Ông/Bà hài lòng như thế nào với các nội dung sau?', en: 'How satisfied are you with the following?' },
  ...items.map((i): Row => ({ type: 'select_one sat5', name: i.id, vi: i.vi, en: i.en, required: true, appearance: 'likert' })),
  { type: 'end group' },
];

/** The five SIPAS components, service users only; feedback handling only for those who gave feedback. */
export const SERVICE: Row[] = COMPONENTS.flatMap((c) => sat5Group(
  `G_${c.id}`, c.vi, c.en, c.items.map(addressed),
  c.id === 'FBK' ? `${USER} and \${EXP_PAKN} = 1` : USER,
));

export const OVERALL_ROW: Row = { type: 'select_one sat5', name: OVERALL.id, vi: OVERALL.vi, en: OVERALL.en, required: true, appearance: 'likert', relevant: USER };

export const PERCEPTION: Row[] = [
  { type: 'begin group', name: 'G_PER', vi: 'Nhận thức của Ông/Bà', en: 'Your perception', appearance: 'field-list', relevant: ELIGIBLE },
  { type: 'select_one harass', name: 'PER_HARASS', vi: 'Ông/Bà có suy nghĩ như thế nào về tình trạng công chức gây phiền hà, sách nhiễu cho người dân hiện nay ở địa phương?', en: 'How do you see civil servants causing trouble/harassment locally?', required: true },
  { type: 'select_one bribe', name: 'PER_BRIBE', vi: 'Ông/Bà suy nghĩ gì về tình trạng người dân phải đưa tiền ngoài quy định cho công chức để công việc được giải quyết hiện nay ở địa phương?', en: 'Do people have to pay unofficial money to civil servants to get things done locally?', required: true },
  { type: 'end group' },
];

/** Needs and open comments: every eligible respondent, user or not. */
export const CLOSING: Row[] = [
  { type: 'begin group', name: 'G_NEED', vi: 'Mong đợi của Ông/Bà: cơ quan cần cải thiện các nội dung sau ở mức nào?', en: 'Your expectations: how much should the agency improve the following?', appearance: 'field-list', relevant: ELIGIBLE },
  ...NEEDS.map(addressed).map((i): Row => ({ type: 'select_one need3', name: i.id, vi: i.vi, en: i.en, required: true, appearance: 'likert' })),
  { type: 'end group' },
  { type: 'text', name: 'OPEN', vi: 'Ý kiến khác (xin ghi cụ thể):', en: 'Other comments (please specify):', appearance: 'multiline', relevant: ELIGIBLE },
];
