// The method of docs/indices.md in plain words, for readers of the printed report who will not
// read the formulas. Keep in step with docs/indices.md when the method changes.
export function MethodNotes() {
  return (
    <section id="phuong-phap" aria-labelledby="h-phuong-phap" className="method">
      <h2 id="h-phuong-phap">5. Phương pháp tính</h2>
      <ul>
        <li>
          <strong>Phỏng vấn được tính:</strong> phỏng vấn đã hoàn thành, lấy phiên bản mới nhất nhận được; phỏng vấn có hai phiên bản khác nhau cùng số hiệu (xung đột) và phỏng vấn không hoàn thành
          (từ chối, vắng nhà…) không được tính và được nêu số lượng ở phần 1.
        </li>
        <li>
          <strong>Chỉ số của một câu hỏi</strong> là tỷ lệ người trả lời “hài lòng” hoặc “rất hài lòng” (mức 4, 5 trên thang 1–5) trong số người trả lời hợp lệ câu đó. Các câu trả lời “không biết”,
          “từ chối”, “không áp dụng”, câu được bỏ qua theo logic của phiếu và câu để trống không được tính vào mẫu số. Báo cáo kèm điểm trung bình (TB) trên thang 1–5.
        </li>
        <li>
          <strong>Chỉ số thành phần</strong> (tiếp cận, thủ tục hành chính, công chức, kết quả, phản ánh kiến nghị…) là trung bình các chỉ số câu hỏi của thành phần đó.{' '}
          <strong>Chỉ số hài lòng chung</strong> là trung bình các chỉ số thành phần. Một thành phần không có câu trả lời hợp lệ nào ở một đơn vị thì được bỏ ra khỏi chỉ số chung của đơn vị đó.
        </li>
        <li>
          <strong>n</strong> là số người trả lời có ít nhất một câu trả lời hợp lệ (với câu hỏi: số câu trả lời hợp lệ).
        </li>
        <li>
          <strong>Khoảng tin cậy 95%</strong> (đoạn ngang trên biểu đồ) cho biết độ chính xác của chỉ số do chỉ hỏi một mẫu người dân: nếu lặp lại khảo sát nhiều lần, khoảng tính theo cách này chứa
          giá trị thật trong khoảng 95% số lần. Đơn vị có ít người trả lời có khoảng rộng hơn. Hai đơn vị có khoảng tin cậy chồng lên nhau nhiều thì chưa đủ căn cứ để nói đơn vị nào tốt hơn; thứ hạng
          giữa các đơn vị như vậy cần được đọc thận trọng.
        </li>
        <li>
          Cách tính khoảng: với câu hỏi, khoảng Wilson; với thành phần và chỉ số chung, phương pháp tuyến tính hóa (Taylor) như các phần mềm thống kê điều tra (R survey, Stata svy), đưa về dạng Wilson
          theo cỡ mẫu hiệu dụng. Người trả lời được coi như chọn độc lập trong mỗi nhóm; không hiệu chỉnh tổng thể hữu hạn, không tính phân tầng, nên khoảng có phần rộng (thận trọng).
        </li>
        <li>
          <strong>Làm tròn:</strong> mọi phép tính dùng số đầy đủ; chỉ số và khoảng tin cậy được làm tròn ở bước cuối đến 0,1 điểm phần trăm, điểm trung bình đến 0,01.
        </li>
      </ul>
      <p className="source">Chi tiết công thức: tài liệu docs/indices.md của KhaoSat.</p>
    </section>
  );
}
