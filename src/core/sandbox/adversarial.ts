/**
 * Hostile snapshots the sandbox must survive, shared by the Node pool's tests and the bench
 * (in Node and in Chromium), so plain data only: each must end as its labelled result within
 * its deadline plus the pool's grace, and leave the next run unaffected. `deadlineMs`/`memoryMb`
 * are set where a case needs other limits.
 */
import type { SandboxLabel, SandboxResult, SandboxRunRequest } from './types';

/** A snapshot whose single test has `body` as its (async) body. */
export const inTest = (body: string): Record<string, string> => ({
  'case.test.js': `test('case', async () => {\n${body}\n});`,
});

/** A run that passes only in a clean context (no global left by an earlier run). */
export const HEALTHY_RUN: SandboxRunRequest = {
  files: inTest("expect(typeof leaked).toBe('undefined'); expect([1].length).toBe(1);"),
};

export interface AdversarialCase {
  name: string;
  files: Record<string, string>;
  /** The expected verdict and label. */
  verdict: SandboxResult['verdict'];
  /**
   * A verdict also accepted with the same label. In a Chromium worker the browser's own stack
   * overflows inside QuickJS's JSON parser before QuickJS's limit: the engine labels the run
   * `stack` and discards the instance, so the whole run ends as an error rather than a failed test.
   */
  orVerdict?: SandboxResult['verdict'];
  label: SandboxLabel;
  /** Limits for this case, when the caller's default does not fit. */
  deadlineMs?: number;
  memoryMb?: number;
}

/** The cases, from the plain infinite loop to code that only the watchdog can stop. */
export const ADVERSARIAL_CASES: AdversarialCase[] = [
  { name: 'infinite loop', files: inTest('while (true) {}'), verdict: 'error', label: 'timeout' },
  {
    name: 'catastrophic regex',
    files: inTest("/(a+)+$/.test('a'.repeat(40) + 'b');"),
    verdict: 'error',
    label: 'timeout',
  },
  {
    // Reaches the default cap in well under the default deadline on an idle machine; a loaded
    // one (a CI run beside a browser training) took longer, and it ended as a timeout.
    name: 'memory bomb (doubling strings)',
    files: inTest("const a = []; for (let s = 'xy'; ; s = s + s) { s.charCodeAt(1); a.push(s); }"),
    verdict: 'error',
    label: 'memory',
    deadlineMs: 3000,
  },
  {
    // String building runs at ~100 MB/s in QuickJS: a longer deadline lets it reach the cap.
    name: 'memory bomb (array of 100 KB strings)',
    files: inTest("const a = []; for (;;) a.push(String(a.length).padEnd(1e5, 'x'));"),
    verdict: 'error',
    label: 'memory',
    deadlineMs: 5000,
    memoryMb: 32,
  },
  {
    // Tiny objects: QuickJS-ng runs out of memory while throwing and throws null.
    name: 'memory bomb (objects)',
    files: inTest('const a = []; for (;;) a.push({ i: a.length });'),
    verdict: 'error',
    label: 'memory',
    deadlineMs: 5000,
    memoryMb: 24,
  },
  {
    name: 'deep recursion',
    files: inTest('function f(n) { return f(n + 1) + 1; } f(0);'),
    verdict: 'fail',
    label: 'stack',
  },
  {
    name: 'deep JSON.parse',
    files: inTest("JSON.parse('['.repeat(1e5));"),
    verdict: 'fail',
    orVerdict: 'error',
    label: 'stack',
  },
  {
    name: 'hung promise',
    files: inTest('await new Promise(() => {});'),
    verdict: 'fail',
    label: 'timeout',
  },
  {
    name: 'error at import',
    files: {
      'lib.js': "throw new Error('broken module');",
      'case.test.js': "import './lib.js';\ntest('case', () => {});",
    },
    verdict: 'error',
    label: 'runtime',
  },
  { name: 'syntax error', files: inTest('const = 1;'), verdict: 'error', label: 'syntax' },
  {
    name: 'swallowed interrupt',
    files: inTest('while (true) { try { for (;;) {} } catch {} }'),
    verdict: 'error',
    label: 'timeout',
  },
  {
    name: 'slow built-in loop',
    files: inTest('for (;;) Array(1e5).fill(0);'),
    verdict: 'error',
    label: 'timeout',
  },
  ...['fetch', 'require', 'process', 'indexedDB', 'document'].map((name): AdversarialCase => ({
    name: `touching ${name}`,
    files: inTest(`${name}.x;`),
    verdict: 'fail',
    label: 'runtime',
  })),
];
