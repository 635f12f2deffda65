/**
 * OcrEngine on tesseract.js (WASM, pure npm): one scheduler of `eng` workers for digits and one of `chi_sim`
 * workers for labels, created once and reused; language data only from the @tesseract.js-data packages
 * (explicit langPath — without it tesseract.js fetches from a CDN and the failure kills the process).
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createScheduler, createWorker, type Scheduler, type Worker } from 'tesseract.js';
import { StopError } from '../../common/errors.ts';
import { DIGITS, type OcrCrop, type OcrEngine, type OcrEngineInfo, type OcrReading } from './engine.ts';
import type { GreyImage } from './grey-image.ts';
import { buildMosaic, parsePgm, splitMosaic, tsvWords, type MosaicOptions } from './mosaic.ts';

const require = createRequire(import.meta.url);
const MODEL_FLAVOUR = '4.0.0_best_int';

export interface TesseractJsOptions {
  /** Digit (eng) workers. Default: available cores. */
  readonly digitWorkers?: number;
  /** Label (chi_sim) workers. Default 1 (labels are few per table). */
  readonly labelWorkers?: number;
  /** Where tesseract.js may cache; default `.cache/tesseract` under the cwd. Nothing is downloaded. */
  readonly cachePath?: string;
  /**
   * Read batches of small PGM crops as mosaics (one job per batch and worker, mosaic.ts) instead of one job per
   * crop. Default true.
   */
  readonly mosaic?: boolean;
  /**
   * Mosaic readings below this confidence are read again on their own job, keeping the more confident reading.
   * Default 0 (never): the table pipeline rereads low-confidence cells itself, and only in tables whose checks fail
   * (passing checks already confirm the mosaic readings). 0.6 is the former behaviour.
   */
  readonly mosaicRereadBelow?: number;
}

/** Crops taller than this (px) are never stacked: a mosaic is for cells, not pages. */
const MOSAIC_MAX_CROP_HEIGHT = 400;
/** Fewest digit crops per mosaic: smaller batches (table 4, table 2, rereads) get one job per crop. */
const MOSAIC_MIN_DIGITS = 24;
/** White between stacked crops, as a share of the ink height (0.3 is a little faster, no more accurate). */
const DIGIT_GAP = 0.6;
const LABEL_GAP = 0.6;

function langPath(lang: 'eng' | 'chi_sim'): string {
  return path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), MODEL_FLAVOUR);
}

function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

interface RecognizeData {
  readonly text: string;
  readonly confidence: number;
  readonly version?: string;
  readonly tsv?: string | null;
}

async function makeWorker(lang: 'eng' | 'chi_sim', cachePath: string, params: Record<string, string>): Promise<Worker> {
  const worker = await createWorker(lang, 1, { langPath: langPath(lang), gzip: true, cachePath, cacheMethod: 'none' });
  await worker.setParameters(params);
  return worker;
}

export class TesseractJsEngine implements OcrEngine {
  private coreVersion = 'unknown';
  private terminated = false;

  private constructor(
    private readonly digits: Scheduler,
    private readonly labels: Scheduler,
    private readonly workers: readonly Worker[],
    private readonly digitWorkers: number,
    private readonly mosaic: boolean,
    private readonly rereadBelow: number,
  ) {}

  static async create(options: TesseractJsOptions = {}): Promise<TesseractJsEngine> {
    const cachePath = options.cachePath ?? path.resolve('.cache/tesseract');
    const nDigits = Math.max(1, options.digitWorkers ?? os.availableParallelism());
    const nLabels = Math.max(1, options.labelWorkers ?? 1);
    const digitParams = { tessedit_pageseg_mode: '6', tessedit_char_whitelist: DIGITS, user_defined_dpi: '300' };
    const labelParams = { tessedit_pageseg_mode: '6', user_defined_dpi: '300', preserve_interword_spaces: '0' };
    const digits = createScheduler();
    const labels = createScheduler();
    let workers: Worker[];
    try {
      workers = await Promise.all([
        ...Array.from({ length: nDigits }, () => makeWorker('eng', cachePath, digitParams)),
        ...Array.from({ length: nLabels }, () => makeWorker('chi_sim', cachePath, labelParams)),
      ]);
      workers.forEach((w, i) => (i < nDigits ? digits : labels).addWorker(w));
    } catch (error) {
      await Promise.allSettled([digits.terminate(), labels.terminate()]);
      throw new StopError('E_OCR_ENGINE', 'Cannot start tesseract.js workers', { cause: error });
    }
    return new TesseractJsEngine(digits, labels, workers, nDigits, options.mosaic ?? true, options.mosaicRereadBelow ?? 0);
  }

  get info(): OcrEngineInfo {
    return {
      engine: 'tesseract.js',
      version: `tesseract.js ${packageVersion('tesseract.js')} (tesseract ${this.coreVersion})`,
      digitsModel: `eng ${MODEL_FLAVOUR} (@tesseract.js-data/eng ${packageVersion('@tesseract.js-data/eng')})`,
      labelsModel: `chi_sim ${MODEL_FLAVOUR} (@tesseract.js-data/chi_sim ${packageVersion('@tesseract.js-data/chi_sim')})`,
    };
  }

  private async run(scheduler: Scheduler, crop: OcrCrop, params: Record<string, string>): Promise<OcrReading> {
    if (this.terminated) throw new StopError('E_OCR_ENGINE', 'The OCR engine was terminated');
    const result = (await scheduler.addJob('recognize', crop.image, params, { text: true })) as { data: RecognizeData };
    const data = result.data;
    if (data.version) this.coreVersion = data.version;
    return { text: data.text.replace(/\s+/g, ' ').trim(), confidence: Math.max(0, data.confidence) / 100, alternatives: [] };
  }

  /** One job on a mosaic of `images`; null per crop that needs a job of its own. */
  private async runMosaic(scheduler: Scheduler, images: readonly GreyImage[], params: Record<string, string>, joiner: string, layout: MosaicOptions): Promise<(OcrReading | null)[]> {
    if (this.terminated) throw new StopError('E_OCR_ENGINE', 'The OCR engine was terminated');
    const mosaic = buildMosaic(images, layout);
    const result = (await scheduler.addJob('recognize', mosaic.image, params, { text: false, tsv: true })) as { data: RecognizeData };
    if (result.data.version) this.coreVersion = result.data.version;
    return splitMosaic(mosaic, tsvWords(result.data.tsv ?? ''), joiner).readings;
  }

  /**
   * Read `crops` through mosaics split into `parts` (when every crop is a small PGM and there are enough of them),
   * else one job per crop; crops a mosaic could not place get a job of their own.
   */
  private async batch(scheduler: Scheduler, crops: readonly OcrCrop[], params: Record<string, string>, parts: number, minCrops: number, joiner: string, layout: MosaicOptions): Promise<OcrReading[]> {
    const images = this.mosaic && crops.length >= minCrops ? crops.map((c) => parsePgm(c.image)) : [];
    if (images.length === 0 || images.some((im) => im === null || im.height > MOSAIC_MAX_CROP_HEIGHT)) {
      return Promise.all(crops.map((crop) => this.run(scheduler, crop, params)));
    }
    const size = Math.ceil(crops.length / Math.max(1, parts));
    const chunks: number[][] = [];
    for (let i = 0; i < crops.length; i += size) chunks.push(crops.map((_, k) => k).slice(i, i + size));
    const out = new Array<OcrReading | null>(crops.length).fill(null);
    await Promise.all(
      chunks.map(async (chunk) => {
        const readings = await this.runMosaic(scheduler, chunk.map((k) => images[k]!), params, joiner, layout);
        chunk.forEach((k, j) => (out[k] = readings[j] ?? null));
      }),
    );
    // Unplaced crops get a job of their own; so do low-confidence ones when asked, keeping the more confident reading.
    await Promise.all(
      out.map(async (r, k) => {
        if (r !== null && r.confidence >= this.rereadBelow) return;
        const own = await this.run(scheduler, crops[k]!, params);
        out[k] = r === null || own.confidence > r.confidence ? own : r;
      }),
    );
    return out as OcrReading[];
  }

  async readDigits(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    const out = new Array<OcrReading>(crops.length);
    const groups = new Map<string, number[]>();
    crops.forEach((c, i) => groups.set(c.charset ?? DIGITS, [...(groups.get(c.charset ?? DIGITS) ?? []), i]));
    await Promise.all(
      [...groups].map(async ([charset, indices]) => {
        const params: Record<string, string> = charset === DIGITS ? {} : { tessedit_char_whitelist: charset };
        const parts = Math.max(1, Math.min(this.digitWorkers, Math.floor(indices.length / MOSAIC_MIN_DIGITS)));
        const readings = await this.batch(this.digits, indices.map((i) => crops[i]!), params, parts, MOSAIC_MIN_DIGITS, '', { gap: DIGIT_GAP });
        indices.forEach((idx, k) => (out[idx] = { ...readings[k]!, text: readings[k]!.text.replace(/\s+/g, '') }));
      }),
    );
    return out;
  }

  readLabels(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    return this.batch(this.labels, crops, {}, 1, 2, ' ', { gap: LABEL_GAP });
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await Promise.allSettled(this.workers.map((w) => w.terminate()));
  }
}
