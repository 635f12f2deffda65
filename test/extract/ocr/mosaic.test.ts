import { describe, expect, it } from 'vitest';
import { classifyMark, findInk, resampleRegion } from '../../../extract/ocr/crops.ts';
import { toPgm, type Box, type GreyImage } from '../../../extract/ocr/grey-image.ts';
import { buildMosaic, parsePgm, splitMosaic, tsvWords, type TsvWord } from '../../../extract/ocr/mosaic.ts';

/** White image with black boxes. */
function paint(width: number, height: number, boxes: readonly Box[]): GreyImage {
  const data = new Uint8Array(width * height).fill(255);
  for (const b of boxes) for (let y = b.y0; y < b.y1; y++) for (let x = b.x0; x < b.x1; x++) data[y * width + x] = 0;
  return { width, height, data };
}

const word = (text: string, box: Box, conf = 90): TsvWord => ({ text, conf, box });

describe('mosaic batching', () => {
  it('round-trips PGM crops and refuses other bytes', () => {
    const img = paint(7, 5, [{ x0: 1, y0: 1, x1: 3, y1: 4 }]);
    const back = parsePgm(toPgm(img))!;
    expect([back.width, back.height, [...back.data]]).toEqual([7, 5, [...img.data]]);
    expect(parsePgm(Buffer.from('\x89PNG\r\n\x1a\n0000'))).toBeNull();
    expect(parsePgm(Buffer.from('P5\n4 4\n255\n12'))).toBeNull();
  });

  it('stacks crops top to bottom with bands that split the gaps, blank crops left out', () => {
    const a = paint(60, 50, [{ x0: 20, y0: 10, x1: 40, y1: 40 }]);
    const blank = paint(30, 30, []);
    const b = paint(80, 60, [{ x0: 10, y0: 15, x1: 70, y1: 45 }]);
    const m = buildMosaic([a, blank, b], { margin: 4, gap: 1 });
    expect(m.slots[1]).toBeNull();
    const [sa, , sb] = m.slots;
    expect(sa!.ink.y1 - sa!.ink.y0).toBe(30);
    expect(sb!.ink.y0 - sa!.ink.y1).toBe(30 + 8); // gap (1 × 30 px) plus both margins
    expect(sa!.band[1]).toBe(sb!.band[0]);
    expect(sa!.ink.y1 <= sa!.band[1] && sb!.ink.y0 >= sb!.band[0]).toBe(true);
    const img = parsePgm(m.image)!;
    expect(img.data[(sb!.ink.y0 + 1) * m.width + sb!.ink.x0 + 1]).toBe(0);
  });

  it('gives each crop the words of its band, and marks empty, blank and straddled crops for their own job', () => {
    const crop = paint(40, 40, [{ x0: 10, y0: 10, x1: 30, y1: 30 }]);
    const m = buildMosaic([crop, crop, crop, paint(10, 10, []), crop], { margin: 5, gap: 1 });
    const ink = m.slots.map((s) => s?.ink ?? null);
    const words = [
      word('1', { ...ink[0]!, x1: ink[0]!.x0 + 8 }),
      word('2', { ...ink[0]!, x0: ink[0]!.x0 + 10 }, 60),
      // slot 2: a word running over the band of slot 4 (tesseract merged the lines)
      word('78', { x0: ink[2]!.x0, x1: ink[2]!.x1, y0: ink[2]!.y0, y1: ink[4]!.y1 }),
    ];
    const { readings, reread } = splitMosaic(m, words, '');
    expect(readings[0]).toEqual({ text: '12', confidence: 0.6, alternatives: [] });
    expect(readings[1]).toBeNull();
    expect(reread).toEqual([1, 2, 3, 4]);
  });

  it('parses the words of tesseract TSV output', () => {
    const tsv = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', '4\t1\t1\t1\t1\t0\t5\t6\t30\t20\t-1\t', '5\t1\t1\t1\t1\t1\t5\t6\t30\t20\t91.5\t123', '5\t1\t1\t1\t1\t2\t50\t6\t10\t20\t80\t '].join('\n');
    expect(tsvWords(tsv)).toEqual([{ text: '123', conf: 91.5, box: { x0: 5, y0: 6, x1: 35, y1: 26 } }]);
  });
});

describe('value-cell crops', () => {
  it('resamples separably with the same bicubic result as the direct formula', () => {
    const cubic = (t: number): number => {
      const x = Math.abs(t);
      return x <= 1 ? 1.5 * x ** 3 - 2.5 * x ** 2 + 1 : x < 2 ? -0.5 * x ** 3 + 2.5 * x ** 2 - 4 * x + 2 : 0;
    };
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const img: GreyImage = { width: 40, height: 30, data: Uint8Array.from({ length: 1200 }, () => Math.floor(rnd() * 256)) };
    const box: Box = { x0: 3, y0: 2, x1: 19, y1: 13 };
    const scale = 2.7;
    const out = resampleRegion(img, box, scale);
    const px = (x: number, y: number): number => img.data[Math.min(29, Math.max(0, y)) * 40 + Math.min(39, Math.max(0, x))]!;
    for (let oy = 0; oy < out.height; oy++) {
      for (let ox = 0; ox < out.width; ox++) {
        const sx = box.x0 + (ox + 0.5) / scale - 0.5;
        const sy = box.y0 + (oy + 0.5) / scale - 0.5;
        let acc = 0;
        for (let j = -1; j <= 2; j++) for (let i = -1; i <= 2; i++) acc += cubic(sy - (Math.floor(sy) + j)) * cubic(sx - (Math.floor(sx) + i)) * px(Math.floor(sx) + i, Math.floor(sy) + j);
        expect(Math.abs(out.data[oy * out.width + ox]! - Math.max(0, Math.min(255, Math.round(acc))))).toBeLessThanOrEqual(1);
      }
    }
  });

  it('takes a steep thin stroke for a slash, not a 1 with a foot or a 7', () => {
    const interior: Box = { x0: 0, y0: 0, x1: 40, y1: 40 };
    // steep slash: 2 px wide, 26 px tall, drifting 7 px right as it rises (a phone screenshot's '/')
    const slash = paint(40, 40, Array.from({ length: 26 }, (_, k) => ({ x0: 12 + Math.floor((7 * (25 - k)) / 25), x1: 14 + Math.floor((7 * (25 - k)) / 25), y0: 7 + k, y1: 8 + k })));
    // 1 with a flag and a foot
    const one = paint(40, 40, [{ x0: 18, y0: 8, x1: 21, y1: 32 }, { x0: 15, y0: 9, x1: 18, y1: 11 }, { x0: 14, y0: 30, x1: 25, y1: 32 }]);
    // 7: wide bar, slanted stem
    const seven = paint(40, 40, [{ x0: 10, y0: 8, x1: 26, y1: 11 }, ...Array.from({ length: 21 }, (_, k) => ({ x0: 23 - Math.floor(k / 3), x1: 26 - Math.floor(k / 3), y0: 11 + k, y1: 12 + k }))]);
    const kind = (img: GreyImage): string => classifyMark(img, findInk(img, interior, 128), 20, 128);
    expect(kind(slash)).toBe('slash');
    expect(kind(one)).toBe('ink');
    expect(kind(seven)).toBe('ink');
  });
});
