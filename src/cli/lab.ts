// `npm run lab -- <command>`: the app's core, headless in Node. With --json the last line
// printed is one JSON object.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeBuildId } from '../node/buildId';
import { createNodeSandbox } from '../node/sandbox';
import { PRESETS } from '../rl/presets';
import { checkFlags, checkWords, parseArgs, UsageError, wantsHelp } from './args';
import { bundleCommand } from './bundle';
import { compareCommand } from './compare';
import { experimentCommand, GRID_BASELINES } from './experiment';
import { tableCommand } from './table';
import { trainCommand } from './train';
import {
  evalCommand,
  promptsCommand,
  sandboxCommand,
  suiteCommand,
  validateCommand,
  type CommandContext,
} from './commands';

/**
 * Each command: its usage lines, the options it takes and how many words follow its name (a file,
 * a folder; unlimited when absent). Anything else is refused.
 */
const SPECS: Record<
  string,
  {
    run: (ctx: CommandContext) => Promise<Record<string, unknown>>;
    usage: string[];
    flags: string[];
    words?: number;
  }
> = {
  validate: {
    run: validateCommand,
    usage: ['validate <file.jsonl | builtin> [--seed N]'],
    flags: ['seed'],
    words: 1,
  },
  eval: {
    run: evalCommand,
    usage: [
      'eval --policy oracle|random --suite <builtin:<split> | quick:<split> | file.jsonl> [--skills a,b|atomic|composite] [--samples k] [--seed N]',
      'eval --policy <run dir | checkpoint.json> --suite ... [--samples k] [--backend wasm|cpu]',
      'eval --answers <file.jsonl> --suite ...   (a model\'s answers, {"task": id, "answer": text} a line, graded like a policy\'s)',
      "      [--per-task: the JSON holds every task's score, to pair with another policy's over the same tasks]",
      '      [--validated: the suite file holds only valid tasks (as the app and `suite export` write them); skips validating them]',
    ],
    flags: [
      'policy',
      'answers',
      'suite',
      'validated',
      'skills',
      'samples',
      'seed',
      'backend',
      'per-task',
    ],
    words: 0,
  },
  prompts: {
    run: promptsCommand,
    usage: [
      'prompts --suite <builtin:<split> | quick:<split> | file.jsonl> [--validated] --out <file.jsonl> [--skills a,b|atomic|composite] [--seed N] [--force: replace --out]',
      '      (each task as a prompt for a language model; score its replies with eval --answers)',
    ],
    flags: ['suite', 'validated', 'out', 'skills', 'seed', 'force'],
    words: 0,
  },
  compare: {
    run: compareCommand,
    usage: [
      "compare <a.json> <b.json>   (`eval --per-task --json` outputs or runs' eval.json: a - b per kind, paired over the same tasks)",
    ],
    flags: [],
    words: 2,
  },
  table: {
    run: tableCommand,
    usage: [
      "table [--grid paper|interference] <baseline>=<eval.json> ...   (the grid's table from evaluations made apart,",
      "      each an `eval --per-task --json` output or a run's eval.json, e.g. joint-rl=joint.json warm-start=warm.json)",
    ],
    flags: ['grid'],
  },
  sandbox: {
    run: sandboxCommand,
    usage: [
      'sandbox <folder> [--deadline ms] [--steps checks]   (exits 1 unless every test passes)',
    ],
    flags: ['deadline', 'steps'],
    words: 1,
  },
  suite: {
    run: suiteCommand,
    usage: [
      'suite export [--split <train|val|test|all>: all when absent] --out <file.jsonl> [--seed N] [--force: replace --out]',
    ],
    flags: ['split', 'out', 'seed', 'force'],
    words: 1,
  },
  train: {
    run: trainCommand,
    usage: [
      'train --config <preset | file.json> --out <new dir> [--seed N] [--steps N] [--backend wasm|cpu]',
      '      [--suite quick | file.jsonl [--validated]] [--suite-seed N] [--checkpoint-every N: steps, 10] [--force: replace a run already in --out]',
      'train --out <run dir> --resume [--steps N]   (continue from its checkpoint; --steps N trains further)',
    ],
    flags: [
      'config',
      'out',
      'resume',
      'force',
      'seed',
      'steps',
      'backend',
      'suite',
      'validated',
      'suite-seed',
      'checkpoint-every',
    ],
    words: 0,
  },
  bundle: {
    run: bundleCommand,
    usage: [
      'bundle --run <finished run dir> --out <file.json> [--name N] [--force: replace --out]',
      '      (the run as a bundle the app imports: its curves, evaluations, checkpoint and test answers on the Train page)',
      'bundle --experiment <lab experiment --out dir> --out <folder> [--force: replace bundles there]',
      "      (every run of the experiment, <folder>/<run>.json each: import them together for the Evaluate page's grid)",
    ],
    flags: ['run', 'experiment', 'out', 'name', 'force'],
    words: 0,
  },
  experiment: {
    run: experimentCommand,
    usage: [
      'experiment [--grid paper|interference: paper when absent] [--config <preset | file.json>: joint-rl when absent] [--out <dir>] [--only a,b] [--seed N] [--steps N]',
      '      [--warm-from <experiment dir>] [--suite quick | file.jsonl [--validated]] [--suite-seed N] [--backend wasm|cpu]',
      "      [--test-skills a,b: each run's final test on these kinds only; atomic = the five skills]",
      '      [--force: add to or replace baselines of an experiment already in --out]',
    ],
    flags: [
      'grid',
      'config',
      'out',
      'only',
      'seed',
      'steps',
      'warm-from',
      'suite',
      'validated',
      'suite-seed',
      'backend',
      'test-skills',
      'force',
    ],
    words: 0,
  },
};

const JSON_LINE =
  '      [--json: the result as one JSON object, the last line on stdout; progress goes to stderr]';

/** One command's usage, as --help prints it. */
const commandUsage = (lines: string[]): string =>
  `usage: npm run -s lab -- ${[...lines, JSON_LINE].join('\n')}`;

/** `lab --version`: the package's version and the build id of the code that makes and grades tasks. */
function version(): { name: string; version: string; buildId: string } {
  const pkg = JSON.parse(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8'),
  ) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version, buildId: codeBuildId() };
}

/** Where a command's usage is, printed after its usage errors (the usage itself would bury them). */
const helpHint = (name: string): string => `(npm run lab -- ${name} --help: its usage)`;

const USAGE = `usage: npm run -s lab -- <command> [--json]   (-s: with --json, stdout is that one JSON line)
${Object.values(SPECS)
  .flatMap((c) => c.usage.map((u) => `  ${u}`))
  .join('\n')}
  <command> --help: that command's usage; --version: the version and build id
presets: ${PRESETS.map((p) => p.id).join(', ')}
baselines (experiment --only): ${Object.entries(GRID_BASELINES)
  .map(([grid, names]) => `--grid ${grid}: ${names.join(', ')}`)
  .join('; ')}`;

async function main(): Promise<number> {
  // `npm run` starts commands in the package's folder; paths a user gives are meant from where
  // they typed it (npm's INIT_CWD), e.g. `cd runs && npm run lab -- eval --policy g17/joint-rl`.
  const from = process.env.INIT_CWD;
  if (from && from !== process.cwd()) process.chdir(from);
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const json = args.flags.has('json');
  const name = args.positional[0] ?? '';
  const spec = SPECS[name];
  // Alone (with --json at most): elsewhere it is an option the command does not take.
  const versionWords = argv.filter((w) => w !== '--json');
  if (versionWords.length === 1 && ['--version', '-v'].includes(versionWords[0]!)) {
    const v = version();
    process.stdout.write(
      `${json ? JSON.stringify(v) : `${v.name} ${v.version} (build ${v.buildId})`}\n`,
    );
    return 0;
  }
  if (wantsHelp(argv)) {
    process.stdout.write(`${spec ? commandUsage(spec.usage) : USAGE}\n`);
    return 0;
  }
  if (!spec) {
    process.stderr.write(`${name ? `error: unknown command "${name}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  try {
    checkFlags(args, name, spec.flags);
    checkWords(args, name, spec.words, spec.usage[0]!);
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n${helpHint(name)}\n`);
    return 2;
  }
  // Two sandbox workers: validation and grading run two episodes at a time on two cores.
  const sandbox = createNodeSandbox({ size: 2 });
  const print = (text: string): void => void process.stdout.write(`${text}\n`);
  try {
    const result = await spec.run({
      args,
      sandbox,
      // Progress goes to stderr, with --json too: stdout then holds the result line alone.
      quiet: false,
      print: json ? (t) => process.stderr.write(`${t}\n`) : print,
    });
    const { exitCode, ...rest } = result;
    if (json) print(JSON.stringify(rest));
    return typeof exitCode === 'number' ? exitCode : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      // The error alone, and where the usage is (the whole of it would bury the error).
      process.stderr.write(`error: ${error.message}\n${helpHint(name)}\n`);
      return 2;
    }
    throw error;
  } finally {
    await sandbox.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
