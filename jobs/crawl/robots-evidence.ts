/** robots.txt exchanges are evidence too: each becomes a capture (purpose 'robots') of the portal being crawled. */
import type { Database } from 'better-sqlite3';
import type { CrawlTask } from '../../crawlers/adapter.ts';
import type { Exchange } from '../../crawlers/http/exchange.ts';
import type { PortalConfig } from '../../crawlers/portal-config.ts';
import { insertCapture } from '../../store/captures.ts';

export class RobotsEvidence {
  /** host → portal whose task last went to that host (robots.txt is fetched for the first task per origin). */
  private readonly portalByHost = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly runId: number,
    portals: readonly PortalConfig[],
  ) {
    for (const portal of portals) this.portalByHost.set(new URL(portal.baseUrl).host, portal.id);
  }

  noteTask(task: CrawlTask): void {
    const host = new URL(task.url).host;
    if (!this.portalByHost.has(host)) this.portalByHost.set(host, task.portalId);
  }

  record(requestedUrl: string, exchange: Exchange): void {
    const portalId = this.portalByHost.get(new URL(requestedUrl).host);
    if (portalId === undefined) return;
    insertCapture(this.db, { runId: this.runId, portalId, requestedUrl, finalUrl: exchange.url, purpose: 'robots', charset: null, exchange });
  }
}
