/**
 * OcrEngine on the Debian `tesseract` binary (feasibility §2.3c): each batch of crops is written as PGM files and
 * read by one process per core through a list file (`tesseract list.txt stdout … tsv`), OMP_THREAD_LIMIT=1.
 * Only used when the binary exists (`TesseractCliEngine.available()`). Labels go to the CLI when chi_sim is
 * installed, else to the given `labels` engine (e.g. tesseract.js).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { StopError } from '../../common/errors.ts';
import { DIGITS, type OcrCrop, type OcrEngine, type OcrEngineInfo, type OcrReading } from './engine.ts';

const run = promisify(execFile);

export interface TesseractCliOptions {
  readonly binary?: string;
  /** Parallel processes per batch. Default: available cores. */
  readonly processes?: number;
  /** Engine for labels when the CLI has no chi_sim model. */
  readonly labels?: OcrEngine;
}

/** Parse TSV output of a multi-page run: page number → words with confidence. */
export function parseTsv(tsv: string, pages: number): OcrReading[] {
  const words: { text: string; conf: number }[][] = Array.from({ length: pages }, () => []);
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const page = Number(f[1]) - 1;
    const text = (f[11] ?? '').trim();
    if (text === '' || page < 0 || page >= pages) continue;
    words[page]!.push({ text, conf: Number(f[10]) });
  }
  return words.map((ws) => ({
    text: ws.map((w) => w.text).join(' '),
    confidence: ws.length === 0 ? 0 : Math.max(0, Math.min(...ws.map((w) => w.conf))) / 100,
    alternatives: [],
  }));
}

export class TesseractCliEngine implements OcrEngine {
  private constructor(
    private readonly binary: string,
    private readonly version: string,
    private readonly hasChiSim: boolean,
    private readonly processes: number,
    private readonly labels: OcrEngine | undefined,
  ) {}

  /** Version string of the binary, or null when it is missing. */
  static async available(binary = 'tesseract'): Promise<string | null> {
    try {
      const { stdout, stderr } = await run(binary, ['--version']);
      return (`${stdout}${stderr}`.split('\n')[0] ?? '').trim() || 'tesseract';
    } catch {
      return null;
    }
  }

  static async create(options: TesseractCliOptions = {}): Promise<TesseractCliEngine> {
    const binary = options.binary ?? 'tesseract';
    const version = await TesseractCliEngine.available(binary);
    if (version === null) throw new StopError('E_OCR_ENGINE', `The tesseract binary (${binary}) is not installed`);
    const { stdout } = await run(binary, ['--list-langs']);
    const langs = stdout.split('\n').map((l) => l.trim());
    if (!langs.includes('eng')) throw new StopError('E_OCR_ENGINE', 'The tesseract eng model is not installed');
    return new TesseractCliEngine(binary, version, langs.includes('chi_sim'), Math.max(1, options.processes ?? os.availableParallelism()), options.labels);
  }

  get info(): OcrEngineInfo {
    return { engine: 'tesseract-cli', version: this.version, digitsModel: 'eng (Debian tesseract-ocr-eng)', labelsModel: this.hasChiSim ? 'chi_sim (Debian)' : (this.labels?.info.labelsModel ?? 'none') };
  }

  private async batch(crops: readonly OcrCrop[], lang: string, whitelist: string | null): Promise<OcrReading[]> {
    if (crops.length === 0) return [];
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nianbao-ocr-'));
    try {
      const files = await Promise.all(
        crops.map(async (c, i) => {
          const file = path.join(dir, `${String(i).padStart(5, '0')}.${c.image[0] === 0x50 ? 'pgm' : 'png'}`);
          await writeFile(file, c.image);
          return file;
        }),
      );
      const list = path.join(dir, 'list.txt');
      await writeFile(list, `${files.join('\n')}\n`);
      const args = [list, 'stdout', '-l', lang, '--psm', '6', '--dpi', '300', ...(whitelist ? ['-c', `tessedit_char_whitelist=${whitelist}`] : []), 'tsv'];
      const { stdout } = await run(this.binary, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 * 1024 * 1024 });
      return parseTsv(stdout, crops.length);
    } catch (error) {
      throw new StopError('E_OCR_ENGINE', 'tesseract CLI failed', { cause: error });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Split into `processes` chunks run in parallel. */
  private async parallel(crops: readonly OcrCrop[], lang: string, whitelist: string | null): Promise<OcrReading[]> {
    const size = Math.ceil(crops.length / this.processes);
    const chunks: OcrCrop[][] = [];
    for (let i = 0; i < crops.length; i += size) chunks.push(crops.slice(i, i + size));
    return (await Promise.all(chunks.map((c) => this.batch(c, lang, whitelist)))).flat();
  }

  async readDigits(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    const out = new Array<OcrReading>(crops.length);
    const groups = new Map<string, number[]>();
    crops.forEach((c, i) => groups.set(c.charset ?? DIGITS, [...(groups.get(c.charset ?? DIGITS) ?? []), i]));
    for (const [charset, indices] of groups) {
      const readings = await this.parallel(indices.map((i) => crops[i]!), 'eng', charset);
      indices.forEach((idx, k) => (out[idx] = { ...readings[k]!, text: readings[k]!.text.replace(/\s+/g, '') }));
    }
    return out;
  }

  readLabels(crops: readonly OcrCrop[]): Promise<OcrReading[]> {
    if (this.hasChiSim) return this.parallel(crops, 'chi_sim', null);
    if (this.labels) return this.labels.readLabels(crops);
    throw new StopError('E_OCR_ENGINE', 'No chi_sim model for the tesseract CLI and no labels engine given');
  }

  async terminate(): Promise<void> {}
}
