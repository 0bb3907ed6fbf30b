// May import: comlink, src/rl (the trainer factory), src/policy/tf/registerBrowser, asset URLs.
import { expose } from 'comlink';
import '../src/policy/tf/registerBrowser';
import { createTrainerApi } from '../src/rl/trainerApi';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

expose(
  createTrainerApi({
    now: () => performance.now(),
    scope: self,
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    },
  }),
);
