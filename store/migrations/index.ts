/** Every migration, in order. Append new ones; never edit or renumber an applied one. */
import { migration001 } from './001-initial.ts';
import { migration002 } from './002-watch.ts';
import { migration003 } from './003-search.ts';
import { migration004 } from './004-extraction-problems.ts';
import { migration005 } from './005-report-summaries.ts';
import { migration006 } from './006-extraction-quarantine.ts';
import { migration007 } from './007-frontier-host.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007];
