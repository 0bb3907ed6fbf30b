/**
 * `npm run bench`: the sandbox benchmark (bench/sandbox.ts), then the training benchmark
 * (bench/training.ts), in one go. Exits non-zero when either does (a wrong sandbox verdict or
 * label; a training backend that fails or leaks tensors), never for speed.
 *
 * Options: `--measure-ms=N` (sandbox), `--steps=N`, `--warm-up=N`, `--slow-steps=N`, `--budget-s=N` (training).
 */
await import('./sandbox');
const sandboxExit = Number(process.exitCode ?? 0);
await import('./training');
const trainingExit = Number(process.exitCode ?? 0);
process.exitCode = Math.max(sandboxExit, trainingExit);

export {};
