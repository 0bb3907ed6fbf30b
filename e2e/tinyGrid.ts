/**
 * The paper's grid, tiny: nine runs of 3 RL steps on a small warm start (seed 1), for
 * `lab experiment --grid paper --config`. Used by the Evaluate e2e test and the screenshot
 * script; imports nothing, so a plain script can read it.
 */
export const TINY_GRID_CONFIG = {
  extends: 'quick',
  name: 'grid-tiny',
  warmStartPerKind: 24,
  steps: 3,
  evalEvery: 0,
  evalTasksPerKind: 2,
  testTasksPerKind: 6,
};
