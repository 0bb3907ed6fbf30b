import { randomAnswer } from '../core/skills/randomAnswer';
import type { AnswerPolicy } from './evaluate';

/** Reads the gold answer: scores 1.0 on every valid task (the validator's check). */
export const oraclePolicy: AnswerPolicy = { name: 'oracle', answer: (task) => task.gold };

/** A uniformly random valid answer from the task's answer space. */
export const randomPolicy: AnswerPolicy = {
  name: 'random',
  answer: (task, rng) => randomAnswer(task, rng),
};
