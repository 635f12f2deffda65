/** The README keeps up with the nightly job: its log event types, statuses and exit codes are documented. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../jobs/cli/exit-codes.ts';
import { NIGHTLY_EVENT_TYPES } from '../../../jobs/nightly/nightly-log.ts';
import { SIMILARITY_THRESHOLD } from '../../../jobs/watch/similarity.ts';
import { WATCH_STATUSES } from '../../../store/watch-statuses.ts';

const README = readFileSync(path.resolve('README.md'), 'utf8');

describe('README: nightly run and the watch', () => {
  it('lists every log event type, status and exit code, and the similarity threshold', () => {
    for (const type of NIGHTLY_EVENT_TYPES) expect(README).toContain(`\`${type}\``);
    for (const status of WATCH_STATUSES) expect(README).toMatch(new RegExp(`^\\| \`${status}\` \\|`, 'm'));
    for (const code of Object.values(EXIT)) expect(README).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
    expect(README).toContain(`**${SIMILARITY_THRESHOLD}**`);
    expect(README).toContain('0 2 * * *');
  });
});
