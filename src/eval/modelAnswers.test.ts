import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../core/answers/apply';
import { renderAnswer } from '../core/answers/text';
import type { Answer } from '../core/answers/types';
import { CORPUS } from '../core/corpus';
import { stepsOf } from '../core/skills/shape';
import { verifyAnswer } from '../core/skills/verify';
import { buildBuiltinTasks } from '../core/tasks/build';
import type { Task } from '../core/tasks/types';
import { validateTask } from '../core/tasks/validate';
import { diffFiles } from '../core/vfs';
import { createNodeSandbox } from '../node/sandbox';
import {
  answerCoverage,
  answerFromText,
  readModelAnswers,
  scoreModelAnswers,
} from './modelAnswers';
import { promptsFile, taskPrompt } from './modelPrompt';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

const tasks: Task[] = [];
beforeAll(async () => {
  const projects = CORPUS.filter((p) => p.name === 'money');
  const built = await buildBuiltinTasks(sandbox, { seed: 1, projects, maxMutants: 8 });
  for (const t of built.tasks) if ((await validateTask(t, sandbox)).ok) tasks.push(t);
}, 120_000);

/** One task of each kind the build made. */
const oneOfEach = (): Task[] => {
  const seen = new Set<string>();
  return tasks.filter((t) => !seen.has(t.kind) && seen.add(t.kind));
};

/** A gold answer as a model might write it: prose, a list, and its edits as a fenced diff. */
function asModelText(task: Task): string {
  const parts = stepsOf(task.gold).map((step: Answer) => {
    if (step.kind !== 'edits')
      return renderAnswer(step)
        .split('\n')
        .map((l) => `- \`${l}\``)
        .join('\n');
    const diff = diffFiles(task.files, applyEdits(task.files, step.edits));
    return `Here is the fix:\n\n\`\`\`diff\n${diff}\`\`\``;
  });
  return `Sure. Reading the code, I would answer:\n\n${parts.join('\n\nThen:\n\n')}\n\nHope this helps.`;
}

describe('a language model’s answers', () => {
  it('every kind’s gold answer, as plain answer text and as prose with a diff, gets reward 1', async () => {
    const kinds = oneOfEach();
    expect(kinds.map((t) => t.kind).sort()).toEqual(
      expect.arrayContaining([
        'bugfix',
        'editing',
        'localization',
        'reproduction',
        'review',
        'testgen',
      ]),
    );
    for (const task of kinds) {
      for (const text of [renderAnswer(task.gold), asModelText(task)]) {
        const read = answerFromText(task, text);
        expect(read, `${task.kind}: ${text}`).toHaveProperty('answer');
        if (!('answer' in read)) continue;
        expect(
          (await verifyAnswer(task, read.answer, sandbox)).reward,
          `${task.kind}: ${text}`,
        ).toBe(1);
      }
    }
  }, 60_000);

  it('says what is missing when the text holds no answer of the task’s shape', () => {
    const review = tasks.find((t) => t.kind === 'review')!;
    expect(answerFromText(review, 'The patch looks fine to me.')).toEqual({
      reason: 'no VERDICT line',
    });
    const fix = tasks.find((t) => t.kind === 'bugfix')!;
    const files = renderAnswer(stepsOf(fix.gold)[0]!);
    expect(answerFromText(fix, files)).toEqual({ reason: 'no edit lines and no unified diff' });
    const broken = answerFromText(
      fix,
      `${files}\n\`\`\`diff\n--- a/nope.js\n+++ b/nope.js\n@@ -1 +1 @@\n-a\n+b\n\`\`\``,
    );
    expect('reason' in broken && broken.reason).toMatch(/^the diff does not apply: /);
    expect(answerFromText(review, 'VERDICT PERHAPS')).toEqual({
      reason: 'line 1: expected VERDICT YES or VERDICT NO',
    });
  });

  it('reads answer lines as models dress them, and a diff indented under a list item', async () => {
    const review = tasks.find((t) => t.kind === 'review')!;
    for (const text of [
      '**VERDICT: NO**',
      '`VERDICT NO`.',
      'VERDICT NO.',
      '1. VERDICT NO',
      '**VERDICT:** NO',
      '**VERDICT**: NO',
      'Verdict: NO',
      '> VERDICT NO',
      '### VERDICT NO',
      'VERDICT NO\nso: VERDICT NO',
    ])
      expect(answerFromText(review, text), text).toEqual({
        answer: { kind: 'verdict', verdict: 'NO' },
      });
    // Long runs of marks are read once, not tried from every position (a regex took minutes).
    const marks = '*'.repeat(100_000);
    expect(
      answerFromText(review, `a${marks}x\nVERDICT NO${'.'.repeat(100_000)}\n**VERDICT NO${marks}.`),
    ).toEqual({ answer: { kind: 'verdict', verdict: 'NO' } });
    // Two verdicts that differ: no answer to take (not the first one).
    expect(answerFromText(review, 'VERDICT YES\nOn reflection:\nVERDICT NO')).toEqual({
      reason: '2 different VERDICT lines (VERDICT YES; VERDICT NO): give one',
    });
    // Prose that starts like an instruction, without its colon or without a verdict after it,
    // is prose; so is code (review 42).
    expect(answerFromText(review, 'Verdict is hard here.')).toEqual({ reason: 'no VERDICT line' });
    expect(answerFromText(review, 'Verdict: the change looks risky.\nVERDICT YES')).toEqual({
      answer: { kind: 'verdict', verdict: 'YES' },
    });
    const loc = tasks.find((t) => t.kind === 'localization')!;
    const [a, b] = loc.space.files;
    for (const text of [
      `FILES: ${a}, ${b}`,
      `**FILES:** \`${a}\`, \`${b}\``,
      `Files: ${a} ${b}`,
      `FILES ${a} ${b} END\n\`\`\`js\nconst config = {\n  files: ['other.js'],\n};\n\`\`\``,
    ])
      expect(answerFromText(loc, text), text).toEqual({
        answer: { kind: 'files', files: [a, b] },
      });
    const editing = tasks.find((t) => t.kind === 'editing')!;
    const edits = stepsOf(editing.gold)[0]!;
    if (edits.kind !== 'edits') throw new Error('an editing gold answer holds edits');
    const fixed = applyEdits(editing.files, edits.edits);
    const diff = diffFiles(editing.files, fixed);
    const indented = diff
      .split('\n')
      .map((l) => (l ? `   ${l}` : l))
      .join('\n');
    // Under a list item, after a prose line that starts like an edit instruction, with a
    // comment added to another file: the comment is no change, the diff is the answer.
    const other = Object.keys(editing.files).find((f) => f !== editing.focus!.file)!;
    const commented = diffFiles(editing.files, {
      ...editing.files,
      [other]: `// reviewed\n${editing.files[other]!}`,
    });
    const reply = `EDIT: I changed one token.\n\n1. The fix:\n   \`\`\`diff\n${indented}   \`\`\`\n\n\`\`\`diff\n${commented}\`\`\`\n`;
    const read = answerFromText(editing, reply);
    expect(read).toHaveProperty('answer');
    if ('answer' in read)
      expect((await verifyAnswer(editing, read.answer, sandbox)).reward).toBe(1);
  });

  it('reads a JSONL of answers under the usual field names, and names each bad line', () => {
    const { answers, errors } = readModelAnswers(
      [
        '{"task": "a", "answer": "VERDICT YES"}',
        '{"task_id": "b", "completion": "FILES x END"}',
        'not json',
        '{"id": 3, "answer": "x"}',
        '{"task": "c"}',
        '{"task": "d", "answer": null}',
      ].join('\n'),
      'answers.jsonl',
    );
    expect(answers).toEqual([
      { task: 'a', text: 'VERDICT YES', line: 1 },
      { task: 'b', text: 'FILES x END', line: 2 },
      { task: 'd', text: '', line: 6 },
    ]);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, '(line)'],
      [4, 'task'],
      [5, 'answer'],
    ]);
  });

  it('scores answers per kind as the mean over each task’s answers; unknown tasks and unread answers are counted', async () => {
    const [loc, review] = [
      tasks.find((t) => t.kind === 'localization')!,
      tasks.find((t) => t.kind === 'review')!,
    ];
    const score = await scoreModelAnswers(
      tasks,
      [
        { task: loc.id, text: renderAnswer(loc.gold), line: 1 },
        { task: loc.id, text: 'I cannot tell.', line: 2 },
        { task: review.id, text: renderAnswer(review.gold), line: 3 },
        { task: 'review:elsewhere:1', text: 'VERDICT NO', line: 4 },
      ],
      sandbox,
    );
    expect(score.perTask).toEqual({ localization: { [loc.id]: 0.5 }, review: { [review.id]: 1 } });
    expect(score.bySkill.localization).toMatchObject({ tasks: 1, meanReward: 0.5 });
    expect(score.unreadCount).toBe(1);
    expect(score.unread).toEqual([{ task: loc.id, line: 2, reason: 'no FILES line' }]);
    expect(score.unknownTasks).toEqual(['review:elsewhere:1']);
    expect(score.answers).toBe(4);
    // Three graded for two tasks: the localization task was answered twice.
    expect(score.graded).toBe(3);
    // Answers to none of the tasks are refused rather than scored as nothing.
    await expect(
      scoreModelAnswers(
        tasks,
        [{ task: 'review:elsewhere:1', text: 'VERDICT NO', line: 1 }],
        sandbox,
      ),
    ).rejects.toThrow(
      'none of its 1 answer names one of the tasks (e.g. "review:elsewhere:1"); nothing was scored',
    );
  });

  it('prompts hold the task, its answer format and its files, and nothing hidden', () => {
    for (const task of oneOfEach()) {
      const prompt = taskPrompt(task);
      expect(prompt).toContain(task.prompt.title);
      for (const path of Object.keys(task.files)) expect(prompt).toContain(`### ${path}`);
      for (const [path, text] of Object.entries(task.hidden.tests))
        if (task.files[path] !== text) expect(prompt, task.kind).not.toContain(text.trim());
      if (task.kind === 'review') expect(prompt).toContain('VERDICT YES');
      if (task.kind === 'bugfix')
        expect(prompt).toMatch(/1\. A line `FILES[\s\S]*2\. Your change as a unified diff/);
    }
    const lines = promptsFile(tasks.slice(0, 3)).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { task: string }).task).sort()).toEqual(
      tasks
        .slice(0, 3)
        .map((t) => t.id)
        .sort(),
    );
  });

  it("writes a code review's two candidates apart: the file's order gives no verdict away", () => {
    const review = tasks.filter((t) => t.kind === 'review');
    expect(review.length).toBeGreaterThan(8);
    const verdictOf = (t: Task) => (t.gold.kind === 'verdict' ? t.gold.verdict : null);
    const byId = new Map(review.map((t) => [t.id, t]));
    const inFile = promptsFile(review)
      .trimEnd()
      .split('\n')
      .map((l) => byId.get((JSON.parse(l) as { task: string }).task)!);
    expect(inFile.map((t) => t.id).sort()).toEqual(review.map((t) => t.id).sort());
    // In the suite's order the verdicts alternate; answering by a line's parity scores them all.
    const parity = (ts: Task[]) =>
      ts.filter((t, i) => verdictOf(t) === (i % 2 === 0 ? 'YES' : 'NO')).length;
    expect(parity(review)).toBe(review.length);
    expect(parity(inFile)).toBeLessThan(review.length * 0.8);
    expect(parity(inFile)).toBeGreaterThan(review.length * 0.2);
  });
});

describe('answerCoverage', () => {
  const task = (id: string, kind: Task['kind'], split: Task['split']) =>
    ({ id, kind, split }) as Task;
  const tasks = [
    task('r1', 'review', 'test'),
    task('r2', 'review', 'test'),
    task('r3', 'review', 'train'),
    task('l1', 'localization', 'test'),
    task('l2', 'localization', 'val'),
  ];

  it('counts each kind answered against its tasks in the splits answered', () => {
    expect(answerCoverage(tasks, { review: { r1: 1 }, localization: { l1: 0 } })).toEqual({
      splits: ['test'],
      byKind: { review: { answered: 1, of: 2 }, localization: { answered: 1, of: 1 } },
    });
    // Answers to two splits: measured against both.
    expect(answerCoverage(tasks, { review: { r1: 1, r3: 1 } })).toEqual({
      splits: ['train', 'test'],
      byKind: { review: { answered: 2, of: 3 } },
    });
  });
});
