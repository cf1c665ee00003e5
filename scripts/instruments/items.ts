// The seed items of DOMAIN.md "Items", Vietnamese wording verbatim (including where it has no
// final full stop), with our English. The survey sheet shows them through `addressed` below, so
// a representative of an organisation or business reads "tổ chức, doanh nghiệp" where a citizen
// reads "người dân"; a citizen's rendered label is exactly the text written here.

export interface Item { id: string; vi: string; en: string }
export interface Component { id: string; vi: string; en: string; items: Item[] }

export const COMPONENTS: Component[] = [
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

export const OVERALL: Item = { id: 'OVERALL', vi: 'Nhìn chung, Ông/Bà hài lòng như thế nào đối với sự phục vụ của cơ quan khi giải quyết thủ tục hành chính?', en: "Overall, how satisfied are you with the agency's service in handling your procedure?" };

// DOMAIN.md "Optional policy block" (block I of Decision 1001): about local people in general,
// so it is not re-addressed to organisations.
export const POLICY: Item[] = [
  { id: 'POL1', vi: 'Cơ quan nhà nước cung cấp, giải thích thông tin về các chính sách theo nhiều hình thức, giúp mọi người dân dễ tìm, dễ thấy', en: 'State agencies provide and explain information on policies in many forms, easy for everyone to find and see.' },
  { id: 'POL2', vi: 'Cơ quan nhà nước tổ chức xin ý kiến góp ý của người dân đối với các chính sách theo nhiều hình thức, giúp mọi người dân tham gia góp ý kiến dễ dàng', en: 'State agencies consult citizens on policies in many forms, making it easy for everyone to comment.' },
  { id: 'POL3', vi: 'Chính sách của địa phương đã góp phần giúp cho chất lượng cuộc sống của người dân địa phương ngày càng tốt hơn trong thời gian qua.', en: 'Local policies have helped improve the quality of life of local people in recent times.' },
];

export const NEEDS: Item[] = [
  { id: 'NEED1', vi: 'Nâng cao hơn nữa thái độ phục vụ của cán bộ, công chức, viên chức đối với người dân.', en: "Further improve staff's service attitude." },
  { id: 'NEED2', vi: 'Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số trong giải quyết công việc cho người dân.', en: "Expand IT use and digital transformation in handling citizens' business." },
  { id: 'NEED3', vi: 'Nâng cao hơn nữa chất lượng tiếp nhận, giải quyết ý kiến góp ý, phản ánh, kiến nghị của người dân.', en: 'Further improve handling of comments, feedback and petitions.' },
];

/**
 * Calculates (in the screening group, after DEM_TYPE) that address the respondent: citizens get
 * DOMAIN.md's words, a representative of an organisation or business (DEM_TYPE = 2) the
 * organisation's. The app shows labels through the runtime's renderLabel, which fills them in.
 */
export const ADDRESS = {
  R_WHO: ['người dân', 'tổ chức, doanh nghiệp'],
  R_YOU: ['Ông/Bà', 'tổ chức, doanh nghiệp của Ông/Bà'],
  R_YOU_EN: ['you', 'your organisation or business'],
  R_WHOSE_EN: ["citizens'", "organisations' and businesses'"],
} as const;

/** An item's labels with the respondent-dependent words replaced by `${R_…}` references. */
export function addressed(i: Item): Item {
  return { ...i, vi: i.vi.replaceAll('người dân', '${R_WHO}'), en: i.en.replaceAll("citizens'", '${R_WHOSE_EN}') };
}
