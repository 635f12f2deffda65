/** When a report page may be extracted while the crawl goes on (report-feed.ts): after its linked files settle. */
import { describe, expect, it } from 'vitest';
import { ReportFeed } from '../../../jobs/crawl/report-feed.ts';

function feed(): { feed: ReportFeed; ready: string[] } {
  const ready: string[] = [];
  return { feed: new ReportFeed((url) => ready.push(url)), ready };
}

describe('ReportFeed', () => {
  it('hands over a page without pending files at once', () => {
    const { feed: f, ready } = feed();
    f.pageFetched('p1', []);
    expect(ready).toEqual(['p1']);
    expect(f.waitingPages).toBe(0);
  });

  it('holds a page until each file it links has been fetched or has failed', () => {
    const { feed: f, ready } = feed();
    f.pageFetched('p1', ['img1', 'doc1']);
    expect(ready).toEqual([]);
    expect(f.waitingPages).toBe(1);
    f.fileSettled('img1', []);
    expect(ready).toEqual([]);
    f.fileSettled('unrelated', []);
    f.fileSettled('doc1', []);
    expect(ready).toEqual(['p1']);
    expect(f.waitingPages).toBe(0);
  });

  it('follows a flip-book chain: a page waits for the pages each flip-book page leads to', () => {
    const { feed: f, ready } = feed();
    f.pageFetched('p1', ['book/1']);
    f.fileSettled('book/1', ['book/2']);
    expect(ready).toEqual([]);
    f.fileSettled('book/2', ['book/3']);
    f.fileSettled('book/3', []); // the 404 that ends the book
    expect(ready).toEqual(['p1']);
  });

  it('releases every page waiting for a shared file, each once', () => {
    const { feed: f, ready } = feed();
    f.pageFetched('p1', ['logo', 'a']);
    f.pageFetched('p2', ['logo']);
    f.pageFetched('p1', ['logo', 'a']); // seen again: not registered twice
    f.fileSettled('logo', []);
    expect(ready).toEqual(['p2']);
    f.fileSettled('a', []);
    f.fileSettled('a', []);
    expect(ready).toEqual(['p2', 'p1']);
  });

  it('keeps a page whose file never settles waiting (the final pass extracts it)', () => {
    const { feed: f, ready } = feed();
    f.pageFetched('p1', ['never']);
    expect(ready).toEqual([]);
    expect(f.waitingPages).toBe(1);
  });
});
