/**
 * When a report page may be extracted while the crawl goes on: once it is fetched and every file it links that
 * extraction reads (images, attachments, flip-book pages — fetched after the page, from its links) has been fetched
 * or has failed. A flip-book page leads to the next one, so a page waits for the whole chain. A file already settled
 * when the page links it (another page linked it first) is not waited for. Pages still waiting when fetching ends
 * (a file never handed out: the run stopped, or its attempts ran out) are the run's final pass's to extract.
 * In memory only: a resumed run extracts its earlier process's pages in that final pass.
 */
export class ReportFeed {
  /** Page URL → files it still waits for. */
  private readonly pages = new Map<string, Set<string>>();
  /** File URL → pages waiting for it. */
  private readonly waiters = new Map<string, Set<string>>();

  /** `ready` gets each page whose files are all settled, once. */
  constructor(private readonly ready: (pageUrl: string) => void) {}

  /** A report page was fetched; `pendingFiles` are the files it links that are still to be fetched. */
  pageFetched(pageUrl: string, pendingFiles: readonly string[]): void {
    if (this.pages.has(pageUrl)) return;
    if (pendingFiles.length === 0) {
      this.ready(pageUrl);
      return;
    }
    this.pages.set(pageUrl, new Set());
    this.addWaits([pageUrl], pendingFiles);
  }

  /**
   * A file's task ended (fetched, skipped or failed); `pendingFiles` are the files it led to that are still to be
   * fetched (a flip-book's next page): the pages that waited for it wait for those instead.
   */
  fileSettled(fileUrl: string, pendingFiles: readonly string[]): void {
    const waiting = this.waiters.get(fileUrl);
    if (waiting === undefined) return;
    this.waiters.delete(fileUrl);
    this.addWaits([...waiting], pendingFiles);
    for (const page of waiting) {
      const files = this.pages.get(page);
      files?.delete(fileUrl);
      if (files !== undefined && files.size === 0) {
        this.pages.delete(page);
        this.ready(page);
      }
    }
  }

  /** Pages fetched and still waiting for their files. */
  get waitingPages(): number {
    return this.pages.size;
  }

  private addWaits(pages: readonly string[], files: readonly string[]): void {
    for (const file of files) {
      const waiting = this.waiters.get(file) ?? new Set<string>();
      this.waiters.set(file, waiting);
      for (const page of pages) {
        waiting.add(page);
        this.pages.get(page)?.add(file);
      }
    }
  }
}
