// Says what a file handed to `form check` / `form run` really is, from its first bytes, so a
// designer who picked a legacy .xls, a password-protected workbook, a CSV renamed .xlsx or a Word
// file gets one message naming it and what to do, instead of a zip-library error.

/** What the bytes are. Only `xlsx` goes on to the workbook reader. */
export type FormFileKind =
  | { kind: 'xlsx' }
  | { kind: 'empty' }
  | { kind: 'legacy_xls' }
  | { kind: 'legacy_office' }
  | { kind: 'encrypted_workbook' }
  | { kind: 'zip'; is: 'ods' | 'xlsb' | 'docx' | 'pptx' | 'other' }
  | { kind: 'text'; is: 'json' | 'csv' | 'html' | 'text' }
  | { kind: 'document'; is: 'pdf' | 'png' | 'jpeg' }
  | { kind: 'unknown'; head: string };

// Compound File Binary (OLE2): .xls, .doc, and an encrypted OOXML package.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Directory entry names in an OLE2 file are UTF-16LE; look for either spelling. */
function containsName(bytes: Uint8Array, name: string): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buf.includes(Buffer.from(name, 'utf16le')) || buf.includes(Buffer.from(name, 'latin1'));
}

/** Zip entry names are stored as plain bytes in the local and central headers. */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'latin1'));
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length < bytes.length ? trimPartialUtf8(head) : head);
    return true;
  } catch {
    return false;
  }
}

/** Drops a UTF-8 sequence cut in half at the end of a sample. */
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i]!;
    if ((c & 0xc0) === 0x80) continue;
    if (c >= 0xc0) end -= i;
    break;
  }
  return b.subarray(0, end);
}

function textKind(bytes: Uint8Array): 'json' | 'csv' | 'html' | 'text' {
  const head = new TextDecoder().decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^<(!doctype html|html|\?xml|table)/i.test(head)) return 'html';
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (/[,;\t]/.test(firstLine)) return 'csv';
  return 'text';
}

export function sniffFormFile(bytes: Uint8Array): FormFileKind {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, OLE2)) {
    // A password-protected .xlsx/.xlsm is an OLE2 file holding EncryptionInfo + EncryptedPackage.
    if (containsName(bytes, 'EncryptedPackage') || containsName(bytes, 'EncryptionInfo')) return { kind: 'encrypted_workbook' };
    if (containsName(bytes, 'Workbook') || containsName(bytes, 'Book')) return { kind: 'legacy_xls' };
    return { kind: 'legacy_office' };
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) {
    if (containsAscii(bytes, 'xl/workbook.xml')) return { kind: 'xlsx' };
    if (containsAscii(bytes, 'xl/workbook.bin')) return { kind: 'zip', is: 'xlsb' };
    if (containsAscii(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'zip', is: 'ods' };
    if (containsAscii(bytes, 'word/document.xml')) return { kind: 'zip', is: 'docx' };
    if (containsAscii(bytes, 'ppt/presentation.xml')) return { kind: 'zip', is: 'pptx' };
    return { kind: 'zip', is: 'other' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'document', is: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'document', is: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'document', is: 'jpeg' };
  if (looksLikeText(bytes)) return { kind: 'text', is: textKind(bytes) };
  const head = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
  return { kind: 'unknown', head };
}

const SAVE_AS_VI = 'Mở tệp trong Excel hoặc LibreOffice và chọn Lưu thành (Save As) "Sổ làm việc Excel (.xlsx)".';
const SAVE_AS_EN = 'Open it in Excel or LibreOffice and Save As "Excel Workbook (.xlsx)".';

/** The one message for a file that is not an .xlsx workbook: what it is, then what to do. */
export function describeNotXlsx(name: string, what: Exclude<FormFileKind, { kind: 'xlsx' }>): { code: 'legacy_xls' | 'encrypted_workbook' | 'empty_file' | 'not_xlsx'; vi: string; en: string } {
  switch (what.kind) {
    case 'empty':
      return { code: 'empty_file', vi: `${name} là tệp rỗng (0 byte). Hãy chọn đúng tệp phiếu .xlsx.`, en: `${name} is empty (0 bytes). Choose the questionnaire's .xlsx file.` };
    case 'legacy_xls':
      return {
        code: 'legacy_xls',
        vi: `${name} là sổ Excel 97–2003 (.xls) kiểu cũ; KhaoSat chỉ đọc .xlsx. ${SAVE_AS_VI}`,
        en: `${name} is a legacy Excel 97–2003 workbook (.xls); KhaoSat reads .xlsx only. ${SAVE_AS_EN}`,
      };
    case 'legacy_office':
      return {
        code: 'not_xlsx',
        vi: `${name} là tài liệu Office kiểu cũ (OLE2, không phải sổ Excel). Hãy chọn tệp phiếu .xlsx.`,
        en: `${name} is a legacy Office document (OLE2), not an Excel workbook. Choose the questionnaire's .xlsx file.`,
      };
    case 'encrypted_workbook':
      return {
        code: 'encrypted_workbook',
        vi: `${name} là sổ Excel có mật khẩu (đã mã hoá); KhaoSat không mở được. Mở trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hoá bằng mật khẩu, để trống) rồi lưu lại dạng .xlsx.`,
        en: `${name} is a password-protected (encrypted) Excel workbook, which KhaoSat cannot open. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, leave it empty) and save it again as .xlsx.`,
      };
    case 'zip': {
      const is = {
        ods: ['bảng tính OpenDocument (.ods)', 'an OpenDocument spreadsheet (.ods)'],
        xlsb: ['sổ Excel nhị phân (.xlsb)', 'a binary Excel workbook (.xlsb)'],
        docx: ['tài liệu Word (.docx)', 'a Word document (.docx)'],
        pptx: ['bản trình chiếu PowerPoint (.pptx)', 'a PowerPoint presentation (.pptx)'],
        other: ['tệp nén zip, không phải sổ Excel', 'a zip archive, not an Excel workbook'],
      }[what.is];
      const spreadsheet = what.is === 'ods' || what.is === 'xlsb';
      return {
        code: 'not_xlsx',
        vi: `${name} là ${is[0]}, không phải .xlsx. ${spreadsheet ? SAVE_AS_VI : 'Hãy chọn tệp phiếu .xlsx.'}`,
        en: `${name} is ${is[1]}, not an .xlsx workbook. ${spreadsheet ? SAVE_AS_EN : "Choose the questionnaire's .xlsx file."}`,
      };
    }
    case 'text': {
      if (what.is === 'json') {
        return {
          code: 'not_xlsx',
          vi: `${name} là tệp văn bản JSON, không phải sổ Excel .xlsx. Nếu đó là phiếu đã biên dịch, hãy đặt đuôi .json.`,
          en: `${name} is a JSON text file, not an .xlsx workbook. If it is a compiled form, name it .json.`,
        };
      }
      const is = { csv: ['văn bản CSV', 'a CSV text file'], html: ['trang HTML/XML', 'an HTML/XML text file'], text: ['tệp văn bản', 'a text file'] }[what.is];
      return {
        code: 'not_xlsx',
        vi: `${name} là ${is[0]} (có lẽ bị đổi tên), không phải sổ Excel .xlsx. ${SAVE_AS_VI}`,
        en: `${name} is ${is[1]} (perhaps renamed), not an .xlsx workbook. ${SAVE_AS_EN}`,
      };
    }
    case 'document': {
      const is = { pdf: ['tài liệu PDF', 'a PDF document'], png: ['ảnh PNG', 'a PNG image'], jpeg: ['ảnh JPEG', 'a JPEG image'] }[what.is];
      return {
        code: 'not_xlsx',
        vi: `${name} là ${is[0]} (có lẽ bị đổi tên), không phải sổ Excel .xlsx. Hãy chọn tệp phiếu .xlsx.`,
        en: `${name} is ${is[1]} (perhaps renamed), not an .xlsx workbook. Choose the questionnaire's .xlsx file.`,
      };
    }
    case 'unknown':
      return {
        code: 'not_xlsx',
        vi: `${name} không phải sổ Excel .xlsx (bắt đầu bằng các byte ${what.head}). Hãy chọn tệp phiếu .xlsx.`,
        en: `${name} is not an .xlsx workbook (it starts with bytes ${what.head}). Choose the questionnaire's .xlsx file.`,
      };
  }
}
