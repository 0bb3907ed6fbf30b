import { plural } from '../protocol/plural';
import { SPLITS, type Split } from '../core/tasks/types';
import { readTaskLines } from './taskFile';
import { labFileKind, OPEN_BUNDLE, OPEN_RESULTS, parseDocument } from './labFiles';

/** A suite file's tasks in each split (a HumanEvalPack file's records have none). */
export type SplitCounts = Record<Split, number>;

/** A task file's description for the page, or why it is not one. */
export type DescribedFile =
  { about: string; problem: null; splits: SplitCounts | null } | { about: null; problem: string };

/** {@link describeFile} of a file's bytes, read as UTF-8 (in the trainer worker, off the page's thread). */
export const describeBlob = async (name: string, file: Blob): Promise<DescribedFile> =>
  describeFile(name, await file.text());

/**
 * What a task file holds, read as it is opened (its records or tasks, not yet made or checked
 * in the sandbox), or why it cannot be one: empty, not JSON lines, or no line the app can read.
 */
export function describeFile(name: string, text: string): DescribedFile {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const first = lines[0]?.trim();
  const what = 'open HumanEvalPack-style records (JSONL) or a suite file from lab suite export.';
  if (first === undefined) return { about: null, problem: `${name} is empty: ${what}` };
  // A file from the lab opened here by mistake (a results.json, pretty-printed or not, or a
  // run bundle): said what it is and where it opens.
  const whole = parseDocument(text);
  const kind = labFileKind(whole);
  if (kind === 'results')
    return {
      about: null,
      problem: `${name} is not a task file: it looks like a results.json of lab experiment (one JSON document of runs' scores). To see its grid, ${OPEN_RESULTS}. Here, ${what}`,
    };
  if (kind === 'bundle')
    return {
      about: null,
      problem: `${name} is not a task file: it is a run bundle of lab bundle. To evaluate its run, ${OPEN_BUNDLE}. Here, ${what}`,
    };
  let value: unknown;
  try {
    value = JSON.parse(first);
  } catch {
    return {
      about: null,
      problem:
        whole === undefined
          ? `${name} is not a task file (line 1 is not JSON): ${what}`
          : `${name} is not a task file: it is one JSON document over several lines, not JSON lines (one JSON object a line): ${what}`,
    };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return {
      about: null,
      problem: `${name} is not a task file (line 1 is not a JSON object): ${what}`,
    };
  // The External models section's own files: prompts for a model to answer, or its answers.
  const fields = value as Record<string, unknown>;
  if (typeof fields.task === 'string' && typeof fields.prompt === 'string')
    return {
      about: null,
      problem: `${name} is not a task file: it is a prompts file (from "Download the prompts" under External models), prompts for a model to answer. Give them to a model, then open its answers there ("Open a model's answers"). Here, ${what}`,
    };
  if (typeof fields.task === 'string' && 'answer' in fields)
    return {
      about: null,
      problem: `${name} is not a task file: it holds a model's answers. Open it under External models ("Open a model's answers"). Here, ${what}`,
    };
  const read = readTaskLines(text, name);
  const count = read.format === 'HumanEvalPack' ? read.projects.length : read.tasks.length;
  const unit = read.format === 'HumanEvalPack' ? 'record' : 'task';
  const firstError = read.errors[0] ?? '';
  // Nothing read: with line 1 neither format's, said by the fields each is told by, not by one
  // format's first complaint.
  if (count === 0)
    return {
      about: null,
      problem: ['task_id', 'id', 'kind', 'format'].some((k) => k in fields)
        ? `${name} has no ${unit} the app can read (${plural(read.errors.length, 'line')} left out; the first: ${firstError}): ${what}`
        : `${name} is not a task file: line 1 has neither a HumanEvalPack record's task_id (with prompt, buggy_solution, test…) nor a suite task's id and kind: ${what}`,
    };
  const splits =
    read.format === 'suite'
      ? (Object.fromEntries(
          SPLITS.map((s) => [s, read.tasks.filter((t) => t.split === s).length]),
        ) as SplitCounts)
      : null;
  const format = splits
    ? `a suite file of ${plural(count, 'task')} (${SPLITS.map((s) => `${splits[s]} ${s}`).join(', ')})`
    : `${plural(count, 'HumanEvalPack-style record')} (each made into tasks of several kinds)`;
  const leftOut = read.errors.length
    ? ` ${plural(read.errors.length, 'line')} cannot be read and will be left out; the first: ${firstError}.`
    : '';
  return { about: `${name}: ${format}.${leftOut}`, problem: null, splits };
}
