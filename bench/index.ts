/**
 * `npm run bench`: the sandbox benchmark (bench/sandbox.ts), the training benchmark
 * (bench/training.ts), then the pass-memory benchmark (bench/memory.ts), in one go; `npm run
 * bench -- memory` (or `sandbox`, `training`) runs only the ones named. Exits non-zero when any
 * does (a wrong sandbox verdict or label; a training backend that fails or leaks tensors; a
 * memory estimate off by more than 20%), never for speed.
 *
 * Options: `--measure-ms=N` (sandbox), `--steps=N`, `--warm-up=N`, `--slow-steps=N`, `--budget-s=N` (training).
 */
const PARTS = ['sandbox', 'training', 'memory'] as const;
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = named.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`npm run bench: unknown part ${unknown.join(', ')}; parts are ${PARTS.join(', ')}`);
  process.exit(2);
}
let exit = 0;
for (const part of PARTS) {
  if (named.length > 0 && !named.includes(part)) continue;
  process.exitCode = 0;
  if (part === 'sandbox') await import('./sandbox');
  if (part === 'training') await import('./training');
  if (part === 'memory') await import('./memory');
  exit = Math.max(exit, Number(process.exitCode ?? 0));
}
process.exitCode = exit;

export {};
