import type { Answer } from '../core/answers/types';
import type { PolicyAgent, SampledAnswer } from '../rl/agent';
import type { AnswerPolicy } from './evaluate';

/**
 * A trained (or untrained) policy as an answer source: samples at a temperature, greedy at 0.
 * With `traces`, each answer's decoding (tokens, probabilities, alternatives) is kept there,
 * keyed by the answer it returned, for the trace viewer.
 */
export function agentPolicy(
  agent: PolicyAgent,
  temperature: number,
  name = 'policy',
  traces?: WeakMap<Answer, SampledAnswer>,
): AnswerPolicy {
  return {
    name,
    async answer(task, rng) {
      const sample =
        temperature <= 0
          ? await agent.greedy(task)
          : (await agent.sampleGroup(task, 1, temperature, rng))[0]!;
      traces?.set(sample.answer, sample);
      return sample.answer;
    },
  };
}
