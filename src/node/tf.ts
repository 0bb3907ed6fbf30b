// Node resolves tfjs-core to its CommonJS bundle, whose gradient and chained-op registrations
// live in the union package's bundle; it registers them into the shared global registry.
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
