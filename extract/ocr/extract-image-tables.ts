/**
 * Statistical tables published as images → validated numbers.
 *
 *   decode → even lighting → perspective → orientation (quarter turns tried until the labels read) → deskew → ruled grid and merged cells → table layouts (2, 3, 4) → labels (fuzzy-matched to the
 *   template's rows) → template → value cells (the engine, and the `second` engine on the same crops) → glyph
 *   consensus → checks → cross-check of the two readings (cross-check.ts) → arithmetic repair → flags.
 *
 * Images may hold one table, several, or part of one; all images of one call are one report, in order: a table
 * continued over consecutive images is joined and mapped as one (join-continuations.ts). Bad images become
 * entries of `errors` (typed codes), never exceptions; engine failures (StopError) do propagate.
 */
import { isNianbaoError, errorMessage, SkipError, type ErrorCode } from '../../common/errors.ts';
import type { CheckedTable } from '../checks/run-checks.ts';
import { runChecks } from '../checks/run-checks.ts';
import type { CheckResult } from '../types.ts';
import { reportKeys, t3FormOfKeys, t3Keys, t4Keys } from '../template/keys.ts';
import { glyphConsensus, type ConsensusResult } from './consensus.ts';
import { prepareCrop } from './crops.ts';
import type { DecodeLimits } from './decode.ts';
import type { OcrEngine } from './engine.ts';
import { toPgm, type GreyImage } from './grey-image.ts';
import { labelSimilarity, t3RowLabels, type Template } from './labels.ts';
import { decideTemplate, mapTable, templateVote, type KeyedCell, type LabelledLayout } from './map-tables.ts';
import { lostMinus } from './minus-sign.ts';
import { ACCEPT_FIT, findOrientation, labelFit, type Quarter } from './orientation.ts';
import { labelCrops, prepareBase, tryTurn, type PreparedImage } from './prepare-image.ts';
import { parseReading, readValues, type ValueReading } from './read-values.ts';
import { checkMembership, repairByChecks } from './repair.ts';
import { imageOfCells, joinContinuations } from './join-continuations.ts';
import { contestedCandidates, resolveByChecks, withUnitOf, type EngineReading } from './cross-check.ts';
import type { FoundImageTable, ImageError, ImageInput, ImageTablesResult, OcrCellDetail } from './types.ts';

export type { ImageInput, ImageTablesResult, OcrCellDetail } from './types.ts';

export const OCR_EXTRACTOR_VERSION = 'ocr-0.1.0';

/** Mean prefix similarity of a shaped table 3's anchor labels below which all its labels are read. */
const ANCHOR_MIN_SIMILARITY = 0.5;
/** Rereads of suspect cells go to the engine in batches this small, so each is read on its own (no mosaic). */
const ALTERNATIVES_PER_BATCH = 20;

export interface ExtractImageTablesOptions {
  /** Template when the images cannot tell (e.g. only table 4); labels win when they can. */
  readonly template?: Template;
  readonly limits?: DecodeLimits;
  /** Glyph consensus pass. Default true. */
  readonly consensus?: boolean;
  /** Arithmetic repair of suspect cells. Default true. */
  readonly repair?: boolean;
  /** Below this engine confidence a reading is suspect. Default 0.75. */
  readonly minConfidence?: number;
  /**
   * A second, independent engine that reads every value cell again (digits only; labels stay with `engine`).
   * Cells where the two disagree, or either is unsure (below its engine's `unsureBelow`, else `minConfidence`), are decided by the table's checks
   * (cross-check.ts) or flagged; in a table without checks a value is unflagged only when both agree.
   */
  readonly second?: OcrEngine;
}

interface WorkCell {
  readonly keyed: KeyedCell;
  readonly prepared: PreparedImage;
  readonly reading: ValueReading;
  readonly consensus: ConsensusResult;
  readonly inkThreshold: number;
  value: number | null;
  raw: string;
  evidence: string[];
  /** Both engines' readings (primary first) when a second engine read the cell. */
  readonly readings: readonly EngineReading[];
  /** Candidate values when the two engines do not settle the cell; null when they do (or one engine only). */
  readonly contested: readonly number[] | null;
  /** The checks picked exactly one candidate of a contested cell. */
  confirmed: boolean;
}

function toError(sourceId: string, error: unknown): ImageError {
  if (isNianbaoError(error) && error.action === 'stop') throw error;
  const code: ErrorCode = isNianbaoError(error) ? error.code : 'E_IMAGE_DECODE';
  return { sourceId, code, message: errorMessage(error) };
}

/** Table-3 rows whose labels are read when the grid already has a template's exact shape (first, middle, last). */
function anchorRows(count: number): number[] {
  return [0, 1, Math.floor(count / 2), count - 5, count - 2, count - 1];
}

/**
 * Labels of every layout, read in one engine batch (the engine stacks them into a mosaic). A table 3 with exactly
 * as many body rows as a template is mapped by position (map-tables.ts), so only its anchor rows are read; when
 * those do not look like the template's labels, the other rows are read as well.
 */
async function readLabels(prepared: PreparedImage, engine: OcrEngine): Promise<LabelledLayout[]> {
  const crops = labelCrops(prepared).filter((c) => c.crop !== null);
  const shaped = new Map<number, Template>();
  prepared.layouts.forEach((layout, li) => {
    if (layout.kind !== 't3') return;
    const template = (['2021', '2019'] as const).find((t) => t3RowLabels(t).length === layout.rows.length);
    if (template !== undefined) shaped.set(li, template);
  });
  const isAnchor = (c: (typeof crops)[number]): boolean => {
    const t = shaped.get(c.layout);
    return t === undefined || typeof c.row !== 'number' || anchorRows(prepared.layouts[c.layout]!.rows.length).includes(c.row);
  };
  const textOf = new Map<(typeof crops)[number], string>();
  const read = async (jobs: typeof crops): Promise<void> => {
    if (jobs.length === 0) return;
    const texts = await engine.readLabels(jobs.map((c) => ({ image: c.crop! })));
    jobs.forEach((c, i) => textOf.set(c, texts[i]!.text));
  };
  await read(crops.filter(isAnchor));
  // Anchors that do not read as the template's labels: read the whole table's labels.
  const doubtful = [...shaped].filter(([li, template]) => {
    const canonical = t3RowLabels(template).map((r) => r.label);
    const anchors = crops.filter((c) => c.layout === li && typeof c.row === 'number' && textOf.has(c));
    const mean = anchors.reduce((acc, c) => acc + labelSimilarity(textOf.get(c)!, canonical[c.row as number]!, true), 0) / Math.max(1, anchors.length);
    return anchors.length < 3 || mean < ANCHOR_MIN_SIMILARITY;
  });
  await read(crops.filter((c) => !textOf.has(c) && doubtful.some(([li]) => li === c.layout)));
  return prepared.layouts.map((layout, li) => {
    const mine = crops.filter((c) => c.layout === li);
    const labels = layout.rows.map((_, ri) => {
      const c = mine.find((x) => x.row === ri);
      return c === undefined ? '' : (textOf.get(c) ?? '');
    });
    const header = mine.find((x) => x.row === 'header');
    return { layout, labels, header: header === undefined ? null : (textOf.get(header) ?? '') };
  });
}

/**
 * Prepare an image in the orientation whose labels read as the template's (orientation.ts): upright first, then
 * turned. A half turn shows the same rules as the image it turns (mirrored): when one side shows no ruled grid at
 * all, its half turn is not tried. Throws the upright attempt's SkipError when no turn shows a table.
 */
async function readOriented(input: ImageInput, engine: OcrEngine, limits: DecodeLimits | undefined): Promise<{ prepared: PreparedImage; layouts: LabelledLayout[] }> {
  const base = await prepareBase(input.bytes, input.sourceId, limits);
  let noTable: SkipError | null = null;
  const gridless = new Set<Quarter>();
  const found = await findOrientation(async (quarter) => {
    if (gridless.has(((quarter + 180) % 360) as Quarter)) return null;
    const turn = await tryTurn(base, quarter);
    if (turn.prepared === null) {
      noTable ??= turn.error;
      if (turn.grids === 0) gridless.add(quarter);
      return null;
    }
    const layouts = await readLabels(turn.prepared, engine);
    return { value: { prepared: turn.prepared, layouts }, fit: labelFit(layouts) };
  });
  if (found === null) throw noTable ?? new SkipError('E_OCR_NO_TABLE', `${input.sourceId}: no table in any orientation`, { input: input.sourceId });
  if (found.fit < ACCEPT_FIT) {
    const { prepared } = found.value;
    const note = `${input.sourceId}: labels read poorly in every orientation (best fit ${found.fit.toFixed(2)}, turned ${found.quarter}°)`;
    return { prepared: { ...prepared, warnings: [...prepared.warnings, note] }, layouts: found.value.layouts };
  }
  return found.value;
}

function initialValue(reading: ValueReading, consensus: ConsensusResult, charset: string, minConfidence: number): Pick<WorkCell, 'value' | 'raw' | 'evidence'> {
  if (reading.kind !== 'ink') return { value: null, raw: reading.text, evidence: [] };
  const evidence: string[] = [];
  const ocrValue = parseReading(reading.text, charset);
  const consValue = consensus.status === 'changed' ? parseReading(consensus.text, charset) : null;
  if (consensus.status === 'changed') evidence.push(`consensus read ${consensus.text}, OCR ${reading.text}`);
  if (consensus.status === 'fallback' && reading.confidence < 0.9) evidence.push('glyphs not all recognised by consensus');
  if (reading.confidence < minConfidence) evidence.push(`low OCR confidence ${reading.confidence.toFixed(2)}`);
  const value = consValue ?? ocrValue;
  if (value === null) evidence.push(`unreadable: OCR "${reading.text}"`);
  return { value, raw: consValue !== null ? consensus.text : reading.text, evidence };
}

/** Both readings of an ink cell and whether they settle it (no second engine: nothing to compare). */
function crossReadings(
  reading: ValueReading,
  start: Pick<WorkCell, 'value' | 'raw'>,
  charset: string,
  engines: { primary: string; second: string | null },
  unsure: { primary: number; second: number },
): Pick<WorkCell, 'readings' | 'contested'> & { evidence: string[]; value: number | null } {
  if (reading.kind !== 'ink' || reading.second === null || engines.second === null) return { readings: [], contested: null, evidence: [], value: start.value };
  const read1: EngineReading = { engine: engines.primary, text: start.raw, confidence: reading.confidence, value: start.value };
  const read2: EngineReading = { engine: engines.second, text: reading.second.text, confidence: reading.second.confidence, value: parseReading(reading.second.text, charset) };
  // A unit only one engine can read (万元/元) does not make the digits disagree.
  const primary = withUnitOf(read1, read2);
  const second = withUnitOf(read2, read1);
  const contested = contestedCandidates(primary, second, unsure);
  const show = (r: EngineReading): string => `${r.engine} "${r.text}" (${r.confidence.toFixed(2)})`;
  const evidence = contested === null ? [] : [`${primary.value === second.value ? 'an engine is unsure' : 'engines disagree'}: ${show(primary)}, ${show(second)}`];
  return { readings: [primary, second], contested, evidence, value: primary.value };
}

/** Extra readings of a cell from variant crops (smaller, larger, binarised, and the plain crop on its own job). */
async function alternatives(cells: readonly WorkCell[], engine: OcrEngine): Promise<Map<WorkCell, (number | null)[]>> {
  const jobs: { cell: WorkCell; image: Buffer }[] = [];
  for (const cell of cells) {
    const { reading, prepared } = cell;
    if (reading.ink.box === null) continue;
    for (const target of [26, 48]) {
      jobs.push({ cell, image: toPgm(prepareCrop(prepared.image, reading.ink.box, reading.interior, { targetHeight: target, pad: 20 })) });
    }
    const plain = prepareCrop(prepared.image, reading.ink.box, reading.interior);
    const bin: GreyImage = { ...plain, data: plain.data.map((v) => (v < 128 ? 0 : 255)) };
    jobs.push({ cell, image: toPgm(bin) });
    // The crop as first read: the engine may have read it inside a mosaic, so read it on its own too.
    jobs.push({ cell, image: toPgm(plain) });
  }
  // Batches under the engine's mosaic size (24) give every crop a job of its own.
  const chunks: (typeof jobs)[] = [];
  for (let i = 0; i < jobs.length; i += ALTERNATIVES_PER_BATCH) chunks.push(jobs.slice(i, i + ALTERNATIVES_PER_BATCH));
  const results = (await Promise.all(chunks.map((chunk) => engine.readDigits(chunk.map((j) => ({ image: j.image, charset: j.cell.keyed.charset })))))).flat();
  const out = new Map<WorkCell, (number | null)[]>();
  for (const cell of cells) {
    const values = new Set<number>();
    const add = (t: string): void => {
      const v = parseReading(t, cell.keyed.charset);
      if (v !== null && v !== cell.value) values.add(v);
    };
    add(cell.reading.text);
    add(cell.consensus.text);
    for (const r of cell.readings) add(r.text);
    for (const alt of cell.reading.alternatives) add(alt.text);
    jobs.forEach((j, i) => j.cell === cell && add(results[i]!.text));
    out.set(cell, [...values]);
  }
  return out;
}

export async function extractImageTables(
  images: readonly ImageInput[],
  engine: OcrEngine,
  options: ExtractImageTablesOptions = {},
): Promise<ImageTablesResult> {
  const minConfidence = options.minConfidence ?? 0.75;
  const second = options.second ?? engine.verifier;
  if (second !== undefined) options = { ...options, second };
  const errors: ImageError[] = [];
  const warnings: string[] = [];
  const labelled: { prepared: PreparedImage; layouts: LabelledLayout[] }[] = [];
  for (const input of images) {
    try {
      const { prepared, layouts } = await readOriented(input, engine, options.limits);
      warnings.push(...prepared.warnings);
      labelled.push({ prepared, layouts });
    } catch (error) {
      errors.push(toError(input.sourceId, error));
    }
  }
  // A table continued over consecutive images is joined and mapped as one (join-continuations.ts).
  const joinedTables = joinContinuations(labelled.map((l) => ({ sourceId: l.prepared.sourceId, layouts: l.layouts })));
  warnings.push(...joinedTables.warnings);
  // Table 3's form (23 or 25 rows) is printed under either template: it votes only when the caller names none.
  const voters = joinedTables.tables.map((t) => t.labelled).filter((x) => options.template === undefined || x.layout.kind !== 't3');
  const decision = decideTemplate(voters.map(templateVote), options.template);
  const template = decision.template;
  if (decision.warning) warnings.push(decision.warning);

  const work = new Map<string, WorkCell>();
  const tables: FoundImageTable[] = [];
  const engineNames = { primary: engine.info.engine, second: options.second?.info.engine ?? null };
  const unsure = {
    primary: options.minConfidence ?? engine.info.unsureBelow ?? minConfidence,
    second: options.second?.info.unsureBelow ?? minConfidence,
  };
  const keyedOf = labelled.map((): KeyedCell[] => []);
  for (const table of joinedTables.tables) {
    const mapping = mapTable(table.labelled, template);
    const sources = table.parts.map((p) => labelled[p.image]!.prepared.sourceId).join(' + ');
    warnings.push(...mapping.warnings.map((w) => `${sources}: ${w}`));
    const imageOf = imageOfCells(table);
    for (const k of mapping.cells) keyedOf[imageOf.get(k.cell)!]!.push(k);
    for (const p of table.parts) {
      const mappedCells = mapping.cells.filter((k) => imageOf.get(k.cell) === p.image).length;
      tables.push({ sourceId: labelled[p.image]!.prepared.sourceId, kind: p.labelled.layout.kind, mappedCells, box: p.labelled.layout.grid.box });
    }
  }
  for (const [ii, { prepared }] of labelled.entries()) {
    const keyed = keyedOf[ii]!;
    try {
      const { readings, inkThreshold } = await readValues(prepared.image, keyed, engine, prepared.ruleThickness, options.second ?? null);
      const consensus =
        options.consensus === false
          ? readings.map((r): ConsensusResult => ({ text: r.text, status: 'skipped' }))
          : glyphConsensus(prepared.image, readings.map((r) => ({ ink: r.kind === 'ink' ? r.ink : { ...r.ink, glyphs: [] }, text: r.text })), inkThreshold);
      keyed.forEach((k, i) => {
        if (work.has(k.key)) {
          warnings.push(`${prepared.sourceId}: ${k.key} also shown in an earlier image; keeping the first`);
          return;
        }
        const reading = readings[i]!;
        const cons = consensus[i]!;
        const start = initialValue(reading, cons, k.charset, unsure.primary);
        const cross = crossReadings(reading, start, k.charset, engineNames, unsure);
        start.evidence.push(...cross.evidence);
        // The second engine read the printed unit the primary cannot: its text is what the cell prints.
        if (cross.value !== start.value) start.raw = cross.readings[1]?.text ?? start.raw;
        start.value = cross.value;
        work.set(k.key, { keyed: k, prepared, reading, consensus: cons, inkThreshold, ...start, readings: cross.readings, contested: cross.contested, confirmed: false });
      });
    } catch (error) {
      errors.push(toError(prepared.sourceId, error));
    }
  }

  const keys = reportKeys(template, work.keys());
  const cells: Record<string, number | null> = Object.fromEntries(keys.map((k) => [k, null]));
  for (const [key, w] of work) cells[key] = w.value;
  const skip: CheckedTable[] = [];
  if (!t3Keys(template, t3FormOfKeys(template, work.keys())).every((k) => work.has(k))) skip.push('t3');
  if (!t4Keys().every((k) => work.has(k))) skip.push('t4');
  const shown = (prefix: string): boolean => [...work.keys()].some((k) => k.startsWith(prefix));
  if (skip.includes('t3') && shown('t3.')) warnings.push('table 3 only partly shown; its checks are not run');
  if (skip.includes('t4') && shown('t4.')) warnings.push('table 4 only partly shown; its checks are not run');

  const membership = checkMembership(template);
  const repairs = new Map<string, number | null>();
  // Two engines: contested cells are decided by the checks where exactly one combination of readings fits.
  const contested = new Map([...work].filter(([, w]) => w.contested !== null).map(([key, w]) => [key, w.contested!] as const));
  if (contested.size > 0) {
    const resolution = resolveByChecks(template, cells, contested, skip);
    for (const [key, value] of resolution.picks) {
      const w = work.get(key)!;
      w.confirmed = true;
      if (value === w.value) continue;
      repairs.set(key, w.value);
      w.evidence.push(`checks pick ${w.readings[1]?.engine ?? 'the second'} reading ${value}`);
      w.value = value;
      cells[key] = value;
    }
  }
  const failingNow = new Set(runChecks(template, cells, skip).filter((c) => !c.ok).map((c) => c.id));
  let checks: readonly CheckResult[] = runChecks(template, cells, skip);
  if (options.repair !== false && failingNow.size > 0) {
    const suspects = [...work.entries()]
      .filter(([key, w]) => {
        const ids = membership.get(key) ?? [];
        const inFailing = ids.some((id) => failingNow.has(id));
        return w.reading.kind === 'ink' && inFailing && (w.evidence.length > 0 || ids.every((id) => failingNow.has(id)));
      })
      .map(([, w]) => w);
    // Cells with evidence of a misread may also take the value a failing check implies (same glyph count).
    const glyphCounts = new Map(
      suspects.filter((w) => w.evidence.length > 0 && w.reading.ink.glyphs.length > 0).map((w) => [w.keyed.key, w.reading.ink.glyphs.length]),
    );
    const alts = await alternatives(suspects, engine);
    // Confident readings are not candidates: only cells with evidence of a misread (or whose rereads disagree).
    const candidates = new Map<string, (number | null)[]>();
    for (const w of suspects) {
      const values = alts.get(w) ?? [];
      if (values.length > 0 && (w.evidence.length > 0 || values.length > 0)) candidates.set(w.keyed.key, values);
      if (values.length > 0 && w.evidence.length === 0) w.evidence.push(`rereads disagree: ${values.join(', ')}`);
    }
    // With a second engine, a cell only takes values some reading gave: no values implied by a failing check.
    const outcome = repairByChecks(template, cells, candidates, { skip, ...(options.second === undefined ? { glyphCounts } : {}) });
    for (const r of outcome.repairs) {
      repairs.set(r.key, r.from);
      cells[r.key] = r.to;
      const w = work.get(r.key)!;
      w.value = r.to;
    }
    for (const [table, status] of Object.entries(outcome.status)) {
      if (status === 'ambiguous') warnings.push(`${table}: several readings satisfy the checks; left as read`);
      if (status === 'repaired') warnings.push(`${table}: repaired ${outcome.repairs.filter((r) => r.key.startsWith(`${table}.`)).length} cell(s) by the checks`);
    }
    checks = outcome.checks;
  }
  const failing = new Set(checks.filter((c) => !c.ok).map((c) => c.id));
  const info = engine.info;
  const details: OcrCellDetail[] = [];
  for (const key of keys) {
    const w = work.get(key);
    if (w === undefined) continue;
    const ids = membership.get(key) ?? [];
    const table = key.slice(0, 2) as CheckedTable | 't2';
    const checked = table !== 't2' && !skip.includes(table) && ids.length > 0;
    const flags = [...w.evidence];
    const anyFailing = ids.some((id) => failing.has(id));
    const allFailing = ids.length > 0 && ids.every((id) => failing.has(id));
    if (checked && anyFailing) flags.push(`in failing check(s): ${ids.filter((id) => failing.has(id)).join(', ')}`);
    const unsettled = w.contested !== null && !w.confirmed;
    let flagged: boolean;
    if (w.reading.kind === 'ink' && w.value === null) flagged = true;
    else if (!checked && w.readings.length > 0) flagged = unsettled;
    else if (!checked) flagged = w.evidence.length > 0 || (w.reading.kind === 'ink' && (w.consensus.status !== 'agree' && w.reading.confidence < 0.9));
    else flagged = unsettled || allFailing || (anyFailing && w.evidence.length > 0);
    if (repairs.has(key) && (w.confirmed || !anyFailing)) flagged = false;
    // Ink in front of the digits shaped like a minus that no engine read: never a silent sign flip.
    if (w.reading.kind === 'ink' && (w.value === null || w.value >= 0) && lostMinus({ img: w.prepared.image, interior: w.reading.interior, ink: w.reading.ink, inkThreshold: w.inkThreshold }, [w.reading.text, ...w.readings.map((r) => r.text)])) {
      flags.push('a minus sign in the ink that no engine read');
      flagged = true;
    }
    details.push({
      key,
      value: w.value,
      raw: w.raw,
      method: 'ocr',
      location: `${w.prepared.sourceId}#table[${tables.findIndex((t) => t.sourceId === w.prepared.sourceId)}]/row[${w.keyed.cell.r0}]/col[${w.keyed.cell.c0}]`,
      confidence: w.reading.confidence,
      sourceId: w.prepared.sourceId,
      imageDigest: w.prepared.decoded.digest,
      box: w.reading.interior,
      skewDegrees: w.prepared.skewDegrees,
      ocrText: w.reading.text,
      ocrConfidence: w.reading.confidence,
      engine: info.engine,
      engineVersion: info.version,
      model: info.digitsModel,
      consensus: w.consensus.status,
      consensusChanged: w.consensus.status === 'changed',
      repairedFrom: repairs.has(key) ? repairs.get(key) : undefined,
      repaired: repairs.has(key),
      flagged,
      flags,
      readings: w.readings,
    });
  }
  const reviewReasons: string[] = [];
  const flaggedCount = details.filter((d) => d.flagged).length;
  if (flaggedCount > 0) reviewReasons.push(`${flaggedCount} cell(s) flagged`);
  if (failing.size > 0) reviewReasons.push(`failing checks: ${[...failing].join(', ')}`);
  if (errors.length > 0) reviewReasons.push(`${errors.length} image(s) not read: ${errors.map((e) => e.code).join(', ')}`);
  if (decision.warning) reviewReasons.push(decision.warning);
  if (work.size === 0) reviewReasons.push('no table cells read');
  for (const w of warnings) if (/matches no|value cells, expected|only partly shown|header reads/.test(w)) reviewReasons.push(w);
  return {
    template,
    cells,
    cellDetails: details,
    checks,
    needsReview: reviewReasons.length > 0,
    reviewReasons,
    tables,
    errors,
    warnings,
  };
}
