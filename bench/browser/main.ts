/**
 * The Chromium half of `npm run bench`: the same episode and adversarial cases as in Node, run
 * through the app's own browser sandbox pool (QuickJS in a Web Worker, with its watchdog).
 * bench/sandbox.ts builds this page, opens it in headless Chromium and calls `runBench()`.
 */
import { createBrowserSandbox } from '../../src/bridge/sandboxPool';
import { HEALTHY_RUN } from '../../src/core/sandbox/adversarial';
import type { SandboxResult, SandboxRunRequest } from '../../src/core/sandbox/types';
import {
  measureThroughput,
  runAdversarial,
  type BrowserBenchOptions,
  type BrowserBenchResult,
} from '../measure';

declare global {
  interface Window {
    runBench(options: BrowserBenchOptions): Promise<BrowserBenchResult>;
    /** One run through a fresh pool of size 1, for looking into a single case. */
    runSandbox(request: SandboxRunRequest): Promise<SandboxResult>;
  }
}

const now = () => performance.now();

window.runBench = async (options) => {
  const started = now();
  // The pool's default grace, as the app uses it.
  const pool = createBrowserSandbox({ size: 1 });
  try {
    const first = await pool.run(HEALTHY_RUN);
    if (first.verdict !== 'pass') throw new Error(`first run failed: ${JSON.stringify(first)}`);
    const startupMs = now() - started;
    const throughput = await measureThroughput(pool, now, options.measureMs);
    const cases = await runAdversarial(pool, now);
    return {
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: self.crossOriginIsolated,
      startupMs,
      throughput,
      cases,
    };
  } finally {
    await pool.dispose();
  }
};

window.runSandbox = async (request) => {
  const pool = createBrowserSandbox({ size: 1 });
  try {
    return await pool.run(request);
  } finally {
    await pool.dispose();
  }
};
