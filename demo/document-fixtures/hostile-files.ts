/**
 * Hostile and broken documents, generated on demand (nothing big is committed): a password-protected PDF, a PDF
 * claiming 10,000 pages, corrupt and truncated files, a zip bomb dressed as a DOCX (honest and lying headers), an
 * encrypted OOXML container.
 */
import { Readable } from 'node:stream';
import yazl from 'yazl';

function pdf(objects: readonly string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';

/** A PDF whose page tree claims `count` pages (it holds one). */
export function manyPagesPdf(count = 10_000): Buffer {
  return pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [3 0 R] /Count ${count} >>`, PAGE]);
}

/** Standard security handler (RC4, R2) with a user password: nothing readable without it. */
export function encryptedPdf(): Buffer {
  const hex = (seed: number): string => Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 17) & 0xff).toString(16).padStart(2, '0')).join('');
  return pdf(
    ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', PAGE, `<< /Filter /Standard /V 1 /R 2 /O <${hex(7)}> /U <${hex(11)}> /P -44 >>`],
    '/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ',
  );
}

/** A PDF header followed by noise. */
export function corruptPdf(): Buffer {
  const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) & 0xff));
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), noise, Buffer.from('\n%%EOF\n')]);
}

/** The first `fraction` of a file, as an interrupted download leaves it. */
export function truncated(bytes: Buffer, fraction = 0.4): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

async function zipOf(entries: readonly { name: string; data: Buffer | (() => Readable); size?: number }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    if (Buffer.isBuffer(e.data)) zip.addBuffer(e.data, e.name);
    else zip.addReadStream(e.data(), e.name, e.size === undefined ? {} : { size: e.size });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function zeros(total: number): () => Readable {
  return () => {
    let left = total;
    const chunk = Buffer.alloc(1024 * 1024);
    return new Readable({
      read() {
        if (left <= 0) this.push(null);
        else {
          const n = Math.min(left, chunk.length);
          left -= n;
          this.push(chunk.subarray(0, n));
        }
      },
    });
  };
}

/** A DOCX-looking zip whose word/document.xml inflates to `megabytes` MiB of zeros (honest headers). */
export function zipBombDocx(megabytes = 64): Promise<Buffer> {
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: zeros(megabytes * 1024 * 1024), size: megabytes * 1024 * 1024 },
  ]);
}

/** The same bomb with its sizes rewritten to claim 1 KiB: only inflating it shows what it is. */
export async function lyingZipBombDocx(megabytes = 64): Promise<Buffer> {
  const bytes = Buffer.from(await zipBombDocx(megabytes));
  const claim = 1024;
  for (let i = 0; i + 4 <= bytes.length; i += 1) {
    const sig = bytes.readUInt32LE(i);
    if (sig === 0x04034b50 && bytes.readUInt32LE(i + 22) > claim) bytes.writeUInt32LE(claim, i + 22);
    if (sig === 0x02014b50 && bytes.readUInt32LE(i + 24) > claim) bytes.writeUInt32LE(claim, i + 24);
    if (sig === 0x08074b50 && bytes.readUInt32LE(i + 12) > claim) bytes.writeUInt32LE(claim, i + 12);
  }
  return bytes;
}

/** An OLE compound file holding `EncryptedPackage` (how Office stores a password-protected DOCX/XLSX). */
export function encryptedOoxml(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(1024)]);
}
