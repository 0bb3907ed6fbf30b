/** Plain data about compute backends, shared by the trainer worker and the main thread. */

export const BACKEND_NAMES = ['webgpu', 'wasm', 'cpu'] as const;

/** A TensorFlow.js backend this app can run on. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** What the user asked for: a backend, or `auto` (fastest measured, else a safe heuristic). */
export type BackendPreference = BackendName | 'auto';

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_NAMES as readonly string[]).includes(value);
}

/** The WebGPU adapter as the browser describes it. */
export interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
  /** True for a software adapter such as SwiftShader. */
  isFallbackAdapter: boolean;
}

/** Whether one backend can be used here, and why not. */
export interface BackendAvailability {
  backend: BackendName;
  available: boolean;
  /** Why it is unavailable (or a caveat, e.g. a software adapter). */
  reason?: string;
}

/** One backend that was passed over, and why (shown to the user). */
export interface BackendFallback {
  backend: BackendName;
  reason: string;
}

/** The backend in use and everything the status bar shows about the compute environment. */
export interface BackendInfo {
  backend: BackendName;
  preference: BackendPreference;
  /** How the backend was chosen, in words (e.g. "fastest in the device check"). */
  choice: string;
  fallbacks: BackendFallback[];
  availability: BackendAvailability[];
  adapter: AdapterInfo | null;
  wasm: { simd: boolean; threads: boolean } | null;
  crossOriginIsolated: boolean;
}

/** One backend's line in the device check. */
export interface DeviceCheckRow {
  backend: BackendName;
  ok: boolean;
  error?: string;
  /** Side of the square matrices multiplied. */
  matmulSize: number;
  matmulGflops: number;
  /** Mean wall time of one training step of the small model, in ms. */
  stepMs: number;
  steps: number;
  /** Loss before and after the steps (they should go down). */
  lossStart: number;
  lossEnd: number;
}

export interface DeviceCheckResult {
  rows: DeviceCheckRow[];
  /** The fastest backend that worked, by training step time. */
  fastest: BackendName | null;
}

/** Progress of a running device check: which backend and stage. */
export interface DeviceCheckProgress {
  backend: BackendName;
  stage: 'matmul' | 'train' | 'done';
}

/** Per backend: the policy's log-probs of a fixed batch before and after one supervised step. */
export interface AgreementRow {
  backend: BackendName;
  before: number[];
  after: number[];
  loss: number;
}
