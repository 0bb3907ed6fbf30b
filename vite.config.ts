import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Cross-origin isolation, so WASM threads (SharedArrayBuffer) are allowed. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    minify: false,
  },
});
