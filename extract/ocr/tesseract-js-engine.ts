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

const require = createRequire(import.meta.url);
const MODEL_FLAVOUR = '4.0.0_best_int';

export interface TesseractJsOptions {
  /** Digit (eng) workers. Default: available cores. */
  readonly digitWorkers?: number;
  /** Label (chi_sim) workers. Default 1 (labels are few per table). */
  readonly labelWorkers?: number;
  /** Where tesseract.js may cache; default `.cache/tesseract` under the cwd. Nothing is downloaded. */
  readonly cachePath?: string;
}

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
    return new TesseractJsEngine(digits, labels, workers);
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

  readDigits(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    return Promise.all(
      crops.map((crop) => {
        const charset = crop.charset ?? DIGITS;
        return this.run(this.digits, crop, charset === DIGITS ? {} : { tessedit_char_whitelist: charset });
      }),
    );
  }

  readLabels(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    return Promise.all(crops.map((crop) => this.run(this.labels, crop, {})));
  }

  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    await Promise.allSettled(this.workers.map((w) => w.terminate()));
  }
}
