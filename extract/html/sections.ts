/**
 * Split the body into the six parts by their headings. Headings are recognised by meaning (short and long
 * forms, fullwidth/ASCII punctuation, numbering typos), never inside the statistical tables, and in order.
 */
import type { Element } from 'domhandler';
import type { ReportSection } from '../types.ts';
import type { Line } from './dom-lines.ts';
import { normalizeLabel } from './normalize-label.ts';

const PART_RULES: ReadonlyArray<readonly [number, RegExp]> = [
  [4, /行政复议|行政诉讼/],
  [3, /收到和处理|依申请|处理政府信息公开申请|公开申请情况/],
  [5, /存在的?主要问题|问题及改进|问题和改进|改进情况|改进措施/],
  [6, /其他需要报告|其他需报告|其他事项/],
  [2, /主动公开/],
  [1, /总体情况|概述|基本情况/],
];

const NUMBERED = /^[一二三四五六七][、.,:\s]?/;

/** An unnumbered heading must look like a full heading, not like a `（一）主动公开情况` sub-heading. */
function isUnnumberedHeading(t: string): boolean {
  if (t.length > 30 || /^[(\d]/.test(t) || !/(?:情况|事项|概述)$/.test(t)) return false;
  return t.includes('政府信息') || /^(?:总体情况|其他需要报告的事项|存在的主要问题及改进情况)$/.test(t);
}

/** Part number (1..6) of a heading line, or null when the line is not a section heading. */
export function headingPart(text: string): number | null {
  const t = normalizeLabel(text);
  if (t.length > 40 || /[。;]/.test(t)) return null;
  const numbered = NUMBERED.test(t) && !/^[一二三四五六七]是/.test(t);
  const rest = t.replace(NUMBERED, '');
  if (!numbered && !isUnnumberedHeading(t)) return null;
  for (const [part, pattern] of PART_RULES) if (pattern.test(rest)) return part;
  return null;
}

export interface HeadingLine {
  readonly index: number;
  readonly part: number;
}

/** Heading lines in order; a part is accepted only after the previous accepted one (no going back). */
export function findHeadings(lines: readonly Line[], reportTables: ReadonlySet<Element>): HeadingLine[] {
  const out: HeadingLine[] = [];
  let last = 0;
  lines.forEach((line, index) => {
    if (line.table !== null && reportTables.has(line.table)) return;
    if (line.link) return;
    const part = headingPart(line.text);
    if (part === null || part <= last) return;
    out.push({ index, part });
    last = part;
  });
  return out;
}

export function splitSections(lines: readonly Line[], reportTables: ReadonlySet<Element>): ReportSection[] {
  const headings = findHeadings(lines, reportTables);
  return headings.map((heading, i) => {
    const end = headings[i + 1]?.index ?? lines.length;
    return {
      heading: lines[heading.index]?.text ?? '',
      part: heading.part,
      text: lines
        .slice(heading.index + 1, end)
        .map((l) => l.text)
        .join('\n'),
    };
  });
}
