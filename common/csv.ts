/**
 * CSV (RFC 4180) lines and parsing, shared by the exports, `query --csv` and the page's downloads: CRLF line ends,
 * fields quoted when they hold a comma, quote or line break; NULL is an empty field, an empty string is `""`, so the
 * two stay distinct; booleans are 1 / 0. Files start with a UTF-8 byte-order mark (`UTF8_BOM`): without it, Excel on
 * a Chinese Windows machine reads UTF-8 as GBK and garbles every label.
 */
export type CsvValue = string | number | boolean | null;

export const UTF8_BOM = '\uFEFF';

function field(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  return value === '' || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

/** Parses CSV written as above (a leading byte-order mark is skipped): each field is a string, or null for an unquoted empty field. */
export function parseCsv(input: string): (string | null)[][] {
  const text = input.startsWith(UTF8_BOM) ? input.slice(1) : input;
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let end = i + 1;
      let out = '';
      for (;;) {
        const close = text.indexOf('"', end);
        if (close === -1) throw new Error(`unterminated quoted field at offset ${i}`);
        out += text.slice(end, close);
        if (text[close + 1] === '"') {
          out += '"';
          end = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      value = out;
    } else {
      const stop = text.slice(i).search(/[,\r\n]/);
      const end = stop === -1 ? text.length : i + stop;
      value = end === i ? null : text.slice(i, end);
      i = end;
    }
    row.push(value);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text.startsWith('\r\n', i)) i += 2;
    else if (text[i] === '\n') i += 1;
    rows.push(row);
    row = [];
  }
  return rows;
}
