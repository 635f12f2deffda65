/**
 * The images of the queue benchmark: the committed OCR fixtures (test/fixtures/ocr, every look and table), repeated
 * under different source ids until there are `count` — each one report's table image, as a backfill would send.
 * A repeated image is OCR'd again (a different source id is a different job); its bytes are stored once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Template } from '../../extract/ocr/labels.ts';
import type { ImageInput } from '../../extract/ocr/types.ts';

export interface BenchImage extends ImageInput {
  readonly template: Template;
}

const FIXTURES = path.resolve('test/fixtures/ocr');

export function fixtureImages(): BenchImage[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as { file: string; template: Template };
      return { sourceId: expected.file, bytes: readFileSync(path.join(FIXTURES, expected.file)), template: expected.template };
    });
}

export function benchImages(count: number): BenchImage[] {
  const fixtures = fixtureImages();
  return Array.from({ length: count }, (_, i) => {
    const f = fixtures[i % fixtures.length]!;
    return { ...f, sourceId: `bench://copy${Math.floor(i / fixtures.length)}/${f.sourceId}` };
  });
}
