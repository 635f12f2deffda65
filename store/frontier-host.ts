/** The `host:port` a frontier item is scheduled under (the fetcher's per-host queue key); '' for an unparsable URL. */
export function frontierHost(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port !== '' ? parsed.port : parsed.protocol === 'https:' ? '443' : '80';
    return `${parsed.hostname.toLowerCase()}:${port}`;
  } catch {
    return '';
  }
}
