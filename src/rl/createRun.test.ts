import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../storage/db';
import { resumeProblem } from './createRun';
import { nodeSuiteKey, suiteKey } from './suiteSource';

const suite = { projects: 'quick', seed: 1 } as const;
const run = (key: string) => ({ name: 'r', suite, suiteKey: key }) as RunRecord;

describe('resumeProblem', () => {
  it('lets a run resume only on tasks this build makes as its run was trained on', () => {
    expect(resumeProblem(run(suiteKey(suite, 'b1')), 'b1')).toBeNull();
    // Another build of the app (its tasks or their layout may differ).
    expect(resumeProblem(run(suiteKey(suite, 'b0')), 'b1')).toMatch(
      /^"r" was trained on tasks another version of the app built .* Start a new run with its settings/,
    );
    // Another seed's suite under the same build is another suite too.
    expect(resumeProblem(run(suiteKey({ ...suite, seed: 2 }, 'b1')), 'b1')).not.toBeNull();
    // Trained in Node on a suite file the app cannot rebuild.
    expect(resumeProblem(run(nodeSuiteKey('tasks.jsonl')), 'b1')).toMatch(
      /trained in Node .*\(lab train --resume\)/,
    );
  });
});
