/** The CLI's command list: it loads commands lazily, so its one-line summaries must match the commands' own. */
import { describe, expect, it } from 'vitest';
import { COMMANDS, mainHelp } from '../../../jobs/cli/main.ts';

describe('the command list', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: the list names and summarises the command it loads', async (name, entry) => {
    const command = await entry.load();
    expect(command.name).toBe(name);
    expect(entry.summary).toBe(command.summary);
    expect(mainHelp()).toContain(entry.summary);
  });
});
