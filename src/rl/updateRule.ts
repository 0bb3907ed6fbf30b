import type { UpdateRule } from '../protocol/advantage';
import { flatGroupAnswers, type TrainConfig } from './config';

/**
 * What of a run's config decides which answers of a step enter its update (`updateShare`): the
 * trainer (grpo.ts) applies it, and the trace viewer says of each stored answer what it did.
 */
export const updateRule = (config: TrainConfig): UpdateRule => ({
  keepFlatGroups: config.keepFlatGroups === true,
  flatAnswers: flatGroupAnswers(config),
  planned: config.tasksPerStep,
});
