// Browser bundles load tfjs-core as ES modules, which register neither gradients nor chained
// ops by themselves (PLATFORM.md). Node gets both from `src/node/tf.ts` instead.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
