/**
 * Scoring an external model (a language model, or any program) on the app's built-in tasks:
 * its prompts go out as a file, its answers come back as one, and the trainer worker grades
 * them with the policy's verifiers. Structured-cloneable: it crosses the worker boundary.
 */
import type { AnswerCoverage, ModelScore } from '../eval/modelAnswers';

export interface ModelPromptsFile {
  fileName: string;
  text: string;
  tasks: number;
}

export interface ModelScoreRequest {
  /** The answers file's name (for messages) and its whole text. */
  fileName: string;
  text: string;
}

export type ModelScoreProgress = { stage: string; done: number; total: number };

export interface ModelScoreResult extends ModelScore {
  fileName: string;
  /** The tasks the answers were scored on, in words. */
  suite: string;
  /** How much of those tasks the answers cover (absent in results kept before it was said). */
  coverage?: AnswerCoverage;
}
