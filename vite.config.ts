import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { codeBuildId } from './src/node/buildId.ts';

/** Cross-origin isolation, so WASM threads (SharedArrayBuffer) are allowed. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  define: { __BUILD_ID__: JSON.stringify(codeBuildId()) },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    minify: false,
  },
});
