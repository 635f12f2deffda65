/**
 * One image up to its table layouts: decode (limits from the header), even out uneven lighting (flatten-light.ts),
 * straighten a photographed table (perspective.ts), deskew, turn by a quarter (orientation.ts), grid detection,
 * table layouts, label crops. Throws SkipError for images that cannot hold a table.
 *
 * Deskew is shared by the turns of one axis: a half turn changes neither the skew nor the projection it is measured
 * on, so 0° and 180° use one deskewed image and 90° and 270° another (measured on the image turned 90°: a table 4
 * lying sideways has only short rules across the horizontal projection, which misjudges the skew). A scan fed
 * sideways was rotated by sharp three times (0°, 180°, 90° tried); now twice.
 */
import { SkipError } from '../../common/errors.ts';
import { inkThreshold, insetBox, labelCrop } from './crops.ts';
import { decodeImage, type DecodedImage, type DecodeLimits } from './decode.ts';
import { deskew } from './deskew.ts';
import { flattenLighting } from './flatten-light.ts';
import { toPgm, type GreyImage } from './grey-image.ts';
import { detectGrids, type GridCell } from './grid.ts';
import type { Quad } from './homography.ts';
import { layoutOf, type TableLayout } from './layout.ts';
import { rotateQuarter, type Quarter } from './orientation.ts';
import { correctPerspective } from './perspective.ts';

export interface PreparedImage {
  readonly sourceId: string;
  readonly decoded: DecodedImage;
  /** The image all boxes refer to: the decoded one flattened, rectified, turned by `quarter` and deskewed. */
  readonly image: GreyImage;
  /** The table's corners in the decoded image when a photo's perspective was corrected, else null. */
  readonly perspective: Quad | null;
  readonly quarter: Quarter;
  readonly skewDegrees: number;
  readonly layouts: readonly TableLayout[];
  readonly ruleThickness: number;
  readonly warnings: readonly string[];
}

/** A decoded image made even and flat, before any turn: what every orientation is tried on. */
export interface BaseImage {
  readonly sourceId: string;
  readonly decoded: DecodedImage;
  readonly image: GreyImage;
  readonly perspective: Quad | null;
  readonly warnings: readonly string[];
  /** The image turned by `axis` (0 or 90) and deskewed, made once per axis. */
  deskewedFor(axis: 0 | 90): Promise<{ readonly image: GreyImage; readonly angle: number }>;
}

export async function prepareBase(bytes: Buffer, sourceId: string, limits?: DecodeLimits): Promise<BaseImage> {
  const decoded = await decodeImage(bytes, sourceId, limits);
  const warnings: string[] = [];
  if (decoded.inverted) warnings.push(`${sourceId}: light-on-dark image, inverted`);
  if (decoded.exifOrientation !== null) warnings.push(`${sourceId}: turned as its EXIF orientation ${decoded.exifOrientation} says`);
  let contrast = 0;
  for (let i = 0; i < decoded.data.length; i += 97) if (decoded.data[i]! < 128) contrast++;
  if (contrast === 0) throw new SkipError('E_OCR_NO_TABLE', `${sourceId} is blank`, { input: sourceId });
  const flat = flattenLighting(decoded);
  if (flat.flattened) warnings.push(`${sourceId}: uneven lighting evened out`);
  const straight = correctPerspective(flat.image);
  if (straight.quad !== null) warnings.push(`${sourceId}: perspective corrected (table corners ${straight.quad.map((p) => `${p.x},${p.y}`).join(' ')})`);
  const deskewed = new Map<0 | 90, ReturnType<BaseImage['deskewedFor']>>();
  const deskewedFor = (axis: 0 | 90): ReturnType<BaseImage['deskewedFor']> => {
    if (!deskewed.has(axis)) deskewed.set(axis, deskew(rotateQuarter(straight.image, axis)));
    return deskewed.get(axis)!;
  };
  return { sourceId, decoded, image: straight.image, perspective: straight.quad, warnings, deskewedFor };
}

/** A turn that shows a table, or why not: the SkipError to throw and how many ruled grids (of no table's shape) it has. */
export type TurnResult = { readonly prepared: PreparedImage } | { readonly prepared: null; readonly grids: number; readonly error: SkipError };

/** The base image turned by `quarter`, its grids and table layouts. */
export async function tryTurn(base: BaseImage, quarter: Quarter): Promise<TurnResult> {
  const { sourceId } = base;
  const warnings = [...base.warnings];
  if (quarter !== 0) warnings.push(`${sourceId}: turned ${quarter}° to read it upright`);
  const axis = quarter % 180 === 0 ? 0 : 90;
  const { image: straight, angle } = await base.deskewedFor(axis);
  const image = rotateQuarter(straight, (quarter - axis) as Quarter);
  const grids = detectGrids(image);
  const layouts = grids.map(layoutOf).filter((l): l is TableLayout => l !== null);
  if (layouts.length === 0) {
    const why = grids.length === 0 ? 'no ruled table found' : `${grids.length} ruled grid(s), none shaped like tables 2, 3 or 4`;
    return { prepared: null, grids: grids.length, error: new SkipError('E_OCR_NO_TABLE', `${sourceId}: ${why}`, { input: sourceId }) };
  }
  const thicknesses = layouts.flatMap((l) => l.grid.hRules.map((r) => r.hi - r.lo + 1)).sort((a, b) => a - b);
  const ruleThickness = thicknesses[Math.floor(thicknesses.length / 2)] ?? 1;
  return { prepared: { sourceId, decoded: base.decoded, image, perspective: base.perspective, quarter, skewDegrees: angle, layouts, ruleThickness, warnings } };
}

export async function prepareTurned(base: BaseImage, quarter: Quarter): Promise<PreparedImage> {
  const turn = await tryTurn(base, quarter);
  if (turn.prepared === null) throw turn.error;
  return turn.prepared;
}

/** One image prepared as it lies (`quarter` 0) or turned. */
export async function prepareImage(bytes: Buffer, sourceId: string, limits?: DecodeLimits, quarter: Quarter = 0): Promise<PreparedImage> {
  return prepareTurned(await prepareBase(bytes, sourceId, limits), quarter);
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
