import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SkipError, StopError } from '../../../common/errors.ts';
import { getCaptureBody } from '../../../store/captures.ts';
import { captureExchange, type CaptureExchange } from '../../../store/serve-capture.ts';
import { COMMON_OPTIONS, flag, parseCommandArgs, stringOption } from '../args.ts';
import { openArchiveFor } from '../archive-path.ts';
import type { Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { printJson } from '../output.ts';

const HELP = `Usage: nianbao capture <capture-id> [options]

Show one archived HTTP exchange: the request, the final URL, when it was fetched, the status, the request and
response headers, the body's type, length and SHA-256 — what the evidence ids of \`nianbao missing\` and the
capture ids of \`nianbao show\` point to. A 304 names the capture whose content it confirmed. In the web page:
#/capture/<id>.

Options:
  --out FILE    also write the stored body's bytes to FILE
  --db FILE     archive (default: data/archive.sqlite)
  --json        print the exchange as JSON
  -h, --help    this help

Exit codes: 0 ok, 2 usage, 4 no such capture (or no stored body with --out), 5 archive error.`;

export const captureCommand: Command = {
  name: 'capture',
  summary: 'show one archived HTTP exchange (request, status, headers, body digest) by capture id',
  help: HELP,
  async run(argv, ctx) {
    const args = parseCommandArgs('capture', argv, { ...COMMON_OPTIONS, out: { type: 'string' } });
    const ref = args.positionals[0];
    if (ref === undefined || args.positionals.length > 1 || !/^\d+$/.test(ref)) throw new StopError('E_USAGE', 'give one capture id (a number, e.g. an evidence id of `nianbao missing`)');
    const db = openArchiveFor(args, ctx);
    try {
      const exchange = captureExchange(db, Number(ref));
      if (exchange === null) throw new SkipError('E_NOT_FOUND', `no capture ${ref} in the archive`, { input: ref });
      const out = stringOption(args, 'out');
      if (out !== undefined) {
        const body = getCaptureBody(db, exchange.capture.id);
        if (body === null) throw new SkipError('E_NOT_FOUND', `capture ${ref} has no stored body (status ${exchange.capture.status})`, { input: ref });
        writeFileSync(path.resolve(out), body);
      }
      if (flag(args, 'json')) printJson(ctx.output, { ...exchange.capture, confirms: exchange.confirms, rendering: exchange.rendering });
      else ctx.output.out(formatCapture(exchange));
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};

function formatCapture({ capture: c, confirms }: CaptureExchange): string {
  const headers = (h: Readonly<Record<string, string>>): string[] => Object.entries(h).map(([k, v]) => `  ${k}: ${v}`);
  return [
    `capture ${c.id} (run ${c.runId}, portal ${c.portalId}, ${c.purpose}, crawler ${c.crawlerVersion})`,
    `request:  ${c.method} ${c.requestedUrl}`,
    c.finalUrl === c.requestedUrl ? '' : `final:    ${c.finalUrl}`,
    `fetched:  ${c.fetchedAt}${c.elapsedMs === null ? '' : ` in ${c.elapsedMs} ms`}`,
    `status:   ${c.status === 0 ? `no response (${c.errorCode ?? '?'}: ${c.errorMessage ?? ''})` : c.status}`,
    `body:     ${c.sha256 === null ? 'none stored' : `${c.length} bytes, ${c.contentType ?? 'untyped'}${c.charset ? `, ${c.charset}` : ''}, sha256 ${c.sha256}`}`,
    confirms === null ? '' : `304: confirms the content of capture ${confirms}`,
    'request headers:',
    ...headers(c.requestHeaders),
    'response headers:',
    ...headers(c.headers),
  ].filter((line) => line !== '').join('\n');
}
