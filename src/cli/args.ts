/** Parsed command line: positional words and `--flag value` / `--flag` options. */
export interface CliArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) {
      flags.set(name, next);
      i++;
    } else flags.set(name, true);
  }
  return { positional, flags };
}

export function flagString(args: CliArgs, name: string, fallback?: string): string {
  const v = args.flags.get(name);
  if (typeof v === 'string') return v;
  if (fallback !== undefined) return fallback;
  throw new UsageError(`--${name} <value> is required`);
}

export function flagInt(args: CliArgs, name: string, fallback: number): number {
  const v = args.flags.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} must be a whole number, got ${String(v)}`);
  return n;
}
