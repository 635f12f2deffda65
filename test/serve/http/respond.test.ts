/** Which clients get the gzipped body of a large answer. */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, GZIP_FROM_BYTES, jsonTextReply, withGzip } from '../../../serve/http/respond.ts';

describe('acceptsGzip', () => {
  it('reads Accept-Encoding as browsers and tools send it', () => {
    expect(acceptsGzip({ 'accept-encoding': 'gzip, deflate, br, zstd' })).toBe(true);
    expect(acceptsGzip({ 'accept-encoding': 'br;q=1.0, gzip;q=0.8, *;q=0.1' })).toBe(true);
    expect(acceptsGzip({ 'accept-encoding': '*' })).toBe(true);
    expect(acceptsGzip({ 'accept-encoding': 'GZIP' })).toBe(true);
    expect(acceptsGzip({})).toBe(false);
    expect(acceptsGzip({ 'accept-encoding': 'identity' })).toBe(false);
    expect(acceptsGzip({ 'accept-encoding': 'gzip;q=0' })).toBe(false);
    expect(acceptsGzip({ 'accept-encoding': 'x-gzip, br' })).toBe(false);
  });
});

describe('withGzip', () => {
  it('keeps a gzipped copy of large bodies only', () => {
    const small = jsonTextReply(JSON.stringify({ a: 1 }));
    expect(withGzip(small).gzipped).toBeUndefined();
    const text = JSON.stringify(Array.from({ length: GZIP_FROM_BYTES / 8 }, (_, i) => ({ id: i, status: 'archived' })));
    const large = withGzip(jsonTextReply(text));
    expect(large.gzipped!.length).toBeLessThan(large.body.length / 4);
    expect(gunzipSync(large.gzipped!).toString()).toBe(text);
  });
});
