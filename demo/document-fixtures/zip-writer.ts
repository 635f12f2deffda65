/** Write a zip (DOCX/XLSX containers) from named entries, deterministically (fixed dates). */
import yazl from 'yazl';

export async function writeZip(entries: readonly { name: string; data: Buffer | string }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date('2025-01-01T00:00:00Z');
  for (const e of entries) zip.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8'), e.name, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
