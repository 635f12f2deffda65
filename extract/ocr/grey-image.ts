/** An 8-bit greyscale raster (row-major, one byte per pixel, 0 = black), the unit every OCR step works on. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Axis-aligned box in pixels of a GreyImage: [x0, x1) × [y0, y1). */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export const boxWidth = (b: Box): number => b.x1 - b.x0;
export const boxHeight = (b: Box): number => b.y1 - b.y0;

/** Otsu threshold of a histogram of 256 bins. */
export function otsuThreshold(hist: ArrayLike<number>): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < 256; i++) {
    total += hist[i]!;
    sum += i * hist[i]!;
  }
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightB += hist[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * hist[t]!;
    const meanB = sumB / weightB;
    const meanF = (sum - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Histogram of a region. */
export function histogram(img: GreyImage, box: Box = { x0: 0, y0: 0, x1: img.width, y1: img.height }): Uint32Array {
  const hist = new Uint32Array(256);
  for (let y = box.y0; y < box.y1; y++) {
    const row = y * img.width;
    for (let x = box.x0; x < box.x1; x++) hist[img.data[row + x]!]! += 1;
  }
  return hist;
}

/** Binary PGM (P5) of an image: tesseract (leptonica) reads it directly, without a PNG encode. */
export function toPgm(img: GreyImage): Buffer {
  const head = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii');
  return Buffer.concat([head, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength)]);
}
