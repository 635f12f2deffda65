/** Search hits for people: one block per report (id, body, year, portal, url) with its snippet. */
import type { SearchHit } from '../../store/search.ts';

export function formatHits(hits: readonly SearchHit[], total: number, offset: number): string {
  if (hits.length === 0) return total === 0 ? 'no report matches' : `no more hits (${total} in all)`;
  const blocks = hits.map((h) => {
    const flags = [h.template, h.isCurrent ? '' : `v${h.version}, superseded`, h.failingChecks > 0 ? `${h.failingChecks} failing checks` : ''].filter((s) => s !== '');
    return `#${h.reportId}  ${h.agency ?? '—'}  ${h.year ?? '—'}  [${h.portalId}; ${flags.join('; ')}]\n    ${h.url}\n    ${h.snippet}`;
  });
  const last = offset + hits.length;
  return `${blocks.join('\n\n')}\n\n${offset + 1}–${last} of ${total} report(s)${last < total ? `; more with --offset ${last}` : ''}`;
}
