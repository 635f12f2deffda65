/**
 * The queue's job and its edges without OCR: what the input digest covers (it keys results, so a result is reused
 * only for the same images under the same source ids and template), a job this build cannot read, and the commands'
 * usage and unreachable-PostgreSQL errors (codes and exit codes).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageTablesJob, parseImageTablesJob, QUEUE_EXTRACTOR_VERSION } from '../../../jobs/queue/image-tables-job.ts';
import { queueSettings } from '../../../jobs/queue/queue-config.ts';
import { tempArchive } from '../../helpers/temp-archive.ts';
import { runCli } from '../cli/run-cli.ts';

const a = { sourceId: 'http://x.gov.cn/a.png', bytes: Buffer.from('image a') };
const b = { sourceId: 'http://x.gov.cn/b.png', bytes: Buffer.from('image b') };

function codeOf(stderr: string): string | undefined {
  return /\[(E_[A-Z_]+)\]\s*$/m.exec(stderr)?.[1];
}

describe('an image-tables job', () => {
  it('carries digests, not bytes, and its input digest changes with the bytes, the source ids, their order and the template', () => {
    const { job, blobs } = imageTablesJob([a, b], '2021');
    expect(job.extractorVersion).toBe(QUEUE_EXTRACTOR_VERSION);
    expect(job.images.map((i) => i.sourceId)).toEqual([a.sourceId, b.sourceId]);
    expect(JSON.stringify(job)).not.toContain('image a');
    expect(blobs.map((x) => x.bytes.toString())).toEqual(['image a', 'image b']);
    const digest = job.inputDigest;
    expect(imageTablesJob([a, b], '2021').job.inputDigest).toBe(digest);
    expect(imageTablesJob([b, a], '2021').job.inputDigest).not.toBe(digest);
    expect(imageTablesJob([a, b], '2019').job.inputDigest).not.toBe(digest);
    expect(imageTablesJob([{ ...a, sourceId: 'http://y.gov.cn/a.png' }, b], '2021').job.inputDigest).not.toBe(digest);
    expect(imageTablesJob([{ ...a, bytes: Buffer.from('image A') }, b], '2021').job.inputDigest).not.toBe(digest);
  });

  it('round-trips through parsing; anything else is E_QUEUE_INVALID', () => {
    const { job } = imageTablesJob([a], '2019');
    expect(parseImageTablesJob(JSON.parse(JSON.stringify(job)))).toEqual(job);
    for (const bad of [null, {}, { ...job, template: 'older' }, { ...job, images: [] }, { ...job, images: [{ sourceId: 'x', sha256: 'nope' }] }, { ...job, inputDigest: 'short' }]) {
      expect(() => parseImageTablesJob(bad)).toThrow(expect.objectContaining({ code: 'E_QUEUE_INVALID' }));
    }
  });

  it('needs a PostgreSQL URL and a plain schema name', () => {
    expect(() => queueSettings({ url: 'http://db/x' })).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(() => queueSettings({ url: 'postgres://db/x', schema: 'drop table;' })).toThrow(expect.objectContaining({ code: 'E_CONFIG_INVALID' }));
    expect(queueSettings({ url: 'postgresql://db/x' })).toMatchObject({ schema: 'nianbao_queue', expireInSeconds: 900, retryLimit: 3 });
  });
});

describe('the queue commands', () => {
  it('worker: no --queue or a bad --max-jobs is usage (exit 2); PostgreSQL that is not there is E_QUEUE_UNREACHABLE (exit 5)', async () => {
    expect(codeOf((await runCli(['worker'])).stderr)).toBe('E_USAGE');
    const bad = await runCli(['worker', '--queue', 'postgres://nianbao:secret@127.0.0.1:1/x', '--max-jobs', '0']);
    expect([bad.code, codeOf(bad.stderr)]).toEqual([2, 'E_USAGE']);
    const down = await runCli(['worker', '--queue', 'postgres://nianbao:secret@127.0.0.1:1/x', '--max-jobs', '1']);
    expect([down.code, codeOf(down.stderr)]).toEqual([5, 'E_QUEUE_UNREACHABLE']);
    expect(down.stderr).toContain('127.0.0.1:1');
    expect(down.stderr).not.toContain('secret');
  });

  it('reextract --queue with PostgreSQL not there stops before touching the archive (exit 5)', async () => {
    const { file, db } = tempArchive('nianbao-queue-cli-');
    db.close();
    const down = await runCli(['reextract', '--db', file, '--queue', 'postgres://nianbao:secret@127.0.0.1:1/x', '--job-expiry', '30']);
    expect([down.code, codeOf(down.stderr)]).toEqual([5, 'E_QUEUE_UNREACHABLE']);
    const badExpiry = await runCli(['reextract', '--db', file, '--queue', 'postgres://127.0.0.1:1/x', '--job-expiry', '0']);
    expect([badExpiry.code, codeOf(badExpiry.stderr)]).toEqual([2, 'E_USAGE']);
  });

  it('crawl --queue with a URL that is not PostgreSQL\'s is usage (exit 2) before any run starts', async () => {
    const { file, dir, db } = tempArchive('nianbao-queue-cli-');
    db.close();
    const portals = path.join(dir, 'portals.json');
    writeFileSync(portals, JSON.stringify([{ id: 'somewhere', baseUrl: 'http://127.0.0.1:1/' }]));
    const bad = await runCli(['crawl', '--db', file, '--portals', portals, '--queue', 'http://127.0.0.1:1/x']);
    expect([bad.code, codeOf(bad.stderr)]).toEqual([2, 'E_USAGE']);
  });
});
