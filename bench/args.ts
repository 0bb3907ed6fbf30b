/**
 * `npm run bench` arguments: the parts to run (bare words) and options, written `--name=value`
 * or `--name value`. Anything else (an unknown part or option, a value that is not a whole
 * number) is refused with a message naming it, before any benchmark starts.
 */

export const PARTS = ['sandbox', 'training', 'memory'] as const;
export type Part = (typeof PARTS)[number];

/** Every option, with what its value must be. */
export const OPTIONS = {
  'measure-ms': 'positive',
  steps: 'positive',
  'warm-up': 'nonNegative',
  'slow-steps': 'positive',
  'budget-s': 'positive',
  only: 'list',
} as const;
export type OptionName = keyof typeof OPTIONS;

export interface BenchArgs {
  /** The parts named, in PARTS order (all of them when none is named). */
  parts: Part[];
  options: Partial<Record<OptionName, string>>;
}

const isOption = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name);

function checkValue(name: OptionName, value: string): string | null {
  const kind = OPTIONS[name];
  if (kind === 'list') return value.trim() === '' ? `--${name} needs a comma-separated list` : null;
  const n = Number(value);
  const least = kind === 'positive' ? 1 : 0;
  if (value.trim() === '' || !Number.isInteger(n) || n < least) {
    return `--${name} must be a whole number of at least ${least}, not "${value}"`;
  }
  return null;
}

/** The arguments, or what is wrong with them (one message per problem). */
export function parseBenchArgs(argv: readonly string[]): BenchArgs | { errors: string[] } {
  const errors: string[] = [];
  const named = new Set<string>();
  const options: BenchArgs['options'] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      if ((PARTS as readonly string[]).includes(arg)) named.add(arg);
      else errors.push(`unknown part "${arg}"; parts are ${PARTS.join(', ')}`);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (!isOption(name)) {
      errors.push(
        `unknown option --${name}; options are ${Object.keys(OPTIONS)
          .map((o) => `--${o}`)
          .join(', ')}`,
      );
      continue;
    }
    let value: string | undefined = eq < 0 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq < 0) {
      if (value === undefined || value.startsWith('--')) {
        errors.push(`--${name} needs a value (--${name}=N or --${name} N)`);
        continue;
      }
      i++;
    }
    value = value!;
    const problem = checkValue(name, value);
    if (problem) errors.push(problem);
    else options[name] = value;
  }
  if (errors.length > 0) return { errors };
  const parts = PARTS.filter((p) => named.size === 0 || named.has(p));
  return { parts, options };
}

let parsedOptions: BenchArgs['options'] | null = null;

/** The options of this process's arguments, parsed once (index.ts has refused bad ones). */
function current(): BenchArgs['options'] {
  if (parsedOptions) return parsedOptions;
  const parsed = parseBenchArgs(process.argv.slice(2));
  return (parsedOptions = 'errors' in parsed ? {} : parsed.options);
}

/** A whole-number option of this run, or `fallback` when it is not given. */
export function intOption(name: OptionName, fallback: number): number {
  const value = current()[name];
  return value === undefined ? fallback : Number(value);
}

/** A list option of this run (`--only=a,b`), or null when it is not given. */
export function listOption(name: OptionName): string[] | null {
  const value = current()[name];
  return value === undefined ? null : value.split(',').map((s) => s.trim());
}
