import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'workers/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['src/core/corpus/projects/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default leaves a core free (one worker on a 2-core machine). The long files spend
    // much of their time waiting on sandbox workers, so two workers on two cores finish the
    // suite in about 60% of the time (measured: 319 s against 532 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
