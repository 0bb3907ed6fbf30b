import type { PolicyAgent } from '../rl/agent';
import type { AnswerPolicy } from './evaluate';

/** A trained (or untrained) policy as an answer source: samples at a temperature, greedy at 0. */
export function agentPolicy(
  agent: PolicyAgent,
  temperature: number,
  name = 'policy',
): AnswerPolicy {
  return {
    name,
    async answer(task, rng) {
      if (temperature <= 0) return (await agent.greedy(task)).answer;
      const [sample] = await agent.sampleGroup(task, 1, temperature, rng);
      return sample!.answer;
    },
  };
}
