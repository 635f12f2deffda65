/**
 * Legacy binary documents (DOC, WPS, XLS) → OOXML with LibreOffice headless: a real converter, run in its own temp
 * directory with its own profile (`-env:UserInstallation`), so concurrent conversions never share state, killed
 * with its whole process group when it overruns its time limit. Debian packages: libreoffice-writer-nogui,
 * libreoffice-calc-nogui.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SkipError } from '../../../common/errors.ts';

const CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/usr/bin/libreoffice'];

export function libreOfficePath(): string | null {
  const fromEnv = process.env['NIANBAO_SOFFICE'];
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const FILTERS: Readonly<Record<string, string>> = {
  docx: 'docx:MS Word 2007 XML',
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  doc: 'doc:MS Word 97',
  xls: 'xls:MS Excel 97',
  pdf: 'pdf',
};

function run(binary: string, args: readonly string[], timeoutMs: number, input: string, home: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, HOME: home } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new SkipError('E_DOCUMENT_TIMEOUT', `${input}: LibreOffice did not finish converting within ${timeoutMs} ms`, { input }));
    }, timeoutMs);
    child.on('error', (cause) => {
      clearTimeout(timer);
      reject(new SkipError('E_CONVERTER_UNAVAILABLE', `LibreOffice could not be started (${cause.message}); install libreoffice-writer-nogui and libreoffice-calc-nogui`, { cause }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new SkipError('E_DOCUMENT_CORRUPT', `${input}: LibreOffice could not convert the file (exit ${code}): ${stderr.trim().slice(0, 300)}`, { input }));
    });
  });
}

/** Convert `bytes` (a `from` file) to the `to` format; returns the converted bytes. */
export async function convertWithLibreOffice(bytes: Buffer, from: string, to: 'docx' | 'xlsx' | 'doc' | 'xls' | 'pdf', options: { timeoutMs?: number; input?: string } = {}): Promise<Buffer> {
  const input = options.input ?? `a .${from} file`;
  const binary = libreOfficePath();
  if (binary === null) {
    throw new SkipError('E_CONVERTER_UNAVAILABLE', `converting ${input} needs LibreOffice (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui)`, { input });
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nianbao-lo-'));
  try {
    const source = path.join(dir, `input.${from}`);
    const out = path.join(dir, 'out');
    await writeFile(source, bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--invisible', '--norestore', '--nologo', '--nolockcheck', '--nodefault', '--convert-to', FILTERS[to] ?? to, '--outdir', out, source];
    await run(binary, args, options.timeoutMs ?? 60_000, input, dir);
    const produced = (await readdir(out).catch(() => [] as string[])).find((f) => f.endsWith(`.${to}`));
    if (produced === undefined) throw new SkipError('E_DOCUMENT_CORRUPT', `${input}: LibreOffice produced no .${to} (not a readable document)`, { input });
    return await readFile(path.join(out, produced));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
