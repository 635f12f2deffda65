/** The interface every portal-family crawler implements; crawlers/registry.ts maps `family` → adapter. */
import type { AgencyConfig, AgencyKind, PortalConfig, PortalFamily } from './portal-config.ts';

/** What a task fetches; decides how its response is read for links. */
export type TaskKind =
  | 'home'
  | 'catalogue'
  | 'menu'
  | 'column'
  | 'listing'
  | 'report'
  | 'attachment'
  | 'image'
  | 'flipbook';

export interface TaskMeta {
  readonly agencyKey?: string;
  readonly agencyName?: string;
  readonly year?: number;
  readonly columnId?: number;
  /** URL of the report page that linked this file. */
  readonly parentUrl?: string;
  /** The family detected from the home page, on tasks of a `family: "auto"` portal (crawlers/auto/). */
  readonly family?: PortalFamily;
  /** On an auto portal's home task: the bodies known from config and the archive, for the detected family's seeds. */
  readonly knownAgencies?: readonly AgencyConfig[];
}

export interface CrawlTask {
  readonly url: string;
  readonly kind: TaskKind;
  readonly portalId: string;
  readonly meta: TaskMeta;
  readonly depth: number;
}

/** A fetched response, as read back for link discovery. */
export interface FetchedPage {
  /** URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  /** Decoded text (HTML or XML); empty for binary files. */
  readonly text: string;
}

export interface DiscoveredAgency {
  readonly key: string;
  readonly name: string;
  readonly kind: AgencyKind | null;
}

export interface Discovery {
  readonly tasks: readonly CrawlTask[];
  readonly agencies: readonly DiscoveredAgency[];
  /** Hosts linked for reports (e.g. a flip-book server on a bare IP) that may now be fetched. */
  readonly allowHosts: readonly string[];
}

export interface PortalAdapter {
  readonly family: PortalConfig['family'];
  /** Start tasks for a portal, given the agencies known from config and the archive. */
  seeds(portal: PortalConfig, agencies: readonly AgencyConfig[]): CrawlTask[];
  /** Read a fetched page for further tasks and agencies. Never touches the network. */
  discover(task: CrawlTask, page: FetchedPage, portal: PortalConfig): Discovery;
}

export const NOTHING_FOUND: Discovery = { tasks: [], agencies: [], allowHosts: [] };
