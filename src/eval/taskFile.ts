import type { SandboxRunner } from '../core/sandbox/types';
import { parseHumanEvalPack, type ImportedProject } from '../core/tasks/humanEval';
import { importedTasks } from '../core/tasks/importTasks';
import { parseSuite, type SuiteLineError } from '../core/tasks/suite';
import type { Task, TaskKind } from '../core/tasks/types';
import { validateTask } from '../core/tasks/validate';

/**
 * A HumanEvalPack-style line (a JSON object with HumanEvalFix's `task_id`), as opposed to a
 * suite file's (its header and tasks have none). A record that lacks other fields is still one:
 * reading it then says which field it lacks.
 */
export function isHumanEvalPackLine(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return (
      typeof value === 'object' && value !== null && !Array.isArray(value) && 'task_id' in value
    );
  } catch {
    return false;
  }
}

/**
 * Whether a file's lines are HumanEvalPack-style records: told by its first line that is JSON
 * (blank lines, a byte-order mark and an unreadable first line do not decide it, so the page and
 * `lab` read such a file alike). Reads at most `limit` lines.
 */
export function isHumanEvalPackFile(lines: Iterable<string>, limit = 1000): boolean {
  let read = 0;
  for (const raw of lines) {
    if (++read > limit) break;
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '') continue;
    try {
      JSON.parse(line);
    } catch {
      continue;
    }
    return isHumanEvalPackLine(line);
  }
  return false;
}

/** `f.jsonl line 3: entry_point: …`; a fault of the whole line names no field. */
export const lineError = (e: SuiteLineError) =>
  `${e.file} line ${e.line}: ${e.field === '(line)' ? '' : `${e.field}: `}${e.message}`;

/** A task file's lines read, before any task is made or checked in the sandbox. */
export type TaskFileLines =
  | { format: 'HumanEvalPack'; projects: ImportedProject[]; errors: string[] }
  | { format: 'suite'; tasks: Task[]; errors: string[] };

/**
 * Reads an external file's text (HumanEvalPack-style records or a suite file, told apart by its
 * first line) without the sandbox: its records or tasks, and why each other line is left out.
 * Cheap enough for the page to check a file as it is opened.
 */
export function readTaskLines(text: string, fileName: string): TaskFileLines {
  if (isHumanEvalPackFile(text.split('\n'))) {
    const { projects, errors } = parseHumanEvalPack(text, fileName);
    return { format: 'HumanEvalPack', projects, errors: errors.map(lineError) };
  }
  const { tasks, errors } = parseSuite(text, fileName);
  return { format: 'suite', tasks, errors: errors.map(lineError) };
}

export interface TaskFile {
  format: 'HumanEvalPack' | 'suite';
  /** The valid tasks of the kinds asked for. */
  tasks: Task[];
  /** Everything left out, each with why. */
  skipped: string[];
  /** The kinds of the tasks the file gave, before the kinds asked for were kept. */
  offered: TaskKind[];
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
  const wanted = (t: Task) => kinds.length === 0 || kinds.includes(t.kind);
  const lines = readTaskLines(text, fileName);
  const skipped = [...lines.errors];
  let all: Task[];
  if (lines.format === 'HumanEvalPack') {
    // Said before each record: a cancel (thrown from onProgress) stops between records.
    const made = await importedTasks(lines.projects, sandbox, seed, {
      onRecord: (done, total) => onProgress(`Making tasks from the records: ${done} of ${total}…`),
    });
    // Only what kept a record from giving the kinds asked for (a record with no review task
    // says nothing of its localization tasks).
    skipped.push(
      ...made.problems
        .filter((p) => p.kind === undefined || kinds.length === 0 || kinds.includes(p.kind))
        .map((p) => `${p.project}: ${p.reason}`),
    );
    all = made.tasks;
  } else all = lines.tasks;
  const offered = [...new Set(all.map((t) => t.kind))];
  const tasks = all.filter(wanted);
  const valid: Task[] = [];
  for (const [i, task] of tasks.entries()) {
    if (i % 10 === 0) onProgress(`Checking the tasks in the sandbox: ${i} of ${tasks.length}…`);
    const v = await validateTask(task, sandbox);
    if (v.ok) valid.push(task);
    else skipped.push(`${task.id}: ${v.reason}`);
  }
  return { format: lines.format, tasks: valid, skipped, offered };
}
