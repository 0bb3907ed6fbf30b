export { DECODE_UNITS, PolicyModel, type DecodeItem } from './policyModel';
export { PolicyTrainer, type PolicyTrainerOptions } from './policyTrainer';
export type { UniformSource } from './sampling';
export {
  defaultModelConfig,
  validateConfig,
  type AllowedFn,
  type LossConfig,
  type ModelConfig,
  type NamedArray,
  type Observation,
  type SampleResult,
  type ScoredBatch,
  type StepStats,
  type TopAction,
  type TrainBatch,
} from './types';
