/**
 * The PP-OCR engine on real rendered crops (sharp draws text through fontconfig with the CJK fonts setup installs),
 * through the real onnxruntime-node session: numbers under the digit charset, money with its printed unit, a label.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaddleRecEngine } from '../../../extract/ocr/paddle-rec-engine.ts';
import { parseReading } from '../../../extract/ocr/read-values.ts';
import { isNianbaoError } from '../../../common/errors.ts';

async function crop(text: string, font = 'Noto Serif CJK SC', px = 28): Promise<Buffer> {
  const width = Math.round(px * 0.75 * [...text].length + 40);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${px + 24}"><rect width="100%" height="100%" fill="#fff"/><text x="20" y="${px + 6}" font-family="${font}" font-size="${px}" fill="#000">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).greyscale().png().toBuffer();
}

let engine: PaddleRecEngine;
beforeAll(async () => {
  engine = await PaddleRecEngine.create();
});
afterAll(async () => {
  await engine?.terminate();
});

describe('PaddleRecEngine (PP-OCRv4 rec, onnxruntime-node)', () => {
  it('has the model\'s classes: blank + 6623 keys + space', () => {
    expect(engine.classCount).toBe(6625);
    expect(engine.info).toMatchObject({ engine: 'pp-ocr', digitsModel: expect.stringContaining('ch_PP-OCRv4_rec_infer.onnx') });
  });

  it('reads numbers of both fonts in one batch, zero included, with confident readings', async () => {
    const texts = ['2045', '0', '37', '159', '8', '1306'];
    const crops = [...(await Promise.all(texts.map((t) => crop(t)))), ...(await Promise.all(texts.map((t) => crop(t, 'AR PL UMing CN'))))];
    const readings = await engine.readDigits(crops.map((image) => ({ image })));
    expect(readings.map((r) => r.text)).toEqual([...texts, ...texts]);
    for (const r of readings) expect(r.confidence).toBeGreaterThan(0.5);
  });

  it('reads money as printed, with the unit, and negatives where the charset allows them', async () => {
    const [yuan, wan, minus] = await engine.readDigits([
      { image: await crop('251000元'), charset: '0123456789.万元' },
      { image: await crop('695.09万元'), charset: '0123456789.万元' },
      { image: await crop('-417'), charset: '0123456789-' },
    ]);
    expect([yuan!.text, wan!.text, minus!.text]).toEqual(['251000元', '695.09万元', '-417']);
    expect(parseReading(yuan!.text, '0123456789.万元')).toBe(25.1);
  });

  it('reads a Chinese row label', async () => {
    const [label] = await engine.readLabels([{ image: await crop('行政许可') }]);
    expect(label!.text).toBe('行政许可');
  });

  it('reads the same in worker threads as in the calling thread (batches never depend on where they run)', async () => {
    const texts = ['2045', '0', '37', '159', '8', '1306', '42', '7', '990', '15', '3'];
    const crops = await Promise.all(texts.flatMap((t) => [crop(t), crop(t, 'AR PL UMing CN', 22)]));
    const engines = await Promise.all([PaddleRecEngine.create({ threads: 0, batchSize: 4 }), PaddleRecEngine.create({ threads: 2, batchSize: 4 })]);
    try {
      const [inThread, inWorkers] = await Promise.all(engines.map((e) => e.readDigits(crops.map((image) => ({ image })))));
      expect(inWorkers).toEqual(inThread);
      expect(inThread!.map((r) => r.text)).toEqual(texts.flatMap((t) => [t, t]));
    } finally {
      await Promise.all(engines.map((e) => e.terminate()));
    }
  });

  it('a terminated engine refuses reads with E_OCR_ENGINE, a stop', async () => {
    const done = await PaddleRecEngine.create({ threads: 1 });
    await done.terminate();
    const error = await done.readDigits([{ image: await crop('12') }]).catch((e: unknown) => e);
    expect(isNianbaoError(error) && `${error.action}:${error.code}`).toBe('stop:E_OCR_ENGINE');
  });
});
