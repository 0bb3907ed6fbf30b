// `npm run lab -- <command>`: the app's core, headless in Node. With --json the last line
// printed is one JSON object.
import { createNodeSandbox } from '../node/sandbox';
import { PRESETS } from '../rl/presets';
import { parseArgs, UsageError } from './args';
import { experimentCommand } from './experiment';
import { trainCommand } from './train';
import {
  evalCommand,
  sandboxCommand,
  suiteCommand,
  validateCommand,
  type CommandContext,
} from './commands';

const USAGE = `usage: npm run lab -- <command> [--json]
  validate <file.jsonl | builtin> [--seed N]
  eval --policy oracle|random --suite <builtin:train|builtin:val|builtin:test|file.jsonl> [--skills a,b] [--samples k]
  sandbox <folder> [--deadline ms] [--steps checks]
  suite export --split <train|val|test|all> --out <file.jsonl>
  train --config <preset | file.json> --out <dir> [--resume] [--seed N] [--steps N] [--backend wasm|cpu] [--suite file.jsonl [--validated]]
  eval --policy <run dir | checkpoint.json> --suite ... [--samples k]
  experiment --grid paper [--config <preset | file.json>] [--out <dir>] [--only a,b] [--suite file.jsonl [--validated]]
presets: ${PRESETS.map((p) => p.id).join(', ')}`;

const COMMANDS: Record<string, (ctx: CommandContext) => Promise<Record<string, unknown>>> = {
  validate: validateCommand,
  eval: evalCommand,
  sandbox: sandboxCommand,
  suite: suiteCommand,
  train: trainCommand,
  experiment: experimentCommand,
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const json = args.flags.has('json');
  const command = COMMANDS[args.positional[0] ?? ''];
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // Two sandbox workers: validation and grading run two episodes at a time on two cores.
  const sandbox = createNodeSandbox({ size: 2 });
  const print = (text: string): void => void process.stdout.write(`${text}\n`);
  try {
    const result = await command({
      args,
      sandbox,
      quiet: json,
      print: json ? (t) => process.stderr.write(`${t}\n`) : print,
    });
    if (json) print(JSON.stringify(result));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
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
