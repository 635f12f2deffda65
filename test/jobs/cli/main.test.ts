/** The CLI's command list: it loads commands lazily, so its one-line summaries must match the commands' own. */
import { describe, expect, it } from 'vitest';
import { StopError } from '../../../common/errors.ts';
import { COMMANDS, mainHelp, reportError } from '../../../jobs/cli/main.ts';

describe('the command list', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: the list names and summarises the command it loads', async (name, entry) => {
    const command = await entry.load();
    expect(command.name).toBe(name);
    expect(entry.summary).toBe(command.summary);
    expect(mainHelp()).toContain(entry.summary);
  });
});

describe('error lines', () => {
  function collect(error: unknown, debug: boolean): string {
    let text = '';
    reportError({ out: () => undefined, err: (line) => (text += `${line}\n`) }, 'export', error, debug);
    return text;
  }

  it('an unexpected error: one line, the stack only with --debug', () => {
    const error = new Error('ENOTDIR: not a directory');
    expect(collect(error, false)).not.toMatch(/^\s+at /m);
    expect(collect(error, false).trim().split('\n')).toHaveLength(1);
    expect(collect(error, true)).toMatch(/^\s+at /m);
  });

  it('the command is named once even when the message already names it', () => {
    const text = collect(new StopError('E_USAGE', 'nianbao export: --out is required'), false);
    expect(text.match(/nianbao export/g)).toHaveLength(1);
    expect(text).toContain('[E_USAGE]');
  });
});
