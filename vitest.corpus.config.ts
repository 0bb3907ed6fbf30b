// Runs the built-in corpus's reference tests directly in Node (globals: describe/it/expect).
// The authoritative check runs them in the QuickJS sandbox; this is a quick authoring aid.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/core/corpus/projects/**/*.test.js'],
    globals: true,
    environment: 'node',
  },
});
