import { parseAnswer } from '../core/answers/text';
import { AnswerSyntaxError, type Answer, type Edit } from '../core/answers/types';
import type { SandboxRunner } from '../core/sandbox/types';
import { ANSWER_SHAPE } from '../core/skills/shape';
import { invalid, type Verification } from '../core/skills/types';
import { verifyAnswer } from '../core/skills/verify';
import { readJsonLines } from '../core/tasks/jsonLines';
import type { SuiteLineError } from '../core/tasks/suite';
import { SPLITS, type Split, type Task, type TaskKind } from '../core/tasks/types';
import { applyPatch, createSnapshot } from '../core/vfs';
import { editAnswer } from './editAnswer';
import { kindScore, type KindScore } from './evaluate';
import { inKindOrder, type PerTaskScores } from './stats';
import { plural } from '../protocol/plural';

/** One answer of a model: the task it answers and the model's text. */
export interface ModelAnswer {
  task: string;
  text: string;
  line: number;
}

const TASK_FIELDS = ['task', 'task_id', 'id'] as const;
const TEXT_FIELDS = ['answer', 'output', 'completion', 'response'] as const;

/**
 * Reads a model's answers: JSONL, one answer a line, `{"task": <task id>, "answer": <text>}`
 * (also `task_id`/`id`, and `output`/`completion`/`response`). Several lines may answer one
 * task (its score is their mean, Avg@k). Unreadable lines are reported and skipped.
 */
export function readModelAnswers(
  text: string,
  file: string,
): { answers: ModelAnswer[]; errors: SuiteLineError[] } {
  const answers: ModelAnswer[] = [];
  const errors: SuiteLineError[] = [];
  readJsonLines(text, file, errors, (value, line) => {
    const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    const task = TASK_FIELDS.map((f) => v[f]).find((x) => typeof x === 'string');
    const field = TEXT_FIELDS.find((f) => f in v);
    const said = field === undefined ? undefined : v[field];
    if (typeof task !== 'string')
      errors.push({ file, line, field: 'task', message: 'expected the task id as a string' });
    // null: the model gave no answer (a timeout, say), which scores 0 like any empty answer.
    else if (said === null) answers.push({ task, text: '', line });
    else if (typeof said !== 'string')
      errors.push({ file, line, field: 'answer', message: 'expected the answer as a string' });
    else answers.push({ task, text: said, line });
  });
  return { answers, errors };
}

const HEAD = /^(FILES|EDIT|INSERT|DELETE|TEST|VERDICT)\b/;
const EDIT_HEAD = /^(EDIT|INSERT|DELETE)\b/;

/** An instruction as written, with bold or backticks around it and a colon after it. */
const DRESSED_HEAD = /^(FILES|EDIT|INSERT|DELETE|TEST|VERDICT)(?:[*_`]*\s*:)?[*_`]*(?=\s|$)\s*/;
/**
 * `Verdict: yes`, `Files: a.js, b.js`: any case, with its colon, and only when what follows is a
 * verdict or file names (review 42: prose such as "Verdict: the change looks risky" or a code
 * line `files: ['b.js'],` is not an answer line).
 */
const LABEL_HEAD = /^(files|verdict)[*_`]*\s*:[*_`]*\s*/i;
const FILE_NAME = /^[\w./-]+\.[A-Za-z]+$/;

/** A FILES line's words: commas as spaces, quotes, bold and backticks around each dropped. */
const fileWords = (text: string): string[] =>
  text
    .replace(/,/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[`*_'"]+|[`*_'"]+$/g, ''))
    .filter(Boolean);

function labelled(line: string): string | null {
  const head = LABEL_HEAD.exec(line);
  if (!head) return null;
  const rest = line.slice(head[0].length).trim();
  if (head[1]!.toLowerCase() === 'verdict') {
    const verdict = /^(yes|no)\b[.!]?$/i.exec(rest.replace(/[*_`]/g, ''));
    return verdict ? `VERDICT ${verdict[1]!.toUpperCase()}` : null;
  }
  const names = fileWords(rest.replace(/\.$/, '')).filter((w) => w !== 'END');
  return names.length && names.every((n) => FILE_NAME.test(n)) ? `FILES ${names.join(' ')}` : null;
}

/** Where the run of `chars` that ends `s` starts (s.length when none does). */
function tailStart(s: string, chars: string, end = s.length): number {
  let i = end;
  while (i > 0 && chars.includes(s[i - 1]!)) i--;
  return i;
}

/**
 * Backticks, asterisks or underscores closing a line, with a full stop or the like after them
 * (`**VERDICT YES**.`), dropped. Read back from the end once: a regex over the line took
 * quadratic time on a long run of asterisks.
 */
function dropMarkedTail(s: string): string {
  const end = s.length > 0 && '.!,;'.includes(s.at(-1)!) ? s.length - 1 : s.length;
  const start = tailStart(s, '`*_', end);
  return start < end ? s.slice(0, start) : s;
}

/**
 * An answer line as a model may dress it: a list bullet or number, a quote mark or a heading's
 * hashes before it, backticks or bold around it or around its instruction (`**VERDICT:** YES`),
 * a colon after the instruction, in any case (`Verdict: YES`), a full stop after a verdict,
 * commas between files and backticks around them, a FILES line without its END.
 */
function cleanLine(raw: string): string {
  let line = dropMarkedTail(
    raw
      .trim()
      .replace(/^(?:>\s*)+/, '')
      .replace(/^#{1,6}\s+/, '')
      .replace(/^(?:[-*+]\s+|\d+[.)]\s+)/, '')
      .replace(/^[`*_]+/, ''),
  ).trim();
  const head = DRESSED_HEAD.exec(line);
  if (head) line = `${head[1]!} ${line.slice(head[0].length)}`.trim();
  else line = labelled(line) ?? line;
  if (line.startsWith('VERDICT ')) line = line.slice(0, tailStart(line, '.!')).replace(/\s+/g, ' ');
  if (line.startsWith('FILES ')) {
    const words = fileWords(line.replace(/\.$/, ''));
    line = (words.at(-1) === 'END' ? words : [...words, 'END']).join(' ');
  }
  return line;
}

/** Fenced blocks (``` or ~~~, indented under a list item or not), each with its lines dedented. */
function fencedBlocks(text: string): { whole: string; body: string }[] {
  const fences = /^([ \t]*)(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^[ \t]*\2[ \t]*$/gm;
  return [...text.matchAll(fences)].map((m) => {
    const indent = m[1]!;
    const body = m[3]!
      .split('\n')
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
      .join('\n');
    return { whole: m[0], body };
  });
}

const isDiff = (body: string): boolean => /^@@/m.test(body) && /^(\+\+\+|---) /m.test(body);

/** The text's fenced blocks that hold a diff, or, unfenced, its lines from the first file header. */
function diffOf(text: string): string | null {
  const diffs = fencedBlocks(text)
    .map((b) => b.body)
    .filter(isDiff);
  if (diffs.length) return diffs.join('\n');
  const start = text.search(/^(diff --git |--- )/m);
  return start >= 0 && /^@@/m.test(text.slice(start)) ? text.slice(start) : null;
}

/** The text outside fenced diff blocks: where answer lines are looked for. */
function outsideDiffs(text: string): string {
  let out = text;
  for (const b of fencedBlocks(text)) if (isDiff(b.body)) out = out.replace(b.whole, '');
  return out;
}

/**
 * A diff's change to the task's files, as the answer language's edits: applied, then written as
 * a person's edit in the editor is (`editAnswer`).
 */
function editsFromDiff(task: Task, diff: string): Edit[] | string {
  const applied = applyPatch(createSnapshot(task.files), diff, { fuzz: 2 });
  if (!applied.ok) return `the diff does not apply: ${applied.error.message}`;
  const after: Record<string, string> = {};
  for (const path of applied.files) {
    const text = applied.snapshot.get(path);
    if (task.files[path] === undefined || text === undefined)
      return `the diff adds or deletes ${path}: an answer may only change the task's files`;
    after[path] = text;
  }
  const made = editAnswer(task, after);
  if (made.ok) return made.edits;
  return made.empty ? 'the diff changes nothing' : `the diff: ${made.reason}`;
}

/**
 * A model's free text read as an answer to `task`: its answer-language lines (FILES, EDIT,
 * INSERT, DELETE, TEST, VERDICT; bullets, numbering and backticks around them ignored), and for
 * the edit step, a unified diff when the text has no edit lines (applied to the task's files
 * and written as token and line edits). Steps are put in the order the task takes them. A reason
 * when the text holds no such answer.
 */
export function answerFromText(task: Task, text: string): { answer: Answer } | { reason: string } {
  const lines = outsideDiffs(text)
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((l) => HEAD.test(l));
  const read = (picked: string[]): Answer | string => {
    try {
      return parseAnswer(picked.join('\n'));
    } catch (error) {
      if (error instanceof AnswerSyntaxError) return error.message;
      throw error;
    }
  };
  const steps: Answer[] = [];
  for (const kind of ANSWER_SHAPE[task.kind]) {
    let step: Answer | string;
    if (kind === 'edits') {
      // Edit lines, else a diff; prose that happens to start with EDIT does not hide a diff.
      const own = lines.filter((l) => EDIT_HEAD.test(l));
      const fromLines = own.length ? read(own) : null;
      const diff = fromLines === null || typeof fromLines === 'string' ? diffOf(text) : null;
      if (fromLines !== null && typeof fromLines !== 'string') step = fromLines;
      else if (diff) {
        const edits = editsFromDiff(task, diff);
        step = typeof edits === 'string' ? edits : { kind: 'edits', edits };
      } else step = fromLines ?? 'no edit lines and no unified diff';
    } else {
      const head = { files: 'FILES', tests: 'TEST', verdict: 'VERDICT', steps: '' }[kind];
      const own = lines.filter((l) => l.startsWith(`${head} `) || l === head);
      // One FILES or VERDICT line stands (said again alike, it is the same answer); two that
      // differ leave no answer to take (not the first of them, review 41cli F18).
      const differing = [...new Set(own)];
      const take = kind === 'tests' ? own : own.slice(0, 1);
      if (kind !== 'tests' && differing.length > 1)
        step = `${differing.length} different ${head} lines (${differing.slice(0, 2).join('; ')}): give one`;
      else step = take.length ? read(take) : `no ${head} line`;
    }
    if (typeof step === 'string') return { reason: step };
    steps.push(step);
  }
  return { answer: steps.length === 1 ? steps[0]! : { kind: 'steps', steps } };
}

/** What scoring a model's answers came to. */
export interface ModelScore {
  /** Per kind: the tasks answered and their mean reward (Avg over each task's answers). */
  bySkill: Partial<Record<TaskKind, KindScore>>;
  perTask: PerTaskScores;
  answers: number;
  /** The answers graded: those naming one of the tasks (absent in results kept before). */
  graded?: number;
  /** Answers whose text held no answer (scored 0), up to 20 of them, with the reason. */
  unread: { task: string; line: number; reason: string }[];
  unreadCount: number;
  /** Answers to task ids not among the tasks (not scored). */
  unknownTasks: string[];
}

/** Answers that name none of the tasks they are scored on. */
export class NoTaskAnswered extends Error {
  override name = 'NoTaskAnswered';
}

/**
 * Grades a model's answers to tasks with the same verifiers as a policy's: each answer read
 * from its text (`answerFromText`; an answer that holds none gets reward 0 with the reason),
 * graded in the sandbox; a task's score is the mean over its answers. Answers that name none
 * of the tasks are refused (they were made for other tasks).
 */
export async function scoreModelAnswers(
  tasks: readonly Task[],
  answers: readonly ModelAnswer[],
  sandbox: SandboxRunner,
  onProgress?: (done: number, total: number) => void,
  cancelled?: () => boolean,
): Promise<ModelScore> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const rewards = new Map<string, number[]>();
  const unread: ModelScore['unread'] = [];
  let unreadCount = 0;
  const unknown = new Set<string>();
  const known = answers.filter((a) => {
    if (!byId.has(a.task)) unknown.add(a.task);
    return byId.has(a.task);
  });
  if (answers.length > 0 && known.length === 0)
    throw new NoTaskAnswered(
      `none of its ${plural(answers.length, 'answer')} names one of the tasks (e.g. "${answers[0]!.task}"); nothing was scored`,
    );
  for (const [i, a] of known.entries()) {
    if (cancelled?.()) break;
    onProgress?.(i, known.length);
    const task = byId.get(a.task)!;
    const read = answerFromText(task, a.text);
    let verdict: Verification;
    if ('answer' in read) verdict = await verifyAnswer(task, read.answer, sandbox);
    else {
      verdict = invalid(read.reason);
      unreadCount++;
      if (unread.length < 20) unread.push({ task: a.task, line: a.line, reason: read.reason });
    }
    rewards.set(a.task, [...(rewards.get(a.task) ?? []), verdict.reward]);
  }
  onProgress?.(known.length, known.length);
  const perTask: PerTaskScores = {};
  for (const [id, rs] of rewards) {
    const kind = byId.get(id)!.kind;
    (perTask[kind] ??= {})[id] = rs.reduce((s, r) => s + r, 0) / rs.length;
  }
  const bySkill = inKindOrder((kind) => {
    const scores = perTask[kind];
    return scores && kindScore(Object.values(scores));
  });
  return {
    bySkill,
    perTask,
    answers: answers.length,
    graded: [...rewards.values()].reduce((n, rs) => n + rs.length, 0),
    unread,
    unreadCount,
    unknownTasks: [...unknown].sort(),
  };
}

/** How much of the tasks a model's answers cover, kind by kind (see `answerCoverage`). */
export interface AnswerCoverage {
  /** The splits of the tasks answered. */
  splits: Split[];
  /** Per kind scored: the tasks answered, of the kind's tasks in those splits. */
  byKind: Partial<Record<TaskKind, { answered: number; of: number }>>;
}

/**
 * What a model's scores (`perTask`) cover of `tasks`: a score over the tasks answered says
 * nothing of the ones left out, so an answers file of the easy half would read as a perfect
 * score without it. Measured against the splits answered: prompts are downloaded a split at a
 * time.
 */
export function answerCoverage(tasks: readonly Task[], perTask: PerTaskScores): AnswerCoverage {
  const answered = new Set(Object.values(perTask).flatMap((byTask) => Object.keys(byTask ?? {})));
  const splits = SPLITS.filter((s) => tasks.some((t) => t.split === s && answered.has(t.id)));
  const byKind: AnswerCoverage['byKind'] = {};
  for (const [kind, byTask] of Object.entries(perTask) as [TaskKind, Record<string, number>][])
    byKind[kind] = {
      answered: Object.keys(byTask).length,
      of: tasks.filter((t) => t.kind === kind && splits.includes(t.split)).length,
    };
  return { splits, byKind };
}
