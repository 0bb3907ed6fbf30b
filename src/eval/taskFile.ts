import type { SandboxRunner } from '../core/sandbox/types';
import { parseHumanEvalPack } from '../core/tasks/humanEval';
import { importedTasks } from '../core/tasks/importTasks';
import { parseSuite, type SuiteLineError } from '../core/tasks/suite';
import type { Task, TaskKind } from '../core/tasks/types';
import { validateTask } from '../core/tasks/validate';

/** A HumanEvalPack-style line (HumanEvalFix's fields), as opposed to a suite file's. */
export const isHumanEvalPackLine = (line: string): boolean =>
  /"task_id"\s*:/.test(line) && /"buggy_solution"\s*:/.test(line);

const lineError = (e: SuiteLineError) => `${e.file} line ${e.line}: ${e.field}: ${e.message}`;

export interface TaskFile {
  format: 'HumanEvalPack' | 'suite';
  /** The valid tasks of the kinds asked for. */
  tasks: Task[];
  /** Everything left out, each with why. */
  skipped: string[];
}

/**
 * The tasks of an external file's text: a HumanEvalPack-style file (each record made into
 * tasks of every kind it supports, as `lab eval --suite <file>` does) or a suite file. Only the
 * `kinds` asked for are kept (none: all), and each is validated in the sandbox; unreadable
 * lines, records no task came from and invalid tasks are listed in `skipped`.
 */
export async function readTaskFile(
  text: string,
  fileName: string,
  kinds: readonly TaskKind[],
  sandbox: SandboxRunner,
  seed: number,
  onProgress: (message: string) => void = () => {},
): Promise<TaskFile> {
  const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const wanted = (t: Task) => kinds.length === 0 || kinds.includes(t.kind);
  const skipped: string[] = [];
  let format: TaskFile['format'];
  let tasks: Task[];
  if (isHumanEvalPackLine(first)) {
    format = 'HumanEvalPack';
    const { projects, errors } = parseHumanEvalPack(text, fileName);
    skipped.push(...errors.map(lineError));
    onProgress(`Making tasks from ${projects.length} records…`);
    const made = await importedTasks(projects, sandbox, seed);
    skipped.push(...made.problems.map((p) => `${p.project}: ${p.reason}`));
    tasks = made.tasks.filter(wanted);
  } else {
    format = 'suite';
    const { tasks: read, errors } = parseSuite(text, fileName);
    skipped.push(...errors.map(lineError));
    tasks = read.filter(wanted);
  }
  const valid: Task[] = [];
  for (const [i, task] of tasks.entries()) {
    if (i % 10 === 0) onProgress(`Checking the tasks in the sandbox: ${i} of ${tasks.length}…`);
    const v = await validateTask(task, sandbox);
    if (v.ok) valid.push(task);
    else skipped.push(`${task.id}: ${v.reason}`);
  }
  return { format, tasks: valid, skipped };
}
