export interface SiteOptions {
  readonly slowMs: number;
  readonly flakyFailures: number;
  readonly withHangingDownload: boolean;
  /** Link the oversized download from the first article (a page the crawl cannot archive). */
  readonly withOversizedDownload?: boolean;
  /** Origin of the flip-book host that wendeng's 2021–2022 reports link to. */
  readonly flipbookOrigin: string;
}
