/**
 * `npm run bench`: the sandbox benchmark (bench/sandbox.ts), the training benchmark
 * (bench/training.ts), then the pass-memory benchmark (bench/memory.ts), in one go; `npm run
 * bench -- memory` (or `sandbox`, `training`) runs only the ones named. Exits non-zero when any
 * does (a wrong sandbox verdict or label; a training backend that fails or leaks tensors; a
 * memory estimate off by more than 20%), never for speed.
 *
 * Options (`--name=N` or `--name N`, see args.ts): `--measure-ms` (sandbox), `--steps`, `--warm-up`,
 * `--slow-steps`, `--budget-s`, `--only` (training).
 */
import { parseBenchArgs } from './args';

const USAGE =
  'usage: npm run bench [-- [sandbox] [training] [memory] [--measure-ms=N] [--steps=N] [--warm-up=N] [--slow-steps=N] [--budget-s=N] [--only=Node/wasm,...]] (see README)';
if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
  console.log(USAGE);
  process.exit(0);
}
const parsed = parseBenchArgs(process.argv.slice(2));
if ('errors' in parsed) {
  for (const error of parsed.errors) console.error(`npm run bench: ${error}`);
  console.error(USAGE);
  process.exit(2);
}
let exit = 0;
for (const part of parsed.parts) {
  process.exitCode = 0;
  if (part === 'sandbox') await import('./sandbox');
  if (part === 'training') await import('./training');
  if (part === 'memory') await import('./memory');
  exit = Math.max(exit, Number(process.exitCode ?? 0));
}
process.exitCode = exit;

export {};
