import { describe, expect, it } from 'vitest';
import type { ExternalEvalRequest } from '../protocol/external';
import { notGiven, noTasks } from './externalEval';

const request = (kinds: ExternalEvalRequest['kinds']): ExternalEvalRequest => ({
  fileName: 'f.jsonl',
  file: new Blob([]),
  runIds: ['r'],
  kinds,
  samples: 1,
  seed: 1,
});

describe('noTasks', () => {
  it('names the kinds to tick when the file gives tasks, but none of the ticked kinds', () => {
    expect(noTasks(request(['review']), [], ['bugfix', 'localization'])).toBe(
      'f.jsonl gave no valid tasks of code review; it gives bug fixing, code localization: tick those.',
    );
  });

  it('says why and what to open when the file gives no task at all; kinds are not the cure', () => {
    const why = noTasks(request(['bugfix']), ['f.jsonl line 1: task.id: must be a string'], []);
    expect(why).toBe(
      'f.jsonl gave no valid tasks (1 left out; the first: f.jsonl line 1: task.id: must be a string): open HumanEvalPack-style records (task_id, prompt, buggy_solution, test…) or a suite file from lab suite export.',
    );
    expect(why).not.toContain('tick');
  });
});

describe('notGiven', () => {
  it('lists the ticked kinds the file gives no task of; none ticked misses none', () => {
    expect(notGiven(['bugfix', 'review', 'security-fix'], ['review', 'bugfix', 'editing'])).toEqual(
      ['security-fix'],
    );
    expect(notGiven([], ['review'])).toEqual([]);
  });
});
