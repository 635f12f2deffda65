/**
 * A minimal WordprocessingML document as Word writes it: paragraphs, tables with horizontal merges (`w:gridSpan`)
 * and vertical merges (`w:vMerge restart/continue`), inline PNG pictures. Enough for mammoth and LibreOffice.
 */
import type { Grid, GridCell } from '../../extract/html/grid.ts';
import { writeZip } from './zip-writer.ts';

export type DocxBlock =
  | { readonly kind: 'para'; readonly text: string; readonly align: 'left' | 'center' | 'right'; readonly bold: boolean }
  | {
      readonly kind: 'table';
      readonly grid: Grid;
      /** Leading rows Word repeats at the top of every page (`w:tblHeader`). */
      readonly headerRows?: number;
      /** Cell XML as Word leaves it after editing: text cut into runs (revision ids, spell-check marks, a `_GoBack` bookmark), long labels typed over two paragraphs. */
      readonly wordNoise?: boolean;
    }
  | { readonly kind: 'image'; readonly png: Buffer; readonly width: number; readonly height: number };

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

function run(text: string, bold = false, size = 24): string {
  return `<w:r><w:rPr><w:rFonts w:ascii="SimSun" w:eastAsia="SimSun" w:hAnsi="SimSun"/>${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function paragraph(text: string, align: string, bold = false, size = 24): string {
  const jc = align === 'left' ? '' : `<w:jc w:val="${align}"/>`;
  const ind = align === 'left' ? '<w:ind w:firstLine="480"/>' : '';
  return `<w:p><w:pPr>${jc}${ind}</w:pPr>${run(text, bold, size)}</w:p>`;
}

/** Text as Word stores it after edits: runs of one to three characters, some with revision ids or a proofing mark. */
function noisyRuns(text: string, seed: number): string {
  const out: string[] = [];
  const chars = [...text];
  for (let i = 0, n = seed; i < chars.length; n += 1) {
    const len = 1 + (n % 3);
    const piece = chars.slice(i, i + len).join('');
    const rsid = n % 2 === 0 ? ` w:rsidR="00${(4096 + n * 37).toString(16).toUpperCase()}A1"` : '';
    const mark = n % 4 === 1 ? '<w:proofErr w:type="spellStart"/>' : '';
    out.push(`${mark}<w:r${rsid}><w:rPr><w:rFonts w:ascii="SimSun" w:eastAsia="SimSun" w:hAnsi="SimSun" w:hint="eastAsia"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:t xml:space="preserve">${esc(piece)}</w:t></w:r>`);
    i += len;
  }
  return out.join('');
}

function cellParagraphs(c: GridCell, wordNoise: boolean): string {
  const p = (body: string): string => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${body}</w:p>`;
  if (!wordNoise) return p(run(c.text, false, 18));
  const chars = [...c.text];
  const seed = c.row * 7 + c.col;
  const bookmark = seed === 3 ? '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>' : '';
  // A long label typed over two lines with Enter: two paragraphs in the cell.
  if (chars.length > 10 && !/^[\d.]+$/.test(c.text)) {
    const half = Math.ceil(chars.length / 2);
    return p(bookmark + noisyRuns(chars.slice(0, half).join(''), seed)) + p(noisyRuns(chars.slice(half).join(''), seed + 1));
  }
  return p(bookmark + noisyRuns(c.text, seed));
}

function cell(c: GridCell, width: number, vMerge: 'restart' | 'continue' | null, wordNoise = false): string {
  const span = c.colSpan > 1 ? `<w:gridSpan w:val="${c.colSpan}"/>` : '';
  const merge = vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge === 'continue' ? '<w:vMerge/>' : '';
  const body = vMerge === 'continue' ? '<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>' : cellParagraphs(c, wordNoise);
  return `<w:tc><w:tcPr><w:tcW w:w="${width * c.colSpan}" w:type="dxa"/>${span}${merge}<w:vAlign w:val="center"/></w:tcPr>${body}</w:tc>`;
}

function table(grid: Grid, headerRows = 0, wordNoise = false): string {
  const width = Math.floor(9000 / Math.max(1, grid.colCount));
  const border = (side: string): string => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
  const cols = Array.from({ length: grid.colCount }, () => `<w:gridCol w:w="${width}"/>`).join('');
  const rows = grid.slots.map((slots, r) => {
    const tcs: string[] = [];
    for (let c = 0; c < grid.colCount; ) {
      const slot = slots[c];
      if (slot === null || slot === undefined) {
        tcs.push(`<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p/></w:tc>`);
        c += 1;
        continue;
      }
      const vMerge = slot.rowSpan > 1 ? (slot.row === r ? 'restart' : 'continue') : null;
      tcs.push(cell(slot, width, vMerge, wordNoise));
      c += slot.colSpan;
    }
    return `<w:tr>${r < headerRows ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${tcs.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>${borders}</w:tblPr><w:tblGrid>${cols}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

function picture(rid: string, id: number, widthPx: number, heightPx: number): string {
  const cx = Math.round((15.5 / 2.54) * 914400);
  const cy = Math.round((cx * heightPx) / widthPx);
  return (
    `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:docPr id="${id}" name="Picture ${id}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="table${id}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}

export async function writeDocx(blocks: readonly DocxBlock[]): Promise<Buffer> {
  const media: { name: string; data: Buffer; rid: string }[] = [];
  const body = blocks.map((b) => {
    if (b.kind === 'para') return paragraph(b.text, b.align, b.bold, b.bold ? 32 : 24);
    if (b.kind === 'table') return table(b.grid, b.headerRows, b.wordNoise);
    const n = media.length + 1;
    const rid = `rIdImg${n}`;
    media.push({ name: `image${n}.png`, data: b.png, rid });
    return picture(rid, n, b.width, b.height);
  });
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1300" w:bottom="1440" w:left="1300" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const rels = media.map((m) => `<Relationship Id="${m.rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/${m.name}"/>`).join('');
  return writeZip([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="png" ContentType="image/png"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: document },
    { name: 'word/_rels/document.xml.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    ...media.map((m) => ({ name: `word/media/${m.name}`, data: m.data })),
  ]);
}
