/** Set by vite.config.ts: a hash of src/core, so cached suites are rebuilt when it changes. */
declare const __BUILD_ID__: string;
