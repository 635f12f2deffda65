/**
 * Render the tables of every demo report published as images (`tables: 'image'`) through Chromium, as the Word
 * table screenshots real bodies paste into their pages: `demo/reports/images/<slug>-<t2|t3|t4>.png`.
 * The demo portal serves these files, so a crawl of it exercises OCR on real pixels of the report's own numbers.
 * Run: npm run fixtures:table-images   (needs Debian chromium and the CJK fonts installed by setup.sh)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TableRenderer } from '../ocr-fixtures/render.ts';
import { DEMO_REPORTS } from './catalogue.ts';

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'images');
const renderer = await TableRenderer.open();
try {
  for (const spec of DEMO_REPORTS.filter((r) => r.tables === 'image')) {
    if (spec.template === 'older') continue;
    for (const table of ['t2', 't3', 't4'] as const) {
      const png = await renderer.render({ template: spec.template, cells: spec.cells, tables: [table], look: 'word', quirks: spec.quirks });
      const file = path.join(outDir, `${spec.slug}-${table}.png`);
      writeFileSync(file, png);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
    }
  }
} finally {
  await renderer.close();
}
