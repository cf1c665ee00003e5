// Writes the built-in instruments (shared/instruments/*.xlsx) from the typed tables in
// scripts/instruments/ and the frame data in shared/instruments/units/, so the spreadsheets are
// reproducible from a clean clone and every wording change is reviewable in code.
// Run: npx tsx scripts/make-instruments.ts (then commit the .xlsx files it rewrites).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { agencyChoices, CHOICE_EXTRA_COLUMNS, readUnits, unitChoices } from './instruments/frame';
import { COMPONENTS, POLICY } from './instruments/items';
import { LISTS } from './instruments/lists';
import {
  type Cell, CLOSING, DEMOGRAPHICS, ELIGIBLE, EN, EXPERIENCE, type Intro, META, opening, OVERALL_ROW, PERCEPTION,
  type Row, SCREEN, SERVICE, SERVICE_INFO, sat5Group, SURVEY_HEADER, toCells, VI,
} from './instruments/survey';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const INDEX_HEADER = ['component', `label::${VI}`, `label::${EN}`, 'question', 'weight'];
const indexRows = (): Cell[][] => COMPONENTS.flatMap((c) => [
  [c.id, c.vi, c.en, null, 1] as Cell[],
  ...c.items.map((i): Cell[] => [c.id, null, null, i.id, 1]),
]);

export interface Instrument { file: string; settings: Record<string, string>; survey: Row[]; lists: string[] }
// 2025.2: consent and outcome, eligibility screen, service-use filter, agency and field lists,
// interview mode and location, business-respondent wording (issue 7).
const SETTINGS_BASE = { version: '2025.2', default_language: VI, missing_codes: '8=not_applicable 9=dont_know', index_satisfied: '4 5', index_valid: '1-5', instance_name: "concat(${META_UNIT}, ' ', ${META_ENUM}, ' ', ${META_DATE})" };
const COMMON_LISTS = ['consent', 'interview_mode', 'location_type', 'yn', 'use', 'fields', 'sat5', 'need3', 'yesno', 'site', 'resp_type', 'sex', 'age', 'eth', 'edu', 'occ', 'submit_mode'];

// Purpose, confidentiality, voluntary participation: read out before `consent`.
const PRIVACY_VI = 'Mọi thông tin Ông/Bà cung cấp được giữ bí mật, chỉ dùng cho mục đích thống kê và chỉ công bố dưới dạng số liệu tổng hợp, không nêu tên người trả lời. Việc tham gia là hoàn toàn tự nguyện: Ông/Bà có thể từ chối, bỏ qua bất kỳ câu hỏi nào hoặc dừng phỏng vấn bất cứ lúc nào. Phỏng vấn mất khoảng 15 phút.';
const PRIVACY_EN = 'Everything you tell us is kept confidential, used only for statistics and published only as totals, never with your name. Taking part is entirely voluntary: you may decline, skip any question or stop at any time. The interview takes about 15 minutes.';
const HIDS_INTRO: Intro = {
  vi: `Xin chào Ông/Bà. Viện Nghiên cứu phát triển Thành phố Hồ Chí Minh phối hợp với Sở Nội vụ khảo sát sự hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính nhà nước, để các cơ quan phục vụ người dân, doanh nghiệp tốt hơn. ${PRIVACY_VI}`,
  en: `Hello. The Ho Chi Minh City Institute for Development Studies, with the Department of Home Affairs, is surveying how satisfied citizens and businesses are with the service of state administrative agencies, so that the agencies serve them better. ${PRIVACY_EN}`,
};
const MTTQ_INTRO: Intro = {
  vi: `Xin chào Ông/Bà. Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh khảo sát sự hài lòng của người dân, tổ chức đối với chính sách và sự phục vụ của cơ quan hành chính nhà nước các cấp, để kiến nghị các cơ quan phục vụ người dân, tổ chức tốt hơn. ${PRIVACY_VI}`,
  en: `Hello. The Vietnam Fatherland Front Committee of Ho Chi Minh City is surveying how satisfied citizens and organisations are with the policies and the service of state administrative agencies at every level, to recommend how the agencies can serve them better. ${PRIVACY_EN}`,
};

export const INSTRUMENTS: Instrument[] = [
  {
    file: 'hids-satisfaction.xlsx',
    settings: { form_title: 'Khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (HIDS)', [`form_title::${EN}`]: 'Citizen and organisation satisfaction with state administrative services (HIDS)', form_id: 'hids_satisfaction', ...SETTINGS_BASE },
    survey: [...opening(HIDS_INTRO), ...META, ...SCREEN, ...DEMOGRAPHICS, ...EXPERIENCE, ...SERVICE_INFO, ...SERVICE, OVERALL_ROW, ...CLOSING],
    lists: COMMON_LISTS,
  },
  {
    file: 'mttq-satisfaction.xlsx',
    settings: { form_title: 'Khảo sát sự hài lòng của người dân đối với chính sách và dịch vụ hành chính công (Ủy ban MTTQ)', [`form_title::${EN}`]: 'Citizen satisfaction with policies and public administrative services (Fatherland Front)', form_id: 'mttq_satisfaction', ...SETTINGS_BASE },
    survey: [
      ...opening(MTTQ_INTRO), ...META, ...SCREEN, ...DEMOGRAPHICS, ...EXPERIENCE,
      ...sat5Group('G_POLICY', 'Phần I. Xây dựng, tổ chức thực hiện chính sách', 'Part I. Making and implementing policies', POLICY, ELIGIBLE),
      { type: 'note', name: 'PART2_NOTE', vi: 'Phần II. Cung ứng dịch vụ hành chính công', en: 'Part II. Delivering administrative services', relevant: ELIGIBLE },
      ...SERVICE_INFO, ...SERVICE,
      // The Front's overall question follows the service items directly, before the harassment
      // and bribery questions, so those cannot colour it.
      OVERALL_ROW,
      ...PERCEPTION, ...CLOSING,
    ],
    lists: [...COMMON_LISTS, 'harass', 'bribe'],
  },
];

/** The sheets of one instrument as rows (first row = header), exactly as written to its .xlsx. */
export function instrumentSheets(inst: Instrument): Record<string, Cell[][]> {
  const units = readUnits(root);
  const blanks = CHOICE_EXTRA_COLUMNS.map(() => null);
  return {
    survey: [SURVEY_HEADER, ...inst.survey.map(toCells)],
    choices: [
      ['list_name', 'name', `label::${VI}`, `label::${EN}`, ...CHOICE_EXTRA_COLUMNS],
      ...inst.lists.flatMap((l) => {
        const options = LISTS[l];
        if (!options) throw new Error(`no list "${l}" in scripts/instruments/lists.ts`);
        return options.map((o): Cell[] => [l, o.name, o.vi, o.en, ...blanks]);
      }),
      ...unitChoices(units),
      ...agencyChoices(root, units),
    ],
    settings: [Object.keys(inst.settings), Object.values(inst.settings)],
    index: [INDEX_HEADER, ...indexRows()],
  };
}

/** When every entry of a generated .xlsx claims to be written (the zip format stores a time per entry). */
const FIXED_TIME = new Date(Date.UTC(2025, 6, 1));

/**
 * The .xlsx bytes of one instrument. ExcelJS stamps each zip entry with the current time, so the
 * archive is rebuilt with a fixed time: the same tables always give the same bytes, and a
 * regenerated file shows up in git only when its content changed.
 */
export async function instrumentXlsx(inst: Instrument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KhaoSat scripts/make-instruments.ts';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  for (const [name, rows] of Object.entries(instrumentSheets(inst))) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const raw = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const fixed = new JSZip();
  for (const name of Object.keys(raw.files).sort()) {
    const entry = raw.files[name]!;
    if (!entry.dir) fixed.file(name, await entry.async('uint8array'), { date: FIXED_TIME, createFolders: false });
  }
  return fixed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

// Run as a script (npx tsx scripts/make-instruments.ts), not when a test imports the tables.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const inst of INSTRUMENTS) {
    const out = join(root, 'shared', 'instruments', inst.file);
    writeFileSync(out, await instrumentXlsx(inst));
    console.log(`wrote ${out}`);
  }
}
