import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxEngine, runInEngine } from './engine';
import type { SandboxFiles, TestResult } from './types';

const engine = createSandboxEngine({ now: () => performance.now() });
afterAll(() => engine.dispose());

const run = (files: SandboxFiles, extra: { deadlineMs?: number; testFiles?: string[] } = {}) =>
  engine.run({ files, deadlineMs: 2000, ...extra });

const LIB = {
  'src/math.js': 'export const add = (a, b) => a + b;\nexport const broken = (a, b) => a - b;',
  'src/util/sum.js':
    "import { add } from '../math.js';\nexport const sum = (xs) => xs.reduce(add, 0);",
  'src/util/index.js': "export { sum } from './sum';",
};

describe('runInEngine: modules and verdicts', () => {
  it('resolves relative imports (with and without extension, index files) and passes', async () => {
    const result = await run({
      ...LIB,
      'src/math.test.js': [
        "import { add } from './math.js';",
        "import { sum } from './util';",
        "describe('math', () => {",
        "  it('adds', () => { expect(add(2, 3)).toBe(5); });",
        "  test('sums', () => { expect(sum([1, 2, 3])).toBe(6); });",
        '});',
      ].join('\n'),
    });
    expect(result.verdict).toBe('pass');
    expect(result.tests.map((t) => [t.file, t.name, t.status])).toEqual([
      ['src/math.test.js', 'math > adds', 'pass'],
      ['src/math.test.js', 'math > sums', 'pass'],
    ]);
    expect(result.label).toBeUndefined();
  });

  it('reports a failing assertion with a Jest-like message and its location', async () => {
    const result = await run({
      ...LIB,
      'src/math.test.js':
        "import { broken } from './math.js';\ntest('adds', () => {\n  expect(broken(1, 2)).toBe(3);\n});",
    });
    expect(result.verdict).toBe('fail');
    expect(result.label).toBe('assertion');
    const [test] = result.tests;
    expect(test).toMatchObject({
      status: 'fail',
      label: 'assertion',
      message: 'expected -1 to be 3',
    });
    expect(test?.at).toBe('src/math.test.js:3:24');
  });

  it('names a bare or missing module in a runtime error', async () => {
    const bare = await run({ 'a.test.js': "import _ from 'lodash';\ntest('x', () => {});" });
    expect(bare).toMatchObject({ verdict: 'error', label: 'runtime' });
    expect(bare.message).toContain("'lodash'");
    const missing = await run({
      'a.test.js': "import { x } from './nope.js';\ntest('x', () => {});",
    });
    expect(missing).toMatchObject({ verdict: 'error', label: 'runtime' });
    expect(missing.message).toContain("'./nope.js'");
    const above = await run({ 'a.test.js': "import '../../etc/passwd';\ntest('x', () => {});" });
    expect(above.verdict).toBe('error');
  });

  it('labels syntax errors in the test file and in imported modules', async () => {
    const own = await run({ 'a.test.js': "test('x', () => { let = ; });" });
    expect(own).toMatchObject({ verdict: 'error', label: 'syntax' });
    const imported = await run({
      'bad.js': 'export const = 1;',
      'a.test.js': "import './bad.js';",
    });
    expect(imported).toMatchObject({ verdict: 'error', label: 'syntax' });
    expect(imported.message).toContain('SyntaxError');
  });

  it('labels an error thrown at import as runtime and runs no test of that file', async () => {
    const result = await run({
      'lib.js': "throw new TypeError('boom at load');",
      'a.test.js': "import './lib.js';\ntest('never', () => {});",
    });
    expect(result).toMatchObject({ verdict: 'error', label: 'runtime' });
    expect(result.message).toContain('TypeError: boom at load');
    expect(result.tests).toEqual([]);
  });

  it('reads a thrown promise as a runtime error, not an engine failure', async () => {
    const result = await run({ 'a.test.js': 'throw Promise.resolve(1);' });
    expect(result).toMatchObject({ verdict: 'error', label: 'runtime' });
    expect(result.message).not.toContain('engine failure');
  });

  it('is an error when no test ran, and honours testFiles', async () => {
    expect(await run({ 'a.js': 'export const a = 1;' })).toMatchObject({
      verdict: 'error',
      label: 'runtime',
    });
    const files = {
      'a.test.js': "test('a', () => {});",
      'b.test.js': "test('b', () => { throw new Error('no'); });",
    };
    const onlyA = await run(files, { testFiles: ['a.test.js'] });
    expect(onlyA.verdict).toBe('pass');
    expect((await run(files)).tests.map((t) => t.name)).toEqual(['a', 'b']);
    const missing = await run(files, { testFiles: ['zzz.test.js'] });
    expect(missing).toMatchObject({ verdict: 'error', label: 'runtime' });
  });

  it('streams each test result as it finishes', async () => {
    const seen: TestResult[] = [];
    const result = await engine.run(
      {
        files: {
          'a.test.js': "test('one', () => {});\ntest('two', () => { expect(1).toBe(2); });",
        },
      },
      (test) => seen.push(test),
    );
    expect(seen).toEqual(result.tests);
    expect(seen.every((t) => t.ms >= 0)).toBe(true);
  });
});

describe('runInEngine: isolation', () => {
  it('offers no host capabilities', async () => {
    const names = [
      'fetch',
      'require',
      'process',
      'indexedDB',
      'document',
      'setTimeout',
      'XMLHttpRequest',
    ];
    const body = names.map((n) => `expect(typeof ${n}).toBe('undefined');`).join('\n');
    expect((await run({ 'a.test.js': `test('none', () => {\n${body}\n});` })).verdict).toBe('pass');
    const touched = await run({
      'a.test.js': "test('fetch', async () => { await fetch('http://x'); });",
    });
    expect(touched.tests[0]).toMatchObject({ status: 'fail', label: 'runtime' });
    expect(touched.tests[0]?.message).toContain('ReferenceError');
  });

  it('does not leak globals or prototype additions into the next run', async () => {
    const polluter = await run({
      'a.test.js': [
        "globalThis.leaked = 1; Object.prototype.evil = 'yes'; Math.max = () => 0;",
        "test('x', () => { expect({}.evil).toBe('yes'); });",
      ].join('\n'),
    });
    expect(polluter.verdict).toBe('pass');
    const check = await run({
      'a.test.js':
        "test('clean', () => { expect(typeof leaked).toBe('undefined'); expect({}.evil).toBeUndefined(); expect(Math.max(1, 2)).toBe(2); });",
    });
    expect(check.verdict).toBe('pass');
  });

  // Runs share one runtime and context, reset by restoring its memory: nothing below may leak.
  const CLEAN = {
    'lib.js': 'export const state = { n: 0 };\nexport function bump() { return ++state.n; }',
    'a.test.js': [
      "import { state, bump } from './lib.js';",
      "test('pristine', async () => {",
      '  for (let i = 0; i < 50; i++) await null;',
      "  expect(typeof leaked).toBe('undefined');",
      "  expect(typeof ticks).toBe('undefined');",
      '  expect(state.n).toBe(0);',
      '  expect(bump()).toBe(1);',
      '  expect({}.evil).toBeUndefined();',
      '  expect(JSON.stringify({ a: [1] })).toBe(\'{"a":[1]}\');',
      '  expect([1, 2].map((x) => x * 2)).toEqual([2, 4]);',
      '  expect(Error.stackTraceLimit).toBe(clean.stackTraceLimit);',
      '});',
    ].join('\n'),
  };
  let clean: { stackTraceLimit: unknown } | null = null;
  const checkClean = async () => {
    const result = await run({
      ...CLEAN,
      'a.test.js': CLEAN['a.test.js'].replace(
        'clean.stackTraceLimit',
        JSON.stringify(clean?.stackTraceLimit ?? null),
      ),
    });
    expect(result.tests).toEqual([expect.objectContaining({ status: 'pass' })]);
  };

  it('starts every run from the same state, whatever the run before did', async () => {
    const probe = await run({
      'a.test.js': "__record('limit', Error.stackTraceLimit); test('x', () => {});",
    });
    clean = { stackTraceLimit: probe.records['limit'] };
    await checkClean();
    const polluters: Record<string, string>[] = [
      // The module cache: the same file imported by the next run must be evaluated afresh.
      {
        ...CLEAN,
        'a.test.js':
          "import { state, bump } from './lib.js';\nbump(); bump(); state.n = 99;\ntest('x', () => {});",
      },
      // Jobs left queued forever, and a global they keep writing.
      {
        'a.test.js': [
          'globalThis.ticks = 0;',
          'Promise.resolve().then(function again() { globalThis.ticks++; return Promise.resolve().then(again); });',
          "test('x', () => { globalThis.leaked = 1; });",
        ].join('\n'),
      },
      // The built-ins the prelude and the host rely on, replaced or broken.
      {
        'a.test.js': [
          'JSON.stringify = () => \'{"name":"forged","status":"pass"}\';',
          'Array.prototype.map = null; Object.defineProperty = null; Function.prototype.call = null;',
          "Object.prototype.evil = 1; Error.stackTraceLimit = 0; delete globalThis.expect; test('x', () => {});",
        ].join('\n'),
      },
      // Stopped at the deadline halfway through, with state half-written.
      { 'a.test.js': "test('spin', () => { globalThis.leaked = 1; for (;;) {} });" },
      // A failed run that threw from everywhere it could.
      {
        'a.test.js':
          "globalThis.leaked = 1; afterAll(() => { throw null; }); test('x', async () => { throw Symbol('s'); });",
      },
    ];
    for (const files of polluters) {
      await engine.run({ files, deadlineMs: 300 });
      await checkClean();
    }
  });

  it('gives every run the same Math.random sequence (reproducible runs)', async () => {
    const files = {
      'a.test.js': "__record('r', [Math.random(), Math.random()]); test('x', () => {});",
    };
    const first = await run(files);
    await run({ 'a.test.js': "for (let i = 0; i < 100; i++) Math.random(); test('x', () => {});" });
    expect((await run(files)).records).toEqual(first.records);
  });
});

/** A test that runs a counting loop of `n` iterations. */
const LOOP = (n: number): string =>
  `test('loop', () => { let s = 0; for (let i = 0; i < ${n}; i++) s += i; expect(s > 0).toBe(true); });`;

describe('runInEngine: limits', () => {
  it('stops at the deadline and keeps the results of earlier tests', async () => {
    const started = performance.now();
    const result = await run(
      {
        'a.test.js':
          "test('quick', () => {});\ntest('spin', () => { for (;;) {} });\ntest('never', () => {});",
      },
      { deadlineMs: 200 },
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ verdict: 'error', label: 'timeout' });
    expect(result.tests.map((t) => [t.name, t.status, t.label])).toEqual([
      ['quick', 'pass', undefined],
      ['spin', 'fail', 'timeout'],
    ]);
  });

  it('labels a never-settling top-level await as a timeout of that file', async () => {
    const result = await run({ 'a.test.js': "await new Promise(() => {});\ntest('x', () => {});" });
    expect(result).toMatchObject({ verdict: 'error', label: 'timeout' });
    expect(result.message).toContain('top-level await never settles');
  });

  it('caps memory, labels it, and the next run starts clean', async () => {
    const bomb = await engine.run({
      files: {
        'a.test.js':
          "test('bomb', () => { const a = []; for (let s = 'xy'; ; s = s + s) { s.charCodeAt(1); a.push(s); } });",
      },
      memoryMb: 32,
      deadlineMs: 5000,
    });
    expect(bomb).toMatchObject({ verdict: 'error', label: 'memory' });
    const next = await engine.run({
      files: {
        'a.test.js': "test('ok', () => { expect([1, 2].map((x) => x * 2)).toEqual([2, 4]); });",
      },
      memoryMb: 32,
    });
    expect(next.verdict).toBe('pass');
  });

  it('stops at its step budget whatever the clock says, and the next run has its own', async () => {
    // A frozen clock: the deadline can never pass, so only the budget ends the loop.
    const frozen = createSandboxEngine({ now: () => 0 });
    try {
      const spin = await frozen.run({
        files: { 'a.test.js': "test('quick', () => {});\ntest('spin', () => { for (;;) {} });" },
        stepBudget: 300,
      });
      expect(spin).toMatchObject({ verdict: 'error', label: 'timeout', checks: 301 });
      expect(spin.tests.map((t) => [t.name, t.status, t.message])).toEqual([
        ['quick', 'pass', undefined],
        ['spin', 'fail', 'step budget exceeded'],
      ]);
      const asyncSpin = await frozen.run({
        files: { 'a.test.js': "test('spin', async () => { for (;;) await null; });" },
        stepBudget: 50,
      });
      expect(asyncSpin).toMatchObject({ verdict: 'error', label: 'timeout' });
      expect(asyncSpin.tests[0]?.message).toBe('step budget exceeded');
      const next = await frozen.run({
        files: { 'a.test.js': LOOP(200_000) },
        stepBudget: 300,
      });
      expect(next.verdict).toBe('pass');
    } finally {
      await frozen.dispose();
    }
  });

  it('never passes a run that went over its budget, wherever the budget ran out', async () => {
    // Code runs on for up to one check after the interrupt. A top-level loop of n turns in the
    // first file moves the check that ends the run: from the end of the run, as n grows, back
    // through the second file's set-up (where the runner would still hold the first file's
    // tests) into the first file. Find the shortest loop that goes over, then try every n after.
    const frozen = createSandboxEngine({ now: () => 0 });
    const run = (n: number) =>
      frozen.run({
        files: {
          'a.test.js': `let s = 0;\nfor (let i = 0; i < ${n}; i++) s += i;\ntest('a', () => {});`,
          'b.test.js': "test('b', () => {});",
        },
        stepBudget: 3,
      });
    try {
      let [lo, hi] = [1000, 200_000];
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((await run(mid)).checks! > 3) hi = mid;
        else lo = mid;
      }
      expect((await run(lo)).verdict).toBe('pass');
      for (let n = hi; n < hi + 400; n++) {
        const result = await run(n);
        expect(result, `loop of ${n}`).toMatchObject({ verdict: 'error', label: 'timeout' });
        const names = result.tests.map((t) => `${t.file}:${t.name}`);
        expect(names, `loop of ${n}`).not.toContain('b.test.js:a');
      }
    } finally {
      await frozen.dispose();
    }
  });

  it('counts the same checks for the same work, in proportion to it', async () => {
    const counts = [];
    for (const n of [100_000, 100_000, 1_000_000]) {
      const result = await run({ 'a.test.js': LOOP(n) });
      expect(result.verdict).toBe('pass');
      counts.push(result.checks!);
    }
    const [a, b, c] = counts as [number, number, number];
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(a);
    expect(c).toBeGreaterThanOrEqual(9 * a);
    expect(c).toBeLessThanOrEqual(11 * a);
    const idle = await run({ 'a.test.js': "test('x', () => { expect(1).toBe(1); });" });
    expect(idle.checks).toBeLessThan(a);
  });

  it('shares one engine between calls with the same options', async () => {
    const options = { now: () => performance.now() };
    const files = { 'a.test.js': "test('x', () => { expect(1).toBe(1); });" };
    expect((await runInEngine({ files }, options)).verdict).toBe('pass');
    expect((await runInEngine({ files }, options)).verdict).toBe('pass');
  });
});
