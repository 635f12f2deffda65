/**
 * Which hosts the crawler may fetch: `*.gov.cn`, the configured portals' own hosts (the demo portal runs on
 * 127.0.0.1), hosts a portal config lists as linked (flip-book servers on bare IPs), and hosts a report page
 * linked for its report (added while crawling).
 */
import type { PortalConfig } from '../../crawlers/portal-config.ts';

export class HostPolicy {
  private readonly allowed = new Set<string>();

  constructor(portals: readonly PortalConfig[]) {
    for (const portal of portals) {
      this.allowed.add(new URL(portal.baseUrl).host);
      for (const host of portal.linkedHosts) this.allowed.add(host);
    }
  }

  allow(host: string): void {
    this.allowed.add(host);
  }

  isAllowed(url: URL): boolean {
    const hostname = url.hostname.toLowerCase();
    return hostname === 'gov.cn' || hostname.endsWith('.gov.cn') || this.allowed.has(url.host);
  }
}
