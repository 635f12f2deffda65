/**
 * `GET /api/grid?portal=&kind=&published=never`: agencies × years, each slot with its reports and watch status (as
 * of today when the server has a status source), counts per status, and the bodies that never published when asked.
 */
import type { Database } from 'better-sqlite3';
import type { AgencyKind } from '../../store/agencies.ts';
import { listPortals } from '../../store/portals.ts';
import { gridAgencies, gridReports, type GridReport } from '../../store/serve-grid.ts';
import { badRequest } from '../http/http-error.ts';
import { textParam } from '../http/query.ts';
import { judgedStatuses, slotKey, slotStatus, STATUS_LEGEND, type JudgedSlot, type SlotStatus, type StatusJudge } from '../watch-status.ts';

const KINDS: readonly AgencyKind[] = ['部门', '本级政府', '乡镇街道'];

export interface GridSlot {
  readonly status: SlotStatus;
  /** Days late, when the watch judged the slot late. */
  readonly daysLate: number | null;
  /** Capture ids the watch's judgement rests on (the pages checked); absent when nothing judged the slot. */
  readonly evidence?: readonly number[];
  readonly reports: readonly { readonly id: number; readonly failingChecks: number; readonly template: string }[];
}

export interface GridRow {
  /** Agency id, or null for a body known only by the name printed in its reports. */
  readonly agencyId: number | null;
  readonly portalId: string;
  readonly name: string;
  readonly kind: AgencyKind | null;
  /** Year (as a string key) → slot; years without a slot are not archived. */
  readonly years: Readonly<Record<string, GridSlot>>;
}

export interface GridAnswer {
  readonly years: readonly number[];
  /** The date the statuses hold as of (today), or null when they are the last nightly run's (or there are none). */
  readonly asOf: string | null;
  readonly portals: readonly { readonly id: string; readonly name: string }[];
  readonly kinds: readonly AgencyKind[];
  /** Every status with its label and the number of body-years shown with it. */
  readonly legend: readonly { readonly status: SlotStatus; readonly label: string; readonly hint: string; readonly count: number }[];
  readonly rows: readonly GridRow[];
}

const PUBLISHED = ['never'] as const;

export function gridAnswer(db: Database, params: URLSearchParams, judge: StatusJudge): GridAnswer {
  const portalId = textParam(params, 'portal');
  const kind = textParam(params, 'kind');
  if (kind !== undefined && !KINDS.includes(kind as AgencyKind)) throw badRequest(`kind: expected one of ${KINDS.join(', ')}, got "${kind}"`);
  const published = textParam(params, 'published');
  if (published !== undefined && !(PUBLISHED as readonly string[]).includes(published)) throw badRequest(`published: expected "never", got "${published}"`);
  const filter = { ...(portalId === undefined ? {} : { portalId }), ...(kind === undefined ? {} : { kind: kind as AgencyKind }) };
  const reports = gridReports(db, filter);
  const byBody = new Map<string, GridReport[]>();
  for (const r of reports) {
    const bodyKey = r.agencyId === null ? `name:${r.portalId}:${r.agencyName ?? ''}` : `id:${r.agencyId}`;
    const list = byBody.get(bodyKey) ?? [];
    list.push(r);
    byBody.set(bodyKey, list);
  }
  const judgement = judge.judgement(db);
  const judged = judgedStatuses(judgement, portalId);
  const judgedYears = [...judged.keys()].map((k) => Number(k.split('|')[2]));
  const years = [...new Set([...reports.map((r) => r.year).filter((y): y is number => y !== null), ...judgedYears])].sort((a, b) => a - b);
  const seenBodies = new Set<string>();
  const rows: GridRow[] = gridAgencies(db, filter).map((a) => {
    seenBodies.add(`${a.portalId}|${a.key}`);
    return { agencyId: a.id, portalId: a.portalId, name: a.name, kind: a.kind, years: slots(byBody.get(`id:${a.id}`) ?? [], years, (y) => judged.get(slotKey(a.portalId, a.key, y))) };
  });
  for (const [bodyKey, list] of byBody) {
    if (!bodyKey.startsWith('name:')) continue;
    const first = list[0]!;
    rows.push({ agencyId: null, portalId: first.portalId, name: first.agencyName ?? '（未署名）', kind: null, years: slots(list, years, () => undefined) });
  }
  // Bodies the watch expects that the archive has never seen (no agency row): their slots are still judged.
  const expectedOnly = new Map<string, JudgedSlot & { portalId: string }>();
  for (const [key, slot] of judged) {
    const [portal, body] = key.split('|') as [string, string];
    if (!seenBodies.has(`${portal}|${body}`) && (kind === undefined || slot.bodyKind === kind)) expectedOnly.set(`${portal}|${body}`, { ...slot, portalId: portal });
  }
  for (const [body, slot] of expectedOnly) {
    const bodyKey = body.slice(slot.portalId.length + 1);
    rows.push({ agencyId: null, portalId: slot.portalId, name: slot.bodyName, kind: slot.bodyKind as AgencyKind | null, years: slots([], years, (y) => judged.get(slotKey(slot.portalId, bodyKey, y))) });
  }
  const shown = published === 'never' ? rows.filter(neverPublished) : rows;
  return {
    years,
    asOf: judgement.asOf,
    portals: listPortals(db).map((p) => ({ id: p.id, name: p.name })),
    kinds: KINDS,
    legend: legendWithCounts(shown),
    rows: shown,
  };
}

/** A body none of whose slots holds a report (nor a report it withdrew). */
function neverPublished(row: GridRow): boolean {
  return Object.values(row.years).every((slot) => slot.reports.length === 0 && slot.status !== 'removed' && slot.status !== 'changed');
}

function legendWithCounts(rows: readonly GridRow[]): GridAnswer['legend'] {
  const counts = new Map<SlotStatus, number>();
  for (const row of rows) for (const slot of Object.values(row.years)) counts.set(slot.status, (counts.get(slot.status) ?? 0) + 1);
  return STATUS_LEGEND.map((l) => ({ ...l, count: counts.get(l.status) ?? 0 }));
}

function slots(reports: readonly GridReport[], years: readonly number[], judgedFor: (year: number) => JudgedSlot | undefined): Record<string, GridSlot> {
  const out: Record<string, GridSlot> = {};
  for (const year of years) {
    const list = reports.filter((r) => r.year === year);
    const judged = judgedFor(year);
    if (list.length === 0 && judged === undefined) continue;
    out[String(year)] = {
      status: slotStatus(judged, list),
      daysLate: judged?.daysLate ?? null,
      ...(judged === undefined || judged.evidence.length === 0 ? {} : { evidence: judged.evidence }),
      reports: list.map((r) => ({ id: r.id, failingChecks: r.failingChecks, template: r.template })),
    };
  }
  return out;
}
