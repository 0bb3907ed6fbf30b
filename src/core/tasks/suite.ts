import { asTask, checkTaskShape } from './taskShape';
import type { Task } from './types';
import { readJsonLines } from './jsonLines';

/** First line of every suite file: what it is, which version, and what it holds. */
export interface SuiteHeader {
  format: typeof SUITE_FORMAT;
  version: typeof SUITE_VERSION;
  name: string;
  tasks: number;
  /** How it was made (e.g. seed, builder), free-form. */
  about?: Record<string, string | number>;
}

export const SUITE_FORMAT = 'atomic-skills-lab/suite';
export const SUITE_VERSION = 1;

/** A line that could not be read: file, 1-based line, the field and what is wrong. */
export interface SuiteLineError {
  file: string;
  line: number;
  field: string;
  message: string;
}

/**
 * Writes a suite as JSONL: a header line, then one whole task a line (snapshot, gold answer,
 * hidden tests), so a suite can be exported, shared and imported without anything else.
 */
export function serializeSuite(
  name: string,
  tasks: readonly Task[],
  about?: SuiteHeader['about'],
): string {
  return [...suiteLines(name, tasks, about)].join('\n') + '\n';
}

/** The suite's lines one at a time (a large suite does not fit in one string). */
export function* suiteLines(
  name: string,
  tasks: readonly Task[],
  about?: SuiteHeader['about'],
): Generator<string> {
  const header: SuiteHeader = {
    format: SUITE_FORMAT,
    version: SUITE_VERSION,
    name,
    tasks: tasks.length,
    ...(about ? { about } : {}),
  };
  yield JSON.stringify(header);
  for (const task of tasks) yield JSON.stringify(task);
}

const fieldOf = (message: string): string => /^(task[\w.[\]"-]*)/.exec(message)?.[1] ?? 'task';

/**
 * Reads a suite file. Malformed lines are reported (file, line, field) and skipped; every
 * other line still loads. A missing header is allowed (a plain JSONL of tasks).
 */
export function parseSuite(
  text: string | Iterable<string>,
  file: string,
): { header: SuiteHeader | null; tasks: Task[]; errors: SuiteLineError[] } {
  const tasks: Task[] = [];
  const errors: SuiteLineError[] = [];
  let header: SuiteHeader | null = null;
  const seen = new Set<string>();
  readJsonLines(text, file, errors, (value, line) => {
    const v = value as { format?: unknown; version?: unknown };
    if (line === 1 && v && typeof v === 'object' && 'format' in v) {
      if (v.format !== SUITE_FORMAT)
        errors.push({
          file,
          line,
          field: 'format',
          message: `expected "${SUITE_FORMAT}", got ${JSON.stringify(v.format)}`,
        });
      else if (v.version !== SUITE_VERSION)
        errors.push({
          file,
          line,
          field: 'version',
          message: `version ${String(v.version)} is not supported (this app reads version ${SUITE_VERSION})`,
        });
      else header = value as SuiteHeader;
      return;
    }
    const problem = checkTaskShape(value);
    if (problem) {
      errors.push({ file, line, field: fieldOf(problem), message: problem });
      return;
    }
    const task = asTask(value);
    if (seen.has(task.id)) {
      errors.push({ file, line, field: 'task.id', message: `duplicate task id ${task.id}` });
      return;
    }
    seen.add(task.id);
    tasks.push(task);
  });
  // A file cut at a line's end reads whole: its header says how many tasks it was written with.
  const written = (header as SuiteHeader | null)?.tasks;
  const read = tasks.length + errors.filter((e) => e.line > 1).length;
  if (typeof written === 'number' && written !== read)
    errors.push({
      file,
      line: 1,
      field: 'tasks',
      message: `the header says ${written} tasks, the file holds ${read} task lines: it may have been cut short or added to; export it again`,
    });
  return { header, tasks, errors };
}
