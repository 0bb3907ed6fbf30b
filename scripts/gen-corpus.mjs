// Packs src/core/corpus/projects/<name>/ into src/core/corpus/generated/projects.json, which the
// app and the CLI import (a JSON import works in Vite, Vitest and tsx alike).
// Usage: node scripts/gen-corpus.mjs [--check]   (--check: exit 1 when the JSON is stale)
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = 'src/core/corpus/projects';
const out = 'src/core/corpus/generated/projects.json';

export function packCorpus() {
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'project.json')))
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const meta = JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8'));
      const files = {};
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.js'))
        .sort()) {
        files[file] = readFileSync(join(dir, file), 'utf8');
      }
      return { name, description: meta.description ?? '', tags: meta.tags ?? [], files };
    });
}

const text = JSON.stringify(packCorpus(), null, 1) + '\n';
if (process.argv.includes('--check')) {
  const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (current !== text) {
    console.error(`${out} is stale: run \`npm run corpus\` after editing ${root}/.`);
    process.exit(1);
  }
  console.log(`${out} is up to date.`);
} else {
  mkdirSync('src/core/corpus/generated', { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
