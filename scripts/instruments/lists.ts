// Coded answer lists of the built-in instruments (DOMAIN.md "Answer scales" and the lists the
// fieldwork conventions need). Codes 8 and 9 are the declared missing codes (not applicable,
// don't know / refused): an ordinary answer must never use them, so longer lists skip them.

export interface Option { name: string | number; vi: string; en: string }

const NA: Option = { name: 8, vi: 'Không áp dụng', en: 'Not applicable' };
const DK: Option = { name: 9, vi: 'Không biết, không trả lời', en: "Don't know, refused" };

export const LISTS: Record<string, Option[]> = {
  // Fieldwork conventions the app relies on (intro/consent, mode, location).
  consent: [
    { name: 1, vi: 'Đồng ý', en: 'Agree' },
    { name: 2, vi: 'Không đồng ý', en: 'Decline' },
  ],
  interview_mode: [
    { name: 1, vi: 'Trực tiếp', en: 'Face-to-face' },
    { name: 2, vi: 'Điện thoại', en: 'Phone' },
  ],
  location_type: [
    { name: 1, vi: 'Tại bộ phận một cửa', en: 'At the one-stop desk' },
    { name: 2, vi: 'Tại hộ gia đình', en: 'At the household' },
  ],
  yn: [
    { name: 1, vi: 'Có', en: 'Yes' },
    { name: 2, vi: 'Không', en: 'No' },
  ],
  // Service use in the reference period: only 1 rates services; 3 "never" can never reach them.
  use: [
    { name: 1, vi: 'Có, trong 12 tháng qua', en: 'Yes, in the last 12 months' },
    { name: 2, vi: 'Có, nhưng đã hơn 12 tháng', en: 'Yes, but more than 12 months ago' },
    { name: 3, vi: 'Chưa từng', en: 'Never' },
  ],
  // Administrative fields (lĩnh vực thủ tục hành chính), codes from 11 so none is a missing code.
  fields: [
    { name: 11, vi: 'Đất đai', en: 'Land' },
    { name: 12, vi: 'Hộ tịch (khai sinh, kết hôn, khai tử…)', en: 'Civil status (birth, marriage, death…)' },
    { name: 13, vi: 'Chứng thực', en: 'Certification of copies and signatures' },
    { name: 14, vi: 'Xây dựng', en: 'Construction' },
    { name: 15, vi: 'Đăng ký kinh doanh', en: 'Business registration' },
    { name: 16, vi: 'Tư pháp (lý lịch tư pháp, quốc tịch…)', en: 'Justice (criminal records, nationality…)' },
    { name: 17, vi: 'Lao động – thương binh xã hội', en: 'Labour, war invalids and social affairs' },
    { name: 18, vi: 'Cư trú, căn cước', en: 'Residence and identity cards' },
    { name: 19, vi: 'Thuế', en: 'Tax' },
    { name: 20, vi: 'Giáo dục và đào tạo', en: 'Education and training' },
    { name: 21, vi: 'Y tế, bảo hiểm y tế', en: 'Health and health insurance' },
    { name: 22, vi: 'Tài nguyên và môi trường', en: 'Natural resources and environment' },
    { name: 23, vi: 'Giao thông vận tải', en: 'Transport' },
    { name: 24, vi: 'Nông nghiệp', en: 'Agriculture' },
    { name: 25, vi: 'Văn hóa, thể thao, du lịch', en: 'Culture, sport and tourism' },
    { name: 26, vi: 'Công thương', en: 'Industry and trade' },
    { name: 27, vi: 'Đầu tư', en: 'Investment' },
    // Named `other` so the runtime's or_other asks for `META_FIELD_other` when it is chosen.
    { name: 'other', vi: 'Khác (ghi rõ)', en: 'Other (specify)' },
  ],
  // DOMAIN.md scales and items.
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
  submit_mode: [
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
