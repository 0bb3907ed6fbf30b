/**
 * The Chromium half of `npm run bench`: the same episode and adversarial cases as in Node, run
 * through the app's own browser sandbox pool (QuickJS in a Web Worker, with its watchdog).
 * bench/browser/serve.ts builds and opens this page; bench/sandbox.ts calls the steps below
 * one at a time, so it can read Chromium's CPU time around the timed part.
 */
import { createBrowserSandbox } from '../../src/bridge/sandboxPool';
import { HEALTHY_RUN } from '../../src/core/sandbox/adversarial';
import type { SandboxResult, SandboxRunner, SandboxRunRequest } from '../../src/core/sandbox/types';
import { runAdversarial, timeEpisodes, warmUp, type BenchPageApi } from '../measure';

declare global {
  interface Window extends BenchPageApi {
    /** One run through a fresh pool of size 1, for looking into a single case. */
    runSandbox(request: SandboxRunRequest): Promise<SandboxResult>;
  }
}

const now = () => performance.now();
let pool: SandboxRunner | null = null;

function started(): SandboxRunner {
  if (!pool) throw new Error('call benchStart() first');
  return pool;
}

window.benchStart = async () => {
  const t = now();
  // The pool's default grace, as the app uses it.
  pool = createBrowserSandbox({ size: 1 });
  const first = await pool.run(HEALTHY_RUN);
  if (first.verdict !== 'pass') throw new Error(`first run failed: ${JSON.stringify(first)}`);
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: self.crossOriginIsolated,
    startupMs: now() - t,
  };
};
window.benchWarmUp = () => warmUp(started());
window.benchTime = (measureMs) => timeEpisodes(started(), now, measureMs);
window.benchCases = () => runAdversarial(started(), now);
window.benchStop = async () => {
  await pool?.dispose();
  pool = null;
};

window.runSandbox = async (request) => {
  const single = createBrowserSandbox({ size: 1 });
  try {
    return await single.run(request);
  } finally {
    await single.dispose();
  }
};
