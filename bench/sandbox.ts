/**
 * Sandbox benchmark: episodes per second in process and through a Node worker pool of size 1,
 * and how long each adversarial case takes to reach its verdict against its deadline.
 * Run with `npx tsx bench/sandbox.ts` (about 30-60 s).
 */
import { loadavg } from 'node:os';
import type { SandboxRunner, SandboxRunRequest } from '../src/core/sandbox/types';
import { ADVERSARIAL_CASES, HEALTHY_RUN } from '../src/node/sandbox/adversarial';
import { createInProcessSandbox, createNodeSandbox } from '../src/node/sandbox/index';

const DEADLINE_MS = 500;
const GRACE_MS = 300;
const MEASURE_MS = 4000;

/** An episode: 10 small tests over 4 modules (3 library modules and a test file). */
const EPISODE: SandboxRunRequest = {
  files: {
    'src/math.js': 'export const add = (a, b) => a + b;\nexport const mul = (a, b) => a * b;',
    'src/sum.js': "import { add } from './math.js';\nexport const sum = (xs) => xs.reduce(add, 0);",
    'src/stack.js': [
      'export class Stack {',
      '  constructor() { this.items = []; }',
      '  push(x) { this.items.push(x); return this; }',
      '  pop() { return this.items.pop(); }',
      '  get size() { return this.items.length; }',
      '}',
    ].join('\n'),
    'src/lib.test.js': [
      "import { add, mul } from './math.js';",
      "import { sum } from './sum.js';",
      "import { Stack } from './stack.js';",
      "describe('lib', () => {",
      ...Array.from({ length: 10 }, (_, i) =>
        [
          `  it('case ${i}', () => {`,
          `    expect(add(${i}, 1)).toBe(${i + 1});`,
          `    expect(sum([1, 2, ${i}])).toEqual(${3 + i});`,
          `    expect(mul(${i}, 2)).toBeGreaterThanOrEqual(0);`,
          `    expect(new Stack().push(${i}).size).toBe(1);`,
          '  });',
        ].join('\n'),
      ),
      '});',
    ].join('\n'),
  },
  deadlineMs: 2000,
};

interface Throughput {
  rate: number;
  meanMs: number;
  medianMs: number;
}

async function episodesPerSecond(sandbox: SandboxRunner): Promise<Throughput> {
  for (let i = 0; i < 20; i++) await sandbox.run(EPISODE);
  const first = await sandbox.run(EPISODE);
  if (first.verdict !== 'pass' || first.tests.length !== 10) {
    throw new Error(`episode did not pass: ${JSON.stringify(first)}`);
  }
  const times: number[] = [];
  const started = performance.now();
  while (performance.now() - started < MEASURE_MS) {
    const t = performance.now();
    await sandbox.run(EPISODE);
    times.push(performance.now() - t);
  }
  const meanMs = (performance.now() - started) / times.length;
  times.sort((a, b) => a - b);
  return { rate: 1000 / meanMs, meanMs, medianMs: times[times.length >> 1] ?? 0 };
}

function describe(t: Throughput): string {
  return `${t.rate.toFixed(0)} episodes/s (mean ${t.meanMs.toFixed(2)} ms, median ${t.medianMs.toFixed(2)} ms)`;
}

async function adversarial(pool: SandboxRunner): Promise<void> {
  console.log(`\nadversarial cases through the pool (grace ${GRACE_MS} ms):`);
  console.log(
    'case'.padEnd(40) +
      'verdict/label'.padEnd(20) +
      'took'.padStart(9) +
      'deadline'.padStart(10) +
      '  next run',
  );
  for (const c of ADVERSARIAL_CASES) {
    const deadlineMs = c.deadlineMs ?? DEADLINE_MS;
    const started = performance.now();
    const result = await pool.run({ files: c.files, deadlineMs, memoryMb: c.memoryMb });
    const took = performance.now() - started;
    const next = await pool.run(HEALTHY_RUN);
    const got = `${result.verdict}/${result.label ?? '-'}`;
    const ok =
      result.verdict === c.verdict && result.label === c.label
        ? ''
        : `  (expected ${c.verdict}/${c.label})`;
    console.log(
      c.name.padEnd(40) +
        got.padEnd(20) +
        `${took.toFixed(0)} ms`.padStart(9) +
        `${deadlineMs} ms`.padStart(10) +
        `  ${next.verdict}${ok}`,
    );
  }
}

async function main(): Promise<void> {
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  console.log(`load average ${load} (figures scale with it on this 2-core machine)`);
  const inProcess = createInProcessSandbox();
  const local = await episodesPerSecond(inProcess);
  console.log(`in process:      ${describe(local)}`);
  await inProcess.dispose();

  const pool = createNodeSandbox({ size: 1, graceMs: GRACE_MS });
  const startup = performance.now();
  await pool.run(HEALTHY_RUN);
  console.log(
    `node pool start: ${(performance.now() - startup).toFixed(0)} ms (worker + tsx + wasm)`,
  );
  const pooled = await episodesPerSecond(pool);
  console.log(`node pool (1):   ${describe(pooled)}`);
  await adversarial(pool);
  await pool.dispose();
}

await main();
