import { mkdirSync } from 'node:fs';
import { StopError } from '../../../common/errors.ts';
import { EXPORT_FORMATS, runExport } from '../../export/run-export.ts';
import { verifyManifest, type ExportFormat } from '../../export/manifest.ts';
import { COMMON_OPTIONS, flag, intOption, parseCommandArgs, stringOption } from '../args.ts';
import { archivePath, openArchiveFor } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { formatTable, printJson, type Output } from '../output.ts';

const HELP = `Usage: nianbao export --format csv|json|parquet|warc --out DIR [options]
       nianbao export --verify DIR

Write the archive for other tools, with DIR/manifest.json listing every file with its row count, size and
SHA-256 (docs/research-queries.md):
  csv, json, parquet   tables reports, wide (one row per report, one column per canonical key, 2021 and 2019
                       keys unioned), long (report × key: value, raw, method, location, confidence,
                       extractor_version, source_capture_id), agencies, checks, and statuses when the watch tables
                       of \`nianbao nightly\` exist. json writes JSON Lines (.jsonl). Money is in 万元; blank is null.
  warc                 every HTTP exchange as WARC 1.1 (.warc.gz, one gzip member per record): warcinfo,
                       request, response; revisit for a body already written (identical-payload-digest) and for
                       304s (server-not-modified); WARC-Payload-Digest / WARC-Block-Digest as sha256:<hex>.
--verify DIR re-reads a manifest and checks every file's size, SHA-256 and row count.

Options:
  --db FILE            archive (default: data/archive.sqlite; must exist)
  --format F           csv, json, parquet or warc
  --out DIR            directory to write (must be empty or new, unless --force)
  --all-versions       tables include superseded report versions (default: current versions only)
  --force              write into a directory that already holds files
  --warc-max-bytes N   start a new WARC file past N bytes (default 1073741824)
  --verify DIR         check an export against its manifest instead of writing one
  --json               print the manifest's file list (or the verification) as JSON
  -h, --help           this help

Exit codes: 0 ok, 2 usage, 4 a verified file is missing or changed (E_VERIFY_FAILED), 5 archive error.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'export tables as CSV / JSON Lines / Parquet, or captures as WARC, with a manifest; --verify checks one',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('export', argv, {
      ...COMMON_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      'all-versions': { type: 'boolean' },
      force: { type: 'boolean' },
      'warc-max-bytes': { type: 'string', number: { min: 1 } },
      verify: { type: 'string' },
    });
    if (args.positionals.length > 0) throw new StopError('E_USAGE', `takes no arguments, got "${args.positionals.join(' ')}"`);
    const verifyDir = stringOption(args, 'verify');
    if (verifyDir !== undefined) return verify(verifyDir, flag(args, 'json'), ctx.output);
    const format = stringOption(args, 'format');
    const out = stringOption(args, 'out');
    if (format === undefined || !EXPORT_FORMATS.includes(format as ExportFormat)) throw new StopError('E_USAGE', `--format expects one of ${EXPORT_FORMATS.join(', ')}${format === undefined ? '' : `, got "${format}"`}`);
    if (out === undefined) throw new StopError('E_USAGE', '--out DIR is required');
    const warcMaxBytes = intOption(args, 'warc-max-bytes');
    const db = openArchiveFor(args, ctx);
    try {
      makeOutDir(out);
      const result = runExport(db, {
        format: format as ExportFormat,
        outDir: out,
        archiveFile: archivePath(args, ctx),
        allVersions: flag(args, 'all-versions'),
        force: flag(args, 'force'),
        ...(warcMaxBytes === undefined ? {} : { warcMaxBytes }),
      });
      if (flag(args, 'json')) printJson(ctx.output, result);
      else {
        const rows = result.files.map((f) => [f.path, String(f.rows), String(f.bytes), f.sha256]);
        ctx.output.out(`${formatTable(['file', format === 'warc' ? 'records' : 'rows', 'bytes', 'sha256'], rows)}\n\nwrote ${result.dir}/manifest.json (sha256 ${result.manifestSha256})`);
      }
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};

/** `--out` as a directory we can write, or E_USAGE naming it (not an unexpected ENOTDIR / EACCES). */
function makeOutDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    throw new StopError('E_USAGE', `--out ${dir}: cannot create or write this directory (${typeof code === 'string' ? code : String(cause)}); give a writable directory`, { cause, input: dir });
  }
}

function verify(dir: string, json: boolean, output: Output): number {
  const result = verifyManifest(dir);
  if (json) printJson(output, result);
  else output.out(`${result.files.map((f) => `${f.ok ? 'ok  ' : 'FAIL'}  ${f.path}${f.problems.length > 0 ? `: ${f.problems.join('; ')}` : ''}`).join('\n')}\nmanifest.json sha256 ${result.manifestSha256}`);
  if (!result.ok) {
    const bad = result.files.filter((f) => !f.ok).map((f) => f.path);
    throw new StopError('E_VERIFY_FAILED', `${bad.length} file(s) do not match the manifest: ${bad.join(', ')}`, { input: dir });
  }
  return EXIT.ok;
}
