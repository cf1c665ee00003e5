// A small interview form exercising what the questionnaire screen must handle: consent, a skip
// branch, a field-list page with a satisfaction grid (DK/N/A allowed), every entered type, a repeat.
import { formOf, SAT5 } from '../shared/engine/runtime/formFixture';

const SAT_VI: Record<number, string> = { 1: 'Rất không hài lòng', 2: 'Không hài lòng', 3: 'Bình thường', 4: 'Hài lòng', 5: 'Rất hài lòng', 8: 'Không áp dụng', 9: 'Không biết' };
const SAT_EN: Record<number, string> = { 1: 'Very dissatisfied', 2: 'Dissatisfied', 3: 'Neutral', 4: 'Satisfied', 5: 'Very satisfied', 8: 'Not applicable', 9: "Don't know" };

export const interviewForm = formOf(
  [
    { type: 'note', name: 'intro', 'label::Tiếng Việt (vi)': 'Xin chào Ông/Bà', 'label::English (en)': 'Hello' },
    { type: 'select_one yn', name: 'used', 'label::Tiếng Việt (vi)': 'Ông/Bà đã dùng dịch vụ chưa?', 'label::English (en)': 'Have you used the service?', required: 'yes' },
    { type: 'begin group', name: 'G_SAT', 'label::Tiếng Việt (vi)': 'Đánh giá dịch vụ', 'label::English (en)': 'Rating the service', appearance: 'field-list', relevant: "${used} = '1'" },
    { type: 'select_one sat5', name: 'ACC1', appearance: 'likert', 'label::Tiếng Việt (vi)': 'Thông tin dễ hiểu', 'label::English (en)': 'Information easy to understand', required: 'yes' },
    { type: 'select_one sat5', name: 'ACC2', appearance: 'likert', 'label::Tiếng Việt (vi)': 'Biển hiệu rõ ràng', 'label::English (en)': 'Clear signs', required: 'yes' },
    { type: 'select_one sat5', name: 'ACC3', appearance: 'likert', 'label::Tiếng Việt (vi)': 'Trụ sở sạch sẽ', 'label::English (en)': 'Clean office', required: 'yes' },
    { type: 'end group' },
    { type: 'begin group', name: 'G_ABOUT', 'label::Tiếng Việt (vi)': 'Về Ông/Bà', 'label::English (en)': 'About you' },
    { type: 'integer', name: 'age', 'label::Tiếng Việt (vi)': 'Tuổi', 'label::English (en)': 'Age', required: 'yes', constraint: '. >= 18', 'constraint_message::Tiếng Việt (vi)': 'Từ 18 tuổi trở lên', 'constraint_message::English (en)': '18 or older', 'hint::Tiếng Việt (vi)': 'Tuổi tròn', 'hint::English (en)': 'Completed years' },
    { type: 'decimal', name: 'fee', 'label::Tiếng Việt (vi)': 'Lệ phí (nghìn đồng)', 'label::English (en)': 'Fee (thousand dong)' },
    { type: 'text', name: 'comment', 'label::Tiếng Việt (vi)': 'Ý kiến', 'label::English (en)': 'Comment' },
    { type: 'date', name: 'visit', 'label::Tiếng Việt (vi)': 'Ngày đến', 'label::English (en)': 'Visit date' },
    { type: 'time', name: 'arrive', 'label::Tiếng Việt (vi)': 'Giờ đến', 'label::English (en)': 'Arrival time' },
    { type: 'datetime', name: 'done', 'label::Tiếng Việt (vi)': 'Lúc xong', 'label::English (en)': 'Finished at' },
    { type: 'select_multiple ch', name: 'channels', 'label::Tiếng Việt (vi)': 'Kênh thông tin', 'label::English (en)': 'Channels' },
    { type: 'acknowledge', name: 'ack', 'label::Tiếng Việt (vi)': 'Đã đọc cam kết', 'label::English (en)': 'Read the pledge' },
    { type: 'end group' },
    { type: 'begin repeat', name: 'roster', 'label::Tiếng Việt (vi)': 'Người đi cùng', 'label::English (en)': 'Companions' },
    { type: 'text', name: 'pname', 'label::Tiếng Việt (vi)': 'Tên', 'label::English (en)': 'Name' },
    { type: 'end repeat' },
    { type: 'calculate', name: 'outcome', calculation: "if(${used} = '1', 'user', 'nonuser')" },
  ],
  [
    { list_name: 'yn', name: 1, 'label::Tiếng Việt (vi)': 'Có', 'label::English (en)': 'Yes' },
    { list_name: 'yn', name: 2, 'label::Tiếng Việt (vi)': 'Không', 'label::English (en)': 'No' },
    ...SAT5.map((c) => ({ list_name: c.list_name as string, name: c.name as number, 'label::Tiếng Việt (vi)': SAT_VI[c.name as number] as string, 'label::English (en)': SAT_EN[c.name as number] as string })),
    { list_name: 'ch', name: 'tv', 'label::Tiếng Việt (vi)': 'Tivi', 'label::English (en)': 'TV' },
    { list_name: 'ch', name: 'web', 'label::Tiếng Việt (vi)': 'Trang web', 'label::English (en)': 'Website' },
    { list_name: 'ch', name: 'zalo', 'label::Tiếng Việt (vi)': 'Zalo', 'label::English (en)': 'Zalo' },
  ],
  { form_id: 'ui', version: '1', default_language: 'Tiếng Việt (vi)', missing_codes: '8=not_applicable 9=dont_know' },
);
