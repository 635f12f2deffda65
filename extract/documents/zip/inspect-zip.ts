/**
 * Look inside a zip container (DOCX, XLSX) before any library unpacks it: entry count, encryption, declared sizes
 * and compression ratios, then every entry is inflated once, counting bytes, so a bomb that lies in its headers is
 * caught too. Memory stays bounded: nothing is kept but the names.
 */
import yauzl from 'yauzl';
import { SkipError } from '../../../common/errors.ts';
import type { DocumentLimits } from '../types.ts';

export interface ZipSummary {
  readonly names: readonly string[];
  readonly unzippedBytes: number;
}

type ZipLimits = Pick<DocumentLimits, 'maxUnzippedBytes' | 'maxZipEntries' | 'maxZipRatio'>;

function openZip(bytes: Buffer, input: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error !== null || zip === undefined) reject(new SkipError('E_DOCUMENT_CORRUPT', `${input}: not a readable zip container (${error?.message ?? 'no entries'})`, { cause: error, input }));
      else resolve(zip);
    });
  });
}

function bomb(input: string, why: string): SkipError {
  return new SkipError('E_DOCUMENT_ZIP_BOMB', `${input}: refused to unpack (${why})`, { input });
}

/** Inflate one entry, counting bytes; abort past `budget`. */
function drain(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number, input: string): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error !== null || stream === undefined) {
        reject(new SkipError('E_DOCUMENT_CORRUPT', `${input}: entry ${entry.fileName} cannot be read (${error?.message ?? 'no stream'})`, { cause: error, input }));
        return;
      }
      let count = 0;
      stream.on('data', (chunk: Buffer) => {
        count += chunk.length;
        if (count > budget) {
          stream.destroy();
          reject(bomb(input, `entry ${entry.fileName} inflates past the ${budget}-byte budget`));
        }
      });
      stream.on('error', (cause) => reject(/too many bytes/i.test(cause.message) ? bomb(input, `entry ${entry.fileName} inflates past its declared size`) : new SkipError('E_DOCUMENT_CORRUPT', `${input}: entry ${entry.fileName} is damaged (${cause.message})`, { cause, input })));
      stream.on('end', () => resolve(count));
    });
  });
}

export async function inspectZip(bytes: Buffer, input: string, limits: ZipLimits): Promise<ZipSummary> {
  if (!bytes.subarray(Math.max(0, bytes.length - 65_557)).includes('PK\x05\x06', 0, 'latin1')) {
    throw new SkipError('E_TRUNCATED', `${input}: the zip container has no end record (truncated download?)`, { input });
  }
  const zip = await openZip(bytes, input);
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    throw bomb(input, `${zip.entryCount} entries, over ${limits.maxZipEntries}`);
  }
  const names: string[] = [];
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (cause: Error) => reject(new SkipError('E_DOCUMENT_CORRUPT', `${input}: damaged zip (${cause.message})`, { cause, input })));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          names.push(entry.fileName);
          if ((entry.generalPurposeBitFlag & 0x1) !== 0) throw new SkipError('E_DOCUMENT_ENCRYPTED', `${input}: zip entry ${entry.fileName} is encrypted`, { input });
          if (total + entry.uncompressedSize > limits.maxUnzippedBytes) throw bomb(input, `declared size passes ${limits.maxUnzippedBytes} bytes`);
          if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * limits.maxZipRatio) {
            throw bomb(input, `entry ${entry.fileName} expands ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}×`);
          }
          if (!entry.fileName.endsWith('/')) total += await drain(zip, entry, limits.maxUnzippedBytes - total, input);
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return { names, unzippedBytes: total };
}
