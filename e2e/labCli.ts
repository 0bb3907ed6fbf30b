import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeSuite } from '../src/core/tasks/suite';
import type { Task } from '../src/core/tasks/types';
import { QUICK_SUITE_FILE } from './trainStore';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `npm run lab -- <args>` from the package folder, as a person types it; its stdout. */
export const lab = (args: string[]): string =>
  execFileSync('npm', ['run', '-s', 'lab', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });

/** The tasks the app built in the setup (the quick suite), whole: gold answers and hidden parts. */
export function quickSuiteTasks(): Task[] {
  const { parts } = JSON.parse(readFileSync(QUICK_SUITE_FILE, 'utf8')) as {
    parts: { tasks: Task[] }[];
  };
  return parts.flatMap((p) => p.tasks);
}

/**
 * A fresh folder holding the tasks the app built (the setup's quick suite) as a suite file, and
 * the `--suite` flags that train on it in Node.
 */
export function nodeWorkspace(prefix: string): { dir: string; suite: string[] } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'quick.jsonl');
  writeFileSync(file, serializeSuite('quick', quickSuiteTasks()));
  return { dir, suite: ['--suite', file, '--validated'] };
}
