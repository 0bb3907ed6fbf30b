import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Identifies the code that builds and grades tasks, and the code that lays a task out as the
 * policy's observation: suites the app cached in IndexedDB are rebuilt when it changes, and the
 * trace viewer rebuilds a run's observations only under the id its run was made with (with
 * another layout, the rebuilt observation would not be what its policy saw).
 */
function buildId(dirs = ['src/core', 'src/policy/encode']): string {
  const hash = createHash('sha256');
  const visit = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      // Tests do not change what the app builds or shows.
      else if (!/\.test\.tsx?$/.test(name)) hash.update(path).update(readFileSync(path));
    }
  };
  dirs.forEach(visit);
  return hash.digest('hex').slice(0, 12);
}

/** Cross-origin isolation, so WASM threads (SharedArrayBuffer) are allowed. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  define: { __BUILD_ID__: JSON.stringify(buildId()) },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    minify: false,
  },
});
