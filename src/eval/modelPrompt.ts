import { hashString } from '../core/rng';
import { ANSWER_SHAPE } from '../core/skills/shape';
import { KIND_LABELS, type Task } from '../core/tasks/types';
import { plural } from '../protocol/plural';

const fence = (lang: string, text: string): string => {
  // A fence longer than any backtick run inside, so the text cannot close it.
  const runs = text.match(/`+/g) ?? [];
  const ticks = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
  return `${ticks}${lang}\n${text.endsWith('\n') ? text : `${text}\n`}${ticks}`;
};

const functionsLine = (task: Task): string =>
  task.space.functions
    .map((f) => `${f.fn} (exported by ${f.module}, ${plural(f.arity, 'argument')})`)
    .join('; ');

/** How each step of the task's answer is written, in the order the steps come. */
function formatLines(task: Task): string[] {
  const { space } = task;
  return ANSWER_SHAPE[task.kind].map((kind) => {
    switch (kind) {
      case 'files':
        return `A line \`FILES <path> [<path> ...] END\` naming every file the fix must change (files: ${space.files.join(', ')}).`;
      case 'edits':
        return `Your change as a unified diff in a \`\`\`diff block (\`--- a/<path>\`, \`+++ b/<path>\`, \`@@\` hunks with context lines), to ${space.files.length === 1 ? space.files[0] : `these files only: ${space.files.join(', ')}`}. Keep it small: it must come to at most ${space.maxEdits} edits of one token or one whole line each.`;
      case 'tests':
        return space.expectRequired
          ? `${space.maxCases === 1 ? 'One line' : `Up to ${space.maxCases} lines`} \`TEST <module> <fn>(<args>) EXPECT <value>\`: JavaScript literals for the arguments and the value the correct code returns. Functions: ${functionsLine(task)}.`
          : `Up to ${space.maxCases} lines \`TEST <module> <fn>(<args>)\`, literal arguments; add \`EXPECT <value>\` or leave it out to record what this correct code returns. Functions: ${functionsLine(task)}.`;
      case 'verdict':
        return 'A line `VERDICT YES` if the patch makes every hidden test pass, else `VERDICT NO`.';
      case 'steps':
        return '';
    }
  });
}

const GOALS: Record<Task['kind'], string> = {
  localization: 'Find the files a fix for this issue must change.',
  editing: 'Make the change the instruction asks for; every hidden test must pass afterwards.',
  testgen:
    'Write unit tests that pass on this correct code and would fail on bugs planted in the function.',
  reproduction:
    'Write a test that reproduces the issue: it fails on this code and passes once the issue is fixed.',
  review: 'Say whether the candidate patch fixes the issue: every hidden test must pass with it.',
  bugfix: 'Fix the bug the issue describes: name the files to change, then change them.',
  'bugfix-multi':
    'Fix the bug the issue describes (it may span files): name the files to change, then change them.',
  'tdd-fix':
    'Reproduce the issue with a test, then fix the code so the test and every hidden test pass.',
  refactor: 'Make the refactoring the instruction asks for; every hidden test must still pass.',
  'security-fix': 'Fix the security problem the issue describes without breaking anything else.',
};

/**
 * A task as a prompt for a language model: the goal, the issue or instruction, the answer
 * format (the app's answer language, or a unified diff for edits, which the app converts), the
 * repository and, for code review, the patch. Nothing hidden (tests, gold answer) is in it.
 */
export function taskPrompt(task: Task): string {
  const parts = [
    `You are solving one ${KIND_LABELS[task.kind]} task on a small JavaScript repository. ${GOALS[task.kind]}`,
    `## ${task.prompt.title}\n\n${task.prompt.body}`,
    `## Answer format\n\nReply with the answer only:\n\n${formatLines(task)
      .map((l, i, all) => (all.length > 1 ? `${i + 1}. ${l}` : l))
      .join('\n')}`,
  ];
  if (task.patch !== undefined)
    parts.push(`## The candidate patch\n\n${fence('diff', task.patch)}`);
  const files = Object.keys(task.files).sort();
  parts.push(
    `## The repository (${files.length} files)\n\n${files
      .map((path) => `### ${path}\n\n${fence(path.endsWith('.js') ? 'js' : '', task.files[path]!)}`)
      .join('\n\n')}`,
  );
  return `${parts.join('\n\n')}\n`;
}

/** One line of a prompts file: the task's id and kind, and its prompt. */
export interface PromptLine {
  task: string;
  kind: Task['kind'];
  prompt: string;
}

/**
 * The tasks' prompts as JSONL, one task a line; answers come back keyed by `task`. Kind by kind,
 * in an order fixed by each id's hash, not the suite's: the suite keeps a code review's two
 * candidates (the right patch, then a wrong one) side by side, so its order alone would give the
 * verdicts away (YES, NO, YES, NO...) to a model or a person answering the file in turn.
 */
export function promptsFile(tasks: readonly Task[]): string {
  const kinds = [...new Set(tasks.map((t) => t.kind))];
  const key = (t: Task) => [kinds.indexOf(t.kind), hashString(t.id), t.id] as const;
  const ordered = [...tasks].sort((a, b) => {
    const [ka, ha, ia] = key(a);
    const [kb, hb, ib] = key(b);
    return ka - kb || ha - hb || (ia < ib ? -1 : ia > ib ? 1 : 0);
  });
  return ordered
    .map((t) =>
      JSON.stringify({ task: t.id, kind: t.kind, prompt: taskPrompt(t) } satisfies PromptLine),
    )
    .join('\n')
    .concat(tasks.length ? '\n' : '');
}
