import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (this file is src/node/buildId.ts). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Identifies the code that builds and grades tasks, and the code that lays a task out as the
 * policy's observation: a hash of `src/core` and `src/policy/encode` (tests left out). The app
 * is built with it (vite.config.ts): suites cached in IndexedDB are rebuilt when it changes, and
 * the trace viewer rebuilds a run's observations only under the id its run was made with (with
 * another layout, the rebuilt observation would not be what its policy saw). `lab train` records
 * it with each run, so a run trained in Node and imported into the app is judged the same way.
 */
export function codeBuildId(root = ROOT, dirs = ['src/core', 'src/policy/encode']): string {
  const key = `${root}\n${dirs.join('\n')}`;
  const known = computed.get(key);
  if (known !== undefined) return known;
  const hash = createHash('sha256');
  const visit = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = join(rel, name);
      if (statSync(join(root, path)).isDirectory()) visit(path);
      // Tests do not change what the app builds or shows.
      else if (!/\.test\.tsx?$/.test(name))
        hash.update(path).update(readFileSync(join(root, path)));
    }
  };
  dirs.forEach(visit);
  const id = hash.digest('hex').slice(0, 12);
  computed.set(key, id);
  return id;
}

/** Ids already computed in this process: an experiment's runs each record it. */
const computed = new Map<string, string>();
