import type { Answer } from '../core/answers/types';
import type { PolicyAgent, SampledAnswer } from '../rl/agent';
import type { AnswerPolicy } from './evaluate';

/**
 * A trained (or untrained) policy as an answer source: samples at a temperature, greedy at 0;
 * several tasks' answers are decoded in one batch (`answerMany`).
 * With `traces`, each answer's decoding (tokens, probabilities, alternatives) is kept there,
 * keyed by the answer it returned, for the trace viewer.
 */
export function agentPolicy(
  agent: PolicyAgent,
  temperature: number,
  name = 'policy',
  traces?: WeakMap<Answer, SampledAnswer>,
): AnswerPolicy {
  const answerMany: NonNullable<AnswerPolicy['answerMany']> = async (requests) => {
    const groups = await agent.sampleGroups(
      requests.map(({ task, rng }) => ({ task, count: 1, rng: temperature <= 0 ? null : rng })),
      Math.max(0, temperature),
    );
    return groups.map(([sample]) => {
      traces?.set(sample!.answer, sample!);
      return sample!.answer;
    });
  };
  return {
    name,
    async answer(task, rng) {
      const [answer] = (await answerMany([{ task, rng }])) as [Answer];
      return answer;
    },
    answerMany,
  };
}
