/**
 * Command-line parsing on node:util's parseArgs, with usage errors typed for the CLI. Every numeric option declares
 * its range in its spec (`number`), and is checked here, when the command line is read: a bad value (`--concurrency 0`,
 * `--limit -1`, `--delay soon`) stops the command with E_USAGE (exit 2) before it opens an archive or starts a run.
 * Messages do not name the command: the CLI prefixes it once.
 */
import { parseArgs } from 'node:util';
import { StopError } from '../../common/errors.ts';
import { nearest } from './nearest.ts';

export interface NumberRange {
  /** Smallest value accepted. */
  readonly min: number;
  readonly max?: number;
  /** Accept decimals (e.g. `--timeout 0.5` seconds); default integers only. */
  readonly decimal?: boolean;
}

export interface OptionDef {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The option takes a number in this range. */
  readonly number?: NumberRange;
}

export type OptionSpec = Readonly<Record<string, OptionDef>>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: string[];
}

export function parseCommandArgs(command: string, argv: readonly string[], options: OptionSpec): ParsedArgs {
  const nodeOptions = Object.fromEntries(
    Object.entries(options).map(([name, def]) => [name, { type: def.type, ...(def.short === undefined ? {} : { short: def.short }), ...(def.multiple === undefined ? {} : { multiple: def.multiple }) }]),
  );
  let parsed: ParsedArgs;
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: nodeOptions, allowPositionals: true, strict: true });
    parsed = { values: values as ParsedArgs['values'], positionals };
  } catch (cause) {
    const message = usageMessage(cause, options);
    throw new StopError('E_USAGE', `${message}${message.endsWith('?') ? '' : '.'} Run \`nianbao ${command} --help\`.`, { cause });
  }
  for (const [name, def] of Object.entries(options)) {
    if (def.number !== undefined) checkNumbers(name, parsed.values[name], def.number);
  }
  return parsed;
}

/** parseArgs' error in our words: the option, and for an unknown one the nearest known option. */
function usageMessage(cause: unknown, options: OptionSpec): string {
  const code = (cause as { code?: unknown }).code;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /'([^']+)'/.exec(message)?.[1] ?? '?';
    const guess = nearest(given.replace(/^-+/, '').split('=')[0] ?? '', Object.keys(options));
    return `unknown option ${given}${guess === undefined ? '' : `; did you mean --${guess}?`}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /(--[\w-]+)/.exec(message)?.[1] ?? 'an option';
    return options[name.slice(2)]?.type === 'boolean' ? `${name} takes no value` : `${name} needs a value`;
  }
  return message.replace(/\.$/, '');
}

function checkNumbers(name: string, raw: ParsedArgs['values'][string], range: NumberRange): void {
  if (raw === undefined) return;
  for (const item of Array.isArray(raw) ? raw : [raw]) {
    const text = String(item).trim();
    const value = Number(text);
    const shape = range.decimal === true ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
    if (!shape.test(text) || !Number.isFinite(value) || value < range.min || (range.max !== undefined && value > range.max)) {
      throw new StopError('E_USAGE', `--${name} expects ${describeRange(range)}, got "${String(item)}"`);
    }
  }
}

function describeRange(range: NumberRange): string {
  const kind = range.decimal === true ? 'a number' : 'an integer';
  return range.max === undefined ? `${kind} ≥ ${range.min}` : `${kind} from ${range.min} to ${range.max}`;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable string option. */
export function stringListOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  if (value === undefined || typeof value === 'boolean') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * An integer option's value. Its range was checked by parseCommandArgs when the spec declares one; an option
 * without a declared range must be a non-negative integer.
 */
export function intOption(args: ParsedArgs, name: string, _command?: string): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  checkNumbers(name, raw, { min: 0 });
  return Number(raw);
}

/** A number option (decimals allowed when its spec says so), range-checked by parseCommandArgs. */
export function numberOption(args: ParsedArgs, name: string): number | undefined {
  const raw = stringOption(args, name);
  return raw === undefined ? undefined : Number(raw);
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
