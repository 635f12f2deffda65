/** Command-line parsing on node:util's parseArgs, with usage errors typed for the CLI. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { StopError } from '../../common/errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

export function parseCommandArgs(command: string, argv: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (cause) {
    throw new StopError('E_USAGE', `nianbao ${command}: ${(cause as Error).message}. Run \`nianbao ${command} --help\`.`, { cause });
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function intOption(args: ParsedArgs, name: string, command: string): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new StopError('E_USAGE', `nianbao ${command}: --${name} expects a non-negative integer, got "${raw}"`);
  }
  return value;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** Options every archive-touching command shares. */
export const COMMON_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
