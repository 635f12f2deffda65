export interface SiteOptions {
  readonly slowMs: number;
  readonly flakyFailures: number;
  readonly withHangingDownload: boolean;
  /** Origin of the flip-book host that wendeng's 2021–2022 reports link to. */
  readonly flipbookOrigin: string;
}
