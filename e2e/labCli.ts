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

/**
 * A tiny run's config for `lab train`: a short warm start, 3 steps, a validation before the
 * first and after the last, and a few test tasks of each kind (seconds of training in Node).
 */
export const tinyConfig = (name: string) => ({
  extends: 'quick',
  name,
  warmStartPerKind: 4,
  steps: 3,
  evalEvery: 0,
  evalTasksPerKind: 2,
  testTasksPerKind: 3,
});

/** What the e2e tests read of a run bundle: its run's id and its points' clip fractions. */
export interface TinyBundle {
  run: { id: string };
  points: { point: { clipFraction: number } }[];
}

let tiny: { file: string; bundle: TinyBundle } | undefined;

/**
 * A tiny run (3 steps, a validation at 0 and at its end) trained in Node on the setup's tasks,
 * as a bundle to import: its file and its content. Trained once per test worker: the specs that
 * import it (keyboard, readable) only read it, and each imports it into a fresh page.
 */
export function tinyBundle(): { file: string; bundle: TinyBundle } {
  if (tiny) return tiny;
  const { dir, suite } = nodeWorkspace('asl-tiny-run-');
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify(tinyConfig('tiny')));
  lab(['train', '--config', join(dir, 'tiny.json'), ...suite, '--out', join(dir, 'run')]);
  const file = join(dir, 'tiny-bundle.json');
  lab(['bundle', '--run', join(dir, 'run'), '--out', file]);
  tiny = { file, bundle: JSON.parse(readFileSync(file, 'utf8')) as TinyBundle };
  return tiny;
}
