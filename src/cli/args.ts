/** Parsed command line: positional words and `--flag value` / `--flag` options. */
export interface CliArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Options that are on or off: they never take the next word as their value (`table --json
 * a=x.json` would otherwise lose `a=x.json` to --json).
 */
const SWITCHES = new Set(['json', 'force', 'resume', 'validated', 'per-task', 'help']);

export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    // Split at the first `=` only: `--out=runs/seed=1.jsonl` names that whole path.
    const rest = word.slice(2);
    const at = rest.indexOf('=');
    const name = at < 0 ? rest : rest.slice(0, at);
    const inline = at < 0 ? undefined : rest.slice(at + 1);
    const next = argv[i + 1];
    if (SWITCHES.has(name)) {
      if (inline !== undefined)
        throw new UsageError(
          `--${name} takes no value (got "--${name}=${inline}"): write --${name}`,
        );
      flags.set(name, true);
    } else if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) {
      flags.set(name, next);
      i++;
    } else flags.set(name, true);
  }
  return { positional, flags };
}

export function flagString(args: CliArgs, name: string, fallback?: string): string {
  const v = args.flags.get(name);
  if (typeof v === 'string') {
    // `--out=` or `--out "$DIR"` with DIR unset: never the current folder by accident.
    if (v.trim() === '') throw new UsageError(`--${name} is empty: give it a value`);
    return v;
  }
  // Given with no value (`--out --force`, or `--out $DIR` with DIR unset, unquoted): never the
  // default by accident; the default is for a flag left out.
  if (v === true) throw new UsageError(`--${name} needs a value (--${name} X or --${name}=X)`);
  if (fallback !== undefined) return fallback;
  throw new UsageError(`--${name} <value> is required`);
}

export function flagInt(
  args: CliArgs,
  name: string,
  fallback: number,
  least = 0,
  most = Number.MAX_SAFE_INTEGER,
): number {
  const v = args.flags.get(name);
  if (v === undefined) return fallback;
  if (v === true) throw new UsageError(`--${name} needs a value (--${name} N or --${name}=N)`);
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < least)
    throw new UsageError(`--${name} must be a whole number of at least ${least}, got "${v}"`);
  if (n > most)
    throw new UsageError(`--${name} must be a whole number from ${least} to ${most}, got "${v}"`);
  // The generator takes 32 bits: a larger seed would silently repeat a smaller one's run.
  if ((name === 'seed' || name === 'suite-seed') && n > 0xffffffff)
    throw new UsageError(
      `--${name} must be a whole number from 0 to 4294967295 (seeds are 32 bits), got "${v}"`,
    );
  return n;
}

/** Whether the words ask for help (`--help`, `-h` or `help`) rather than for work. */
export const wantsHelp = (argv: readonly string[]): boolean =>
  argv.some((w) => w === '--help' || w === '-h' || w === 'help');

/**
 * Refuses options a command does not take (a typo such as `--step=1` would otherwise be
 * ignored and the run go ahead with the default), naming the ones it does.
 */
export function checkFlags(args: CliArgs, command: string, known: readonly string[]): void {
  const unknown = [...args.flags.keys()].filter((f) => f !== 'json' && !known.includes(f));
  if (unknown.length === 0) return;
  const takes = known.length ? known.map((f) => `--${f}`).join(', ') : 'none';
  throw new UsageError(
    `${command}: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `--${f}`).join(', ')}; it takes ${takes} (and --json)`,
  );
}

/** Refuses words after the command's name beyond the `max` it takes (none left unread). */
export function checkWords(
  args: CliArgs,
  command: string,
  max: number | undefined,
  usage: string,
): void {
  const extra = max === undefined ? [] : args.positional.slice(1 + max);
  if (extra.length === 0) return;
  throw new UsageError(
    `${command}: unexpected ${extra.length > 1 ? 'arguments' : 'argument'} ${extra.map((w) => `"${w}"`).join(', ')} (usage: ${usage})`,
  );
}
