import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAnswer } from '../core/answers/text';
import { suiteLines } from '../core/tasks/suite';
import type { PromptLine } from '../eval/modelPrompt';
import { createNodeSandbox } from '../node/sandbox';
import { scratchDir } from '../node/scratchDir';
import { parseArgs, UsageError } from './args';
import { evalCommand, promptsCommand } from './commands';
import { projectTasks } from './testFixtures';

const sandbox = createNodeSandbox({ size: 2 });
afterAll(() => sandbox.dispose());

const run = (command: typeof evalCommand, argv: string[]) =>
  command({ args: parseArgs(argv), sandbox, quiet: true, print: () => {} });

describe('lab prompts, then lab eval --answers: a language model’s replies scored like a policy', () => {
  it('writes a prompt per task, and scores replies per kind, task by task', async () => {
    const tasks = await projectTasks(sandbox);
    const dir = scratchDir('lab-answers');
    const suite = join(dir, 'suite.jsonl');
    writeFileSync(suite, [...suiteLines('one-project', tasks, { seed: 5 })].join('\n') + '\n');
    const prompts = join(dir, 'prompts.jsonl');
    expect(
      await run(promptsCommand, [
        'prompts',
        '--suite',
        suite,
        '--skills',
        'review,localization',
        '--out',
        prompts,
      ]),
    ).toMatchObject({ out: prompts });
    const lines = readFileSync(prompts, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as PromptLine);
    const asked = tasks.filter((t) => t.kind === 'review' || t.kind === 'localization');
    expect(lines.map((l) => l.task).sort()).toEqual(asked.map((t) => t.id).sort());

    // Replies: the gold answer to each review task, "no idea" to each localization task.
    const answers = join(dir, 'answers.jsonl');
    writeFileSync(
      answers,
      lines
        .map((l) =>
          JSON.stringify({
            task: l.task,
            output:
              l.kind === 'review'
                ? `My verdict:\n${renderAnswer(tasks.find((t) => t.id === l.task)!.gold)}`
                : 'no idea',
          }),
        )
        .join('\n'),
    );
    const result = (await run(evalCommand, [
      'eval',
      '--answers',
      answers,
      '--suite',
      suite,
      '--per-task',
    ])) as {
      policy: string;
      bySkill: Record<string, { tasks: number; meanReward: number }>;
      perTask: Record<string, Record<string, number>>;
      unreadCount: number;
    };
    expect(result.policy).toBe('answers:answers.jsonl');
    const reviews = asked.filter((t) => t.kind === 'review').length;
    expect(result.bySkill.review).toMatchObject({ tasks: reviews, meanReward: 1 });
    expect(result.bySkill.localization?.meanReward).toBe(0);
    expect(result.unreadCount).toBe(asked.length - reviews);
    expect(Object.keys(result.perTask.review!)).toHaveLength(reviews);

    // Half the review tasks answered (the easy ones, say): scored over those, and said so.
    const half = lines.filter((l) => l.kind === 'review').slice(0, Math.floor(reviews / 2));
    writeFileSync(
      answers,
      half.map((l) => JSON.stringify({ task: l.task, output: 'VERDICT YES' })).join('\n'),
    );
    const printed: string[] = [];
    const partial = (await evalCommand({
      args: parseArgs(['eval', '--answers', answers, '--suite', suite]),
      sandbox,
      quiet: true,
      print: (line) => printed.push(line),
    })) as { coverage: Record<string, { answered: number; inSuite: number }> };
    expect(partial.coverage).toEqual({ review: { answered: half.length, inSuite: reviews } });
    expect(printed.join('\n')).toContain(
      `scored over the tasks answered only: review ${half.length} of ${reviews}`,
    );
  }, 120_000);

  it('refuses --policy with --answers, and an answers file with bad lines, saying which', async () => {
    const dir = scratchDir('lab-answers-bad');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"task": "x", "answer": "VERDICT NO"}\n{"answer": "VERDICT NO"}\n');
    await expect(
      run(evalCommand, ['eval', '--answers', bad, '--policy', 'oracle', '--suite', 'x']),
    ).rejects.toThrow('give --policy or --answers, not both');
    const refused = run(evalCommand, ['eval', '--answers', bad, '--suite', 'x']);
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow(
      'bad.jsonl: 1 unreadable line(s), e.g. line 2: task: expected the task id as a string; nothing was evaluated',
    );
  });
});
