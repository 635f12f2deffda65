/**
 * A minimal valid PDF 1.4 (one page, Helvetica text, exact xref offsets) standing in for the attachment that
 * holds a report's tables. Only ASCII text: it has to be a real, parseable PDF for the archive, not a readable one.
 */
import type { DemoReportSpec } from './report-spec.ts';

const escapePdfText = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`);

/** Build a one-page PDF showing the given ASCII lines. */
export function renderPdf(lines: readonly string[]): Buffer {
  const content = [
    'BT',
    '/F1 14 Tf',
    '72 760 Td',
    '18 TL',
    ...lines.map((l) => `(${escapePdfText(l.replace(/[^\x20-\x7e]/g, '?'))}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(out, 'latin1');
}

/** The attachment of a `pdf-attachment` report (and the source PDF of a flip-book). */
export function renderTablesPdf(spec: DemoReportSpec): Buffer {
  return renderPdf([`Tables 2-4 of ${spec.slug}`, `Report year ${spec.year}, template ${spec.template}`]);
}
