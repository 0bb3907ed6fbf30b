import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADVERSARIAL_CASES, HEALTHY_RUN, inTest } from '../../core/sandbox/adversarial';
import { createInProcessSandbox, createNodeSandbox } from './index';

const DEADLINE_MS = 500;
const GRACE_MS = 300;
// Slack for a loaded 2-core machine; the bench prints the real figures.
const SLACK_MS = 1500;

const pool = createNodeSandbox({ size: 1, graceMs: GRACE_MS });
// The first run waits for the worker to start (tsx + wasm): keep that out of the timings.
beforeAll(() => pool.run(HEALTHY_RUN), 30_000);
afterAll(() => pool.dispose());

describe('createNodeSandbox: adversarial code through the worker_threads pool', () => {
  it.each(ADVERSARIAL_CASES)(
    '$name ends as $verdict/$label in time, and the next run is unaffected',
    async (c) => {
      const deadlineMs = c.deadlineMs ?? DEADLINE_MS;
      const started = performance.now();
      const result = await pool.run({ files: c.files, deadlineMs, memoryMb: c.memoryMb });
      const elapsed = performance.now() - started;
      expect({ verdict: result.verdict, label: result.label }).toEqual({
        verdict: c.verdict,
        label: c.label,
      });
      expect(elapsed).toBeLessThan(deadlineMs + GRACE_MS + SLACK_MS);
      expect((await pool.run({ ...HEALTHY_RUN, deadlineMs: 5000 })).verdict).toBe('pass');
    },
  );

  it('does not leak globalThis pollution into the next run', async () => {
    const polluted = await pool.run({
      files: {
        'case.test.js':
          "globalThis.leaked = 1; Object.prototype.evil = 1; test('case', () => { expect(leaked).toBe(1); });",
      },
    });
    expect(polluted.verdict).toBe('pass');
    const next = await pool.run({
      files: inTest("expect(typeof leaked).toBe('undefined'); expect({}.evil).toBeUndefined();"),
    });
    expect(next.verdict).toBe('pass');
  });

  it('passes the step budget to the worker: a loop ends at it, long before the deadline', async () => {
    const result = await pool.run({
      files: inTest('for (;;) {}'),
      deadlineMs: 60_000,
      stepBudget: 100,
    });
    expect(result).toMatchObject({ verdict: 'error', label: 'timeout', checks: 101 });
    expect(result.tests[0]?.message).toBe('step budget exceeded');
  });

  it('keeps the results streamed before the watchdog killed the worker', async () => {
    const result = await pool.run({
      files: {
        'case.test.js':
          "test('fine', () => { expect(1).toBe(1); });\ntest('stuck', () => { for (;;) Array(1e5).fill(0); });",
      },
      deadlineMs: DEADLINE_MS,
    });
    expect(result).toMatchObject({ verdict: 'error', label: 'timeout' });
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([['fine', 'pass']]);
  });
});

describe('createInProcessSandbox', () => {
  it('runs on the calling thread with the same verdicts', async () => {
    const sandbox = createInProcessSandbox();
    expect((await sandbox.run(HEALTHY_RUN)).verdict).toBe('pass');
    const loop = await sandbox.run({ files: inTest('while (true) {}'), deadlineMs: 200 });
    expect(loop).toMatchObject({ verdict: 'error', label: 'timeout' });
    await sandbox.dispose();
  });
});
