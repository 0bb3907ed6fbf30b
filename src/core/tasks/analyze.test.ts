import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../corpus';
import { createRng } from '../rng';
import { createSandboxEngine } from '../sandbox/engine';
import { analyzeProject, type ProjectAnalysis } from './analyze';

const real = createSandboxEngine({ now: () => performance.now() });
// A clock that never moves: no deadline can pass, so only the step budget ends a runaway.
const frozen = createSandboxEngine({ now: () => 0 });
afterAll(async () => {
  await real.dispose();
  await frozen.dispose();
});

const kept = (a: ProjectAnalysis) => ({
  mutants: a.mutants.map((m) => m.id),
  testgen: a.testgenMutants.map((m) => m.id),
  dropped: a.dropped,
});

describe('analyzeProject', () => {
  it('keeps the same mutants whatever the clock says: endless ones end at the step budget', async () => {
    // Binary search: some mutants never leave their loop.
    const project = CORPUS.find((p) => p.name === 'array-search')!;
    const analyse = (engine: typeof real) =>
      analyzeProject(project, engine, createRng(3).fork('analysis'), 20, [], 10);
    const withClock = await analyse(real);
    const frozenClock = await analyse(frozen);
    expect(withClock.dropped['ends in timeout']).toBeGreaterThan(0);
    expect(kept(frozenClock)).toEqual(kept(withClock));
    // About 23 s alone on this 2-core machine; with the suite's other files beside it (and the
    // machine shared) it has taken over 60.
  }, 180_000);
});
