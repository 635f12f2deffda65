/**
 * Publication deadlines (spec §1): for report years 2019 and later, 部门 by 31 January of the next year, 本级政府 by
 * 31 March, 乡镇街道 by 31 March unless the portal's rule (config `deadlines`) says otherwise; before 2019, 31 March for
 * everyone. A body of unknown kind gets 31 March (the latest statutory date), so it is never called late by mistake.
 */
import type { AgencyKind } from '../../crawlers/portal-config.ts';

export interface Deadline {
  /** Last day to publish, `YYYY-MM-DD`. */
  readonly date: string;
  /** Which rule set it: `statutory:部门`, `statutory:本级政府`, `default:乡镇街道`, `default:unknown-kind`, `statutory:pre-2019`, `portal:<kind>`. */
  readonly rule: string;
}

const STATUTORY: Readonly<Record<AgencyKind, { day: string; rule: string }>> = {
  部门: { day: '01-31', rule: 'statutory:部门' },
  本级政府: { day: '03-31', rule: 'statutory:本级政府' },
  乡镇街道: { day: '03-31', rule: 'default:乡镇街道' },
};

export function deadlineFor(kind: AgencyKind | null, year: number, overrides?: Readonly<Partial<Record<AgencyKind, string>>>): Deadline {
  const next = year + 1;
  if (year < 2019) return { date: `${next}-03-31`, rule: 'statutory:pre-2019' };
  if (kind === null) return { date: `${next}-03-31`, rule: 'default:unknown-kind' };
  const local = overrides?.[kind];
  if (local !== undefined) return { date: `${next}-${local}`, rule: `portal:${kind}` };
  const statutory = STATUTORY[kind];
  return { date: `${next}-${statutory.day}`, rule: statutory.rule };
}
