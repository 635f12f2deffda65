/**
 * The archive's captures as WARC 1.1 (ISO 28500:2017), each record gzipped on its own (`.warc.gz`):
 *  - one `warcinfo` record at the start of each file;
 *  - per capture with an HTTP response: a `request` record (the request line and headers sent, conditional ones
 *    included) and, concurrent to it, a `response` record (status line, headers, body), or a `revisit`:
 *      · `identical-payload-digest` when a non-empty body with the same SHA-256 was already written in this export
 *        (the block holds the headers only; WARC-Refers-To names the record holding the body);
 *      · `server-not-modified` for a 304 (WARC-Refers-To the last response of that URL written, when there is one).
 *  - digests are `sha256:<hex>` (the hex is the key of the body in the archive's `blobs` table).
 * Bodies are stored decoded (Content-Encoding undone), so a response's `content-encoding`, `transfer-encoding` and a
 * `content-length` that does not match the stored body are renamed to `x-nianbao-original-*` and the true
 * Content-Length is given. Exchanges without a response (status 0) are not written; the archive keeps them.
 * Record ids are derived from the capture id, so re-exporting the same archive gives the same records.
 */
import { createHash } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { warcCaptures, warcPayload, type WarcCapture } from '../../store/exports-warc.ts';
import { PACKAGE_VERSION } from '../version.ts';
import { FileSink } from './file-sink.ts';
import type { ManifestFile } from './manifest.ts';

export const PROFILE_IDENTICAL = 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest';
export const PROFILE_NOT_MODIFIED = 'http://netpreserve.org/warc/1.1/revisit/server-not-modified';

export interface WarcOptions {
  /** Start a new file when one reaches this many bytes (default 1 GiB). */
  readonly maxFileBytes?: number;
  /** File name prefix (default `nianbao-captures`). */
  readonly prefix?: string;
  /** warcinfo WARC-Date (default now). */
  readonly now?: string;
}

export interface WarcSummary {
  readonly files: ManifestFile[];
  readonly records: { warcinfo: number; request: number; response: number; revisit: number };
}

/** A stable urn:uuid from a name (SHA-256 based, version 8 layout). */
export function recordId(name: string): string {
  const hex = createHash('sha256').update(`nianbao:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `<urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}>`;
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

const clean = (value: string): string => value.replace(/[\r\n]+/g, ' ');

function record(fields: readonly (readonly [string, string])[], block: Buffer): Buffer {
  const head = ['WARC/1.1', ...fields.map(([k, v]) => `${k}: ${clean(v)}`), `Content-Length: ${block.length}`, '', ''].join('\r\n');
  return gzipSync(Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from('\r\n\r\n')]));
}

function requestBlock(c: WarcCapture): Buffer {
  const url = new URL(c.url);
  const lines = [`${c.method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`];
  for (const [name, value] of Object.entries(c.requestHeaders)) if (name.toLowerCase() !== 'host') lines.push(`${name}: ${clean(value)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
}

/** Status line and headers, adjusted to describe the stored (decoded) body. */
function responseHead(c: WarcCapture, payloadLength: number | null): Buffer {
  const lines = [`HTTP/1.1 ${c.status} ${STATUS_CODES[c.status] ?? 'Unknown'}`];
  const decoded = c.errorCode !== 'E_UNSUPPORTED_FORMAT';
  let rewroteLength = false;
  for (const [rawName, value] of Object.entries(c.headers)) {
    const name = rawName.toLowerCase();
    const rename =
      name === 'transfer-encoding' ||
      (name === 'content-encoding' && decoded) ||
      (name === 'content-length' && payloadLength !== null && value.trim() !== String(payloadLength));
    if (name === 'content-length' && rename) rewroteLength = true;
    lines.push(`${rename ? `x-nianbao-original-${name}` : name}: ${clean(value)}`);
  }
  if (payloadLength !== null && (rewroteLength || c.headers['content-encoding'] !== undefined || c.headers['transfer-encoding'] !== undefined)) {
    lines.push(`content-length: ${payloadLength}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
}

class WarcFiles {
  readonly files: ManifestFile[] = [];
  private sink: FileSink | null = null;
  private name = '';
  private written = 0;
  private records = 0;
  warcinfoId = '';

  constructor(
    private readonly dir: string,
    private readonly options: Required<WarcOptions>,
    private readonly onWarcinfo: () => void,
  ) {}

  /** Opens the first file, or the next one when the current one is full (each starts with its warcinfo). */
  prepare(): void {
    if (this.sink === null || this.written >= this.options.maxFileBytes) this.open();
  }

  write(bytes: Buffer): void {
    if (this.sink === null) this.open();
    this.sink!.write(bytes);
    this.written += bytes.length;
    this.records += 1;
  }

  private open(): void {
    this.close();
    this.name = `${this.options.prefix}-${String(this.files.length).padStart(5, '0')}.warc.gz`;
    this.sink = new FileSink(path.join(this.dir, this.name));
    this.written = 0;
    this.records = 0;
    this.warcinfoId = recordId(`warcinfo:${this.name}`);
    const info = [
      `software: nianbao/${PACKAGE_VERSION}`,
      'format: WARC File Format 1.1',
      'conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      'description: HTTP exchanges captured by nianbao (政府信息公开工作年度报告 archive); bodies stored decoded',
      `isPartOf: ${this.options.prefix}`,
    ].join('\r\n');
    const bytes = record(
      [
        ['WARC-Type', 'warcinfo'],
        ['WARC-Record-ID', this.warcinfoId],
        ['WARC-Date', this.options.now],
        ['WARC-Filename', this.name],
        ['Content-Type', 'application/warc-fields'],
      ],
      Buffer.from(`${info}\r\n`, 'utf8'),
    );
    this.sink.write(bytes);
    this.written += bytes.length;
    this.records += 1;
    this.onWarcinfo();
  }

  close(): void {
    if (this.sink === null) return;
    const done = this.sink.close();
    this.files.push({ path: this.name, table: 'captures', format: 'warc', rows: this.records, bytes: done.bytes, sha256: done.sha256 });
    this.sink = null;
  }
}

interface Written {
  readonly id: string;
  readonly uri: string;
  readonly date: string;
}

/** Writes every capture with a response into `dir`; returns the files (for the manifest) and record counts. */
export function writeWarc(db: Database, dir: string, options: WarcOptions = {}): WarcSummary {
  const records = { warcinfo: 0, request: 0, response: 0, revisit: 0 };
  const out = new WarcFiles(
    dir,
    { maxFileBytes: options.maxFileBytes ?? 2 ** 30, prefix: options.prefix ?? 'nianbao-captures', now: options.now ?? new Date().toISOString() },
    () => (records.warcinfo += 1),
  );
  const byDigest = new Map<string, Written>();
  const lastResponseOf = new Map<string, Written>();
  for (const c of warcCaptures(db)) {
    const requestId = recordId(`capture:${c.id}:request`);
    const responseId = recordId(`capture:${c.id}:response`);
    const common = (id: string): [string, string][] => [
      ['WARC-Record-ID', id],
      ['WARC-Date', c.fetchedAt],
      ['WARC-Target-URI', c.url],
    ];
    const request = requestBlock(c);
    out.prepare();
    out.write(
      record(
        [['WARC-Type', 'request'], ...common(requestId), ['WARC-Warcinfo-ID', out.warcinfoId], ['WARC-Concurrent-To', responseId], ['WARC-Block-Digest', sha256(request)], ['Content-Type', 'application/http;msgtype=request'], ['Nianbao-Capture-Id', String(c.id)]],
        request,
      ),
    );
    records.request += 1;
    const fields: [string, string][] = [...common(responseId), ['WARC-Warcinfo-ID', out.warcinfoId], ['WARC-Concurrent-To', requestId]];
    const extra: [string, string][] = [['Content-Type', 'application/http;msgtype=response'], ['Nianbao-Capture-Id', String(c.id)]];
    if (c.status === 304) {
      const earlier = lastResponseOf.get(c.url);
      const refers: [string, string][] = earlier === undefined ? [] : [['WARC-Refers-To', earlier.id], ['WARC-Refers-To-Target-URI', earlier.uri], ['WARC-Refers-To-Date', earlier.date]];
      const head = responseHead(c, null);
      out.write(record([['WARC-Type', 'revisit'], ...fields, ['WARC-Profile', PROFILE_NOT_MODIFIED], ...refers, ['WARC-Block-Digest', sha256(head)], ...extra], head));
      records.revisit += 1;
      continue;
    }
    const payload = warcPayload(db, c.sha256);
    const payloadDigest = sha256(payload);
    const original = payload.length > 0 ? byDigest.get(payloadDigest) : undefined;
    if (original !== undefined) {
      const head = responseHead(c, payload.length);
      out.write(
        record(
          [['WARC-Type', 'revisit'], ...fields, ['WARC-Profile', PROFILE_IDENTICAL], ['WARC-Refers-To', original.id], ['WARC-Refers-To-Target-URI', original.uri], ['WARC-Refers-To-Date', original.date], ['WARC-Payload-Digest', payloadDigest], ['WARC-Block-Digest', sha256(head)], ...extra],
          head,
        ),
      );
      records.revisit += 1;
    } else {
      const block = Buffer.concat([responseHead(c, payload.length), payload]);
      out.write(record([['WARC-Type', 'response'], ...fields, ['WARC-Payload-Digest', payloadDigest], ['WARC-Block-Digest', sha256(block)], ...extra], block));
      records.response += 1;
      if (payload.length > 0) byDigest.set(payloadDigest, { id: responseId, uri: c.url, date: c.fetchedAt });
    }
    if (c.status === 200) lastResponseOf.set(c.url, { id: responseId, uri: c.url, date: c.fetchedAt });
  }
  out.close();
  return { files: out.files, records };
}
