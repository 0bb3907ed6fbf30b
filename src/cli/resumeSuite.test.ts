import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';
import type { CommandContext } from './commands';
import type { Task } from '../core/tasks/types';
import {
  fileDigest,
  recordedSuite,
  resumedSuite,
  resumedSuiteDiffers,
  suiteTasks,
  tasksDiffer,
} from './runSuite';

const ctx = (...argv: string[]) => ({ args: parseArgs(['train', ...argv]) }) as CommandContext;
const dir = mkdtempSync(join(tmpdir(), 'resume-suite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const suiteFile = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the suite a resumed run continues on', () => {
  it('is the one it recorded, whatever --suite-seed defaults to', () => {
    expect(resumedSuite(ctx('--resume'), 'r', { source: { quick: 3 } })).toEqual({
      seed: 3,
      arg: { quick: true },
    });
    expect(resumedSuite(ctx('--resume'), 'r', { source: { builtin: 2 } })).toEqual({
      seed: 2,
      arg: undefined,
    });
    const file = suiteFile('tasks.jsonl', 'a\n');
    expect(resumedSuite(ctx('--resume', '--validated'), 'r', { source: { file } })).toEqual({
      seed: 1,
      arg: { path: file, validated: true },
    });
    // Validated as when the run started, whatever --validated says now.
    const started = { source: { file }, file: { sha256: '0123456789abcdef', validated: false } };
    expect(resumedSuite(ctx('--resume', '--validated'), 'r', started)).toEqual({
      seed: 1,
      arg: { path: file, validated: false },
    });
  });

  it('may be named again, not changed', () => {
    expect(
      resumedSuite(ctx('--suite', 'quick', '--suite-seed', '3'), 'r', { source: { quick: 3 } }),
    ).toEqual({
      seed: 3,
      arg: { quick: true },
    });
    expect(() =>
      resumedSuite(ctx('--suite', 'quick'), 'runs/a', { source: { builtin: 1 } }),
    ).toThrow(
      /runs\/a was started on \{"builtin":1\}, not \{"quick":1\}: resume it without --suite/,
    );
    expect(() => resumedSuite(ctx('--suite-seed', '2'), 'r', { source: { quick: 1 } })).toThrow(
      /not \{"builtin":2\}/,
    );
  });

  it('is a suite file named at another path when it holds what the run started on', () => {
    const moved = suiteFile('moved.jsonl', 'tasks\n');
    const gone = resolve(dir, 'gone.jsonl');
    const content = { sha256: fileDigest(moved), validated: true };
    const run = { source: { file: gone }, file: content };
    // Not given: the file is gone, and the refusal says how to go on.
    expect(() => resumedSuite(ctx('--resume'), 'r', run)).toThrow(
      `r was started on the suite file ${gone}, which is gone: give the same file (sha256 ${content.sha256}) where it is now with --suite <path>`,
    );
    // Given where it is now: the run continues on it, validated as it was.
    expect(resumedSuite(ctx('--resume', '--suite', moved), 'r', run)).toEqual({
      seed: 1,
      arg: { path: moved, validated: true },
    });
    // Another file's content is refused, as is a path when no digest was recorded.
    const other = suiteFile('other.jsonl', 'other tasks\n');
    expect(() => resumedSuite(ctx('--resume', '--suite', other), 'r', run)).toThrow(
      /other\.jsonl is not the suite file r was started on: that one \(sha256 [0-9a-f]{16}\) was .*gone\.jsonl, this one holds sha256 [0-9a-f]{16}/,
    );
    expect(() =>
      resumedSuite(ctx('--resume', '--suite', moved), 'r', { source: { file: gone } }),
    ).toThrow(/recorded no digest of it/);
    expect(() => resumedSuite(ctx('--resume', '--suite', 'quick'), 'r', run)).toThrow(
      /not the quick suite/,
    );
  });

  it('comes from the flags for a run that recorded none (from before runs did)', () => {
    expect(resumedSuite(ctx('--suite', 'quick', '--suite-seed', '4'), 'r', undefined)).toEqual({
      seed: 4,
      arg: { quick: true },
    });
  });
});

describe('which tasks a run had', () => {
  const task = (id: string) => ({ id }) as Task;
  const splits = { train: [task('a'), task('b')], val: [task('c')], test: [task('d')] };

  it('counts each split and digests the ids in order, so any other task set differs', () => {
    const tasks = suiteTasks(splits);
    expect(tasks).toMatchObject({ train: 2, val: 1, test: 1 });
    expect(tasks.digest).toMatch(/^[0-9a-f]{16}$/);
    expect(tasksDiffer(tasks, suiteTasks({ ...splits }))).toBeNull();
    // Nothing recorded (a run from before runs recorded it): nothing to compare.
    expect(tasksDiffer(undefined, tasks)).toBeNull();
    for (const other of [
      { ...splits, train: [task('b'), task('a')] },
      { ...splits, train: [task('a')], val: [task('b'), task('c')] },
      { ...splits, test: [task('e')] },
    ]) {
      const now = suiteTasks(other);
      expect(now.digest).not.toBe(tasks.digest);
      expect(tasksDiffer(tasks, now)).toContain(`its tasks were train 2, val 1, test 1 tasks`);
    }
  });
});

describe('whether a resumed run may continue on its suite as it is now', () => {
  const tasks = { train: 2, val: 1, test: 1, digest: '0123456789abcdef' };
  const source = { file: '/x/tasks.jsonl' };
  const file = (sha256: string) => ({ sha256, validated: true });

  it('may when its tasks and its file are the same, or nothing was recorded', () => {
    const now = { source, tasks, file: file('aaaa') };
    expect(resumedSuiteDiffers({ source, tasks, file: file('aaaa') }, now)).toBeNull();
    // Keys in another order (a results.json rewritten by another tool) are the same tasks.
    const reordered = { digest: tasks.digest, test: 1, val: 1, train: 2 };
    expect(resumedSuiteDiffers({ source, tasks: reordered }, now)).toBeNull();
    expect(resumedSuiteDiffers(undefined, now)).toBeNull();
    expect(resumedSuiteDiffers({ source }, now)).toBeNull();
  });

  it('may not when its suite file changed, or its tasks did', () => {
    const now = { source, tasks, file: file('bbbb') };
    expect(resumedSuiteDiffers({ source, tasks, file: file('aaaa') }, now)).toBe(
      'its suite file held sha256 aaaa when it started, bbbb now (the file changed; give the file it started on with --suite <path>)',
    );
    const fewer = { ...tasks, train: 3 };
    expect(resumedSuiteDiffers({ source, tasks: fewer, file: file('bbbb') }, now)).toMatch(
      /^its tasks were train 3, .* \(the same file, validated again, kept other tasks\)$/,
    );
    const quick = { quick: 1 };
    expect(resumedSuiteDiffers({ source: quick, tasks: fewer }, { source: quick, tasks })).toMatch(
      /^its tasks were train 3, .* \(the suite was built again and came out otherwise\)$/,
    );
  });
});

describe('a run folder whose suite.json is damaged', () => {
  it('is said to be damaged, with the file and what to do, not thrown as a SyntaxError', () => {
    const run = join(dir, 'damaged');
    mkdirSync(run);
    writeFileSync(join(run, 'suite.json'), '{"source": {"qu');
    expect(() => recordedSuite(run)).toThrow(
      new RegExp(
        `^${join(run, 'suite.json')} is not valid JSON \\(.+\\): the run folder is damaged`,
      ),
    );
    expect(() => recordedSuite(run)).toThrow(UsageError);
  });
});
