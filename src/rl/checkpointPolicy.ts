import { agentPolicy } from '../eval/agentPolicy';
import type { AnswerPolicy } from '../eval/evaluate';
import { vocabularyFromWords } from '../policy/encode/vocab';
import { createPolicyModel, PolicyAgent } from './agent';
import type { Checkpoint } from './checkpoint';

/**
 * A trained policy from a checkpoint, as an answer policy (`lab eval`, the Evaluate page's
 * external tasks), sampling at its config's temperature; `dispose` frees its weights.
 */
export function checkpointPolicy(checkpoint: Checkpoint): {
  policy: AnswerPolicy;
  dispose: () => void;
} {
  const vocab = vocabularyFromWords(checkpoint.vocabulary);
  const model = createPolicyModel(checkpoint.config, vocab);
  try {
    model.setWeights(checkpoint.weights);
  } catch (error) {
    model.dispose();
    throw error;
  }
  const agent = new PolicyAgent(model, vocab);
  return {
    policy: agentPolicy(
      agent,
      checkpoint.config.temperature,
      `${checkpoint.config.name}@${checkpoint.step}`,
    ),
    dispose: () => model.dispose(),
  };
}
