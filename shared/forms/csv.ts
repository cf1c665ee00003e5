// The one CSV reader (RFC 4180: quoted fields with "" escapes and line breaks inside, CRLF or LF,
// a leading BOM dropped) for every CSV KhaoSat reads: unit frames and agency lists (strict: an
// unterminated quote or a ragged row is an error naming the line) and the CSVs a form ships
// with for pulldata and select_*_from_file (`lenient`, as pyxform's readers: rows of any width,
// blank rows dropped, an unterminated quote read to the end).
export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'CsvError';
  }
}

export function parseCsv(text: string, options: { lenient?: boolean } = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += ch;
  }
  if (quoted && !options.lenient) throw new CsvError(line, `Dấu ngoặc kép chưa đóng ở dòng ${line}.`, `Unterminated quote at line ${line}.`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  if (options.lenient) return rows.filter((r) => r.some((f) => f.trim() !== ''));
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, k) => {
    if (r.length !== width) {
      throw new CsvError(k + 1, `Dòng ${k + 1} có ${r.length} cột, cần ${width}.`, `Line ${k + 1} has ${r.length} columns, expected ${width}.`);
    }
  });
  return rows;
}
