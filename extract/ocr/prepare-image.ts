/**
 * One image up to its table layouts: decode (limits from the header), deskew, grid detection, table layouts,
 * label crops. Throws SkipError for images that cannot hold a table.
 */
import { SkipError } from '../../common/errors.ts';
import { inkThreshold, insetBox, labelCrop } from './crops.ts';
import { decodeImage, type DecodedImage, type DecodeLimits } from './decode.ts';
import { deskew } from './deskew.ts';
import { toPgm, type GreyImage } from './grey-image.ts';
import { detectGrids, type GridCell } from './grid.ts';
import { layoutOf, type TableLayout } from './layout.ts';

export interface PreparedImage {
  readonly sourceId: string;
  readonly decoded: DecodedImage;
  /** The deskewed image all boxes refer to. */
  readonly image: GreyImage;
  readonly skewDegrees: number;
  readonly layouts: readonly TableLayout[];
  readonly ruleThickness: number;
  readonly warnings: readonly string[];
}

export async function prepareImage(bytes: Buffer, sourceId: string, limits?: DecodeLimits): Promise<PreparedImage> {
  const decoded = await decodeImage(bytes, sourceId, limits);
  const warnings: string[] = [];
  if (decoded.inverted) warnings.push(`${sourceId}: light-on-dark image, inverted`);
  let contrast = 0;
  for (let i = 0; i < decoded.data.length; i += 97) if (decoded.data[i]! < 128) contrast++;
  if (contrast === 0) throw new SkipError('E_OCR_NO_TABLE', `${sourceId} is blank`, { input: sourceId });
  const { image, angle } = await deskew(decoded);
  const grids = detectGrids(image);
  const layouts = grids.map(layoutOf).filter((l): l is TableLayout => l !== null);
  if (layouts.length === 0) {
    const why = grids.length === 0 ? 'no ruled table found' : `${grids.length} ruled grid(s), none shaped like tables 2, 3 or 4`;
    throw new SkipError('E_OCR_NO_TABLE', `${sourceId}: ${why}`, { input: sourceId });
  }
  const thicknesses = layouts.flatMap((l) => l.grid.hRules.map((r) => r.hi - r.lo + 1)).sort((a, b) => a - b);
  const ruleThickness = thicknesses[Math.floor(thicknesses.length / 2)] ?? 1;
  return { sourceId, decoded, image, skewDegrees: angle, layouts, ruleThickness, warnings };
}

/** PGM crops of the label cells of each layout (row labels, then the header), null where a cell is empty. */
export function labelCrops(prepared: PreparedImage): { layout: number; row: number | 'header'; crop: Buffer | null }[] {
  const img = prepared.image;
  const out: { layout: number; row: number | 'header'; crop: Buffer | null }[] = [];
  prepared.layouts.forEach((layout, li) => {
    const cells: GridCell[] = layout.rows.map((r) => r.label).filter((c): c is GridCell => c !== null);
    if (layout.header) cells.push(layout.header);
    const inset = Math.max(2, prepared.ruleThickness);
    const thr = inkThreshold(img, cells.map((c) => insetBox(c.box, inset)));
    layout.rows.forEach((r, ri) => {
      if (r.label === null) return;
      const crop = labelCrop(img, insetBox(r.label.box, inset), thr);
      out.push({ layout: li, row: ri, crop: crop === null ? null : toPgm(crop) });
    });
    if (layout.header) {
      const crop = labelCrop(img, insetBox(layout.header.box, inset), thr, 6);
      out.push({ layout: li, row: 'header', crop: crop === null ? null : toPgm(crop) });
    }
  });
  return out;
}
