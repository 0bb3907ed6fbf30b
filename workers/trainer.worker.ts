// May import: comlink, src/rl (the trainer factory), src/policy/tf/registerBrowser, src/storage,
// the sandbox pool, asset URLs.
import { expose } from 'comlink';
import '../src/policy/tf/registerBrowser';
import { createBrowserSandbox } from '../src/bridge/sandboxPool';
import { TrainingSession } from '../src/rl/session';
import { createTrainerApi } from '../src/rl/trainerApi';
import { labDb } from '../src/storage/db';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

const now = (): number => performance.now();

expose(
  createTrainerApi({
    now,
    scope: self,
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    },
    // Grading runs in sandbox workers nested in this one, two at a time.
    session: (backend) =>
      new TrainingSession({
        db: labDb(),
        sandbox: createBrowserSandbox({ size: 2 }),
        now,
        wallClock: () => Date.now(),
        backend,
        buildId: __BUILD_ID__,
      }),
  }),
);
