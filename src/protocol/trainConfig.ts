/**
 * The training configuration and its presets, for the UI: src/features may not import src/rl,
 * so the Train page reads these pure, dependency-free modules through here.
 */
export {
  type ModelSize,
  type TrainConfig,
  checkConfig,
  DEFAULT_CONFIG,
  formatGB,
  MAX_PARAMETERS,
  MAX_REPLAY_PER_STEP,
  mixProblem,
  modelSize,
  WHOLE_NUMBER_RANGES,
} from '../rl/config';
export { type Preset, PRESETS, QUICK_CONFIG } from '../rl/presets';
