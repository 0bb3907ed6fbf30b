import { applyEdits } from '../src/core/answers/apply';
import { renderAnswer } from '../src/core/answers/text';
import type { Answer } from '../src/core/answers/types';
import type { Task } from '../src/core/tasks/types';
import { editAnswer } from '../src/eval/editAnswer';
import { bugCatalog, decomposeBug } from '../src/learn/decompose';
import { expectAccessible } from './a11y';
import { expect, test } from './fixtures';
import { quickSuiteTasks } from './labCli';
import { expectMapLayout, markDrift, rowsShown } from './learnMap';
import { openTrain } from './trainStore';

function only<K extends Answer['kind']>(answer: Answer, kind: K): Extract<Answer, { kind: K }> {
  if (answer.kind !== kind) throw new Error(`expected a ${kind} answer, got ${answer.kind}`);
  return answer as Extract<Answer, { kind: K }>;
}

test.describe('Learn page: a bug decomposed into skills, played by a person @webgpu', () => {
  test.setTimeout(5 * 60_000);

  test('each skill graded by the policy’s verifier, the composites from the person’s own answers', async ({
    app,
    page,
  }) => {
    // The tasks the app built in the setup, whole (gold answers, hidden labels): the oracle.
    const tasks = quickSuiteTasks();
    const full = (id: string): Task => tasks.find((t) => t.id === id)!;
    const bugs = bugCatalog(tasks);
    const bug = bugs
      .map((b) => decomposeBug(tasks, b.id)!)
      .find((b) => b.reproduction && b.tddFix && b.testgen && b.review.length === 2)!;
    expect(bug, 'the quick suite has a bug with every skill').toBeDefined();

    // The quick suite as an earlier run left it in the cache: the page reads it, no build.
    await openTrain(app, { cachedSuite: true });
    await page.getByRole('link', { name: 'Learn', exact: true }).click();
    const learn = page.getByTestId('learn-page');
    await expect(learn.getByTestId('learn-source')).toContainText(
      `${tasks.length} tasks, ${bugs.length} bugs with a bug-fixing task`,
    );
    const select = learn.getByTestId('learn-bug-select');
    await expect(select.locator('option')).toHaveCount(bugs.length);
    await expect(select).toHaveValue(bugs[0]!.id);
    // The address names the bug shown before any click: a link copied at once reopens it.
    await expect.poll(() => new URL(page.url()).searchParams.get('bug')).toBe(bugs[0]!.id);
    expect(bugs[0]!.split, 'held-out bugs first').toBe('test');
    // Arrowing through the closed list opens each bug, but as one history entry: one Back
    // returns to the bug shown before.
    const bugInAddress = () => new URL(page.url()).searchParams.get('bug');
    await select.focus();
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(bugInAddress).toBe(bugs[i]!.id);
      // Shown, before the next press (a press before would move from the bug shown before).
      await expect(select).toHaveValue(bugs[i]!.id);
    }
    await page.goBack();
    await expect.poll(bugInAddress).toBe(bugs[0]!.id);
    await expect(select).toHaveValue(bugs[0]!.id);
    await select.selectOption(bug.bug.id);
    await expect(learn.getByTestId('learn-bug')).toHaveAttribute('data-bug', bug.bug.id);
    // The title in full, as the select may cut it short.
    await expect(learn.getByTestId('learn-bug-title')).toHaveText(bug.bug.title);
    await expectMapLayout(page, learn);
    const state = (step: string) => learn.getByTestId(`learn-step-${step}-state`);

    // 1. Find the file: a wrong file first (reward 0), then the gold fix's files (reward 1).
    const goldFiles = only(full(bug.localization.id).gold, 'files').files;
    const wrong = bug.localization.space.files.find((f) => !goldFiles.includes(f))!;
    const picks = learn.getByTestId('learn-file-picks');
    await picks.getByRole('checkbox', { name: wrong, exact: true }).check();
    await expect(learn.getByTestId('learn-localization-answer')).toHaveText(`FILES ${wrong} END`);
    await learn.getByTestId('learn-localization-check').click();
    await expect(learn.getByTestId('learn-localization-reward')).toHaveText('Reward 0');
    // Why, without giving the gold answer away: that is what "Show the gold answer" is for.
    const facts = learn.getByTestId('learn-localization-facts');
    await expect(facts).toContainText(
      `Named: ${wrong}. It is not a file the fix changes; the fix also changes`,
    );
    for (const f of goldFiles)
      await expect(learn.getByTestId('learn-localization-verdict')).not.toContainText(f);
    await expect(state('localization')).toHaveText('reward 0');
    await picks.getByRole('checkbox', { name: wrong, exact: true }).uncheck();
    for (const f of goldFiles) await picks.getByRole('checkbox', { name: f, exact: true }).check();
    await expect(state('localization')).toHaveText('changed since checked');
    await learn.getByTestId('learn-localization-check').click();
    await expect(learn.getByTestId('learn-localization-reward')).toHaveText('Reward 1');
    await expect(learn.getByTestId('learn-localization-secondary')).toContainText('precision 1');
    await expect(state('localization')).toHaveText('reward 1');
    // No run in this browser has answered it.
    await learn.getByTestId('learn-localization-policies').locator('summary').click();
    await expect(learn.getByTestId('learn-localization-policy-answers-none')).toBeVisible();
    await learn.getByTestId('learn-localization-show-gold').click();
    await expect(learn.getByTestId('learn-localization-gold')).toHaveText(
      renderAnswer(full(bug.localization.id).gold),
    );

    // 2. Fix the code: the gold fix written over the buggy file (as text), then a line typed
    // in the editor and taken out again.
    await learn.getByTestId('learn-step-editing').click();
    await expect(page).toHaveURL(/step=editing/);
    const editing = full(bug.editing.id);
    const file = editing.focus!.file;
    const fixed = applyEdits(editing.files, only(editing.gold, 'edits').edits)[file]!;
    await page.getByTestId('code-view-text').click();
    const text = learn.getByTestId('learn-editor-text');
    // As text too, the line the task points to is numbered and marked, in view, beside its line.
    const line = editing.focus!.startLine!;
    await expect(learn.getByTestId('learn-edit-hint')).toContainText(`line ${line} of ${file}`);
    await expect(learn.getByTestId('learn-editor-text-gutter').locator('.marked')).toHaveText(
      `▸${line}`,
    );
    expect(await text.evaluate(markDrift, line), 'the mark beside its line, in view').toBeLessThan(
      2,
    );
    expect(
      await text.evaluate(rowsShown),
      'at most 30 rows: a long file scrolls',
    ).toBeLessThanOrEqual(30);
    // Text that does not lex cannot become an answer; code that lexes but does not parse can
    // (a policy's answers may break the code too), with a warning.
    await text.fill(`${fixed}\nconst s = 'unterminated;\n`);
    await expect(learn.getByTestId('learn-editing-problem')).toContainText(
      `${file} does not read as JavaScript`,
    );
    await expect(learn.getByTestId('learn-editing-check')).toBeDisabled();
    await text.fill(`${fixed}\nconst = ;\n`);
    await expect(learn.getByTestId('learn-edit-warning')).toContainText(
      `Does not parse as JavaScript: ${file}`,
    );
    await expect(learn.getByTestId('learn-editing-check')).toBeEnabled();
    await text.fill(fixed);
    const expected = editAnswer(bug.editing, { [file]: fixed });
    if (!expected.ok) throw new Error(expected.reason);
    const answer = learn.getByTestId('learn-editing-answer');
    await expect(answer).toHaveText(expected.text);
    await page.getByTestId('code-view-editor').click();
    await learn.getByTestId('learn-editor').locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('export const extra = 1;');
    await expect(answer).toContainText(`INSERT ${file}`);
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await expect(answer).toHaveText(expected.text);
    await learn.getByTestId('learn-editing-check').click();
    await expect(learn.getByTestId('learn-editing-reward')).toHaveText('Reward 1');
    await expect(learn.getByTestId('learn-editing-facts')).toContainText(
      'Reward 1: every hidden test passes.',
    );
    await expect(learn.getByTestId('learn-editing-runs')).toContainText('pass');
    // The edits read as the change they make, and so does the gold answer's `@N` token edit:
    // the same change as the person's here.
    await expect(learn.getByTestId('learn-editing-patch-files')).toBeVisible();
    await page.getByTestId('code-view-text').click();
    const mine = learn.getByTestId('learn-editing-patch');
    await expect(mine).toContainText(`+++ b/${file}`);
    await learn.getByTestId('learn-editing-show-gold').click();
    await expect(learn.getByTestId('learn-editing-gold')).toContainText(file);
    await expect(learn.getByTestId('learn-editing-gold-patch')).toHaveText(
      (await mine.textContent())!,
    );
    await page.getByTestId('code-view-editor').click();

    // 3. Bug fixing: never a task of its own to play, it is the two answers above as one episode.
    await learn.getByTestId('learn-step-bugfix').click();
    const parts = learn.getByTestId('learn-composite-parts');
    await expect(parts).toContainText(`FILES ${goldFiles.join(' ')} END`);
    await expect(learn.getByTestId('learn-bugfix-answer')).toHaveText(
      `FILES ${goldFiles.join(' ')} END\n---\n${expected.text}`,
    );
    await learn.getByTestId('learn-bugfix-check').click();
    await expect(learn.getByTestId('learn-bugfix-reward')).toHaveText('Reward 1');
    await expect(learn.getByTestId('learn-bugfix-secondary')).toContainText('localization exact 1');
    await expect(state('bugfix')).toHaveText('reward 1');

    // 4. Review: the first patch judged as its hidden label says, the second against it.
    await learn.getByTestId('learn-step-review').click();
    for (const [i, label] of ['A', 'B'].entries()) {
      const truth = full(bug.review[i]!.id).hidden.label!;
      const said = i === 0 ? truth : truth === 'YES' ? 'NO' : 'YES';
      const one = learn.getByTestId(`learn-review-${label}-section`);
      await one.getByTestId(`learn-review-${label}-${said.toLowerCase()}`).click();
      await one.getByTestId(`learn-review-${label}-check`).click();
      await expect(one.getByTestId(`learn-review-${label}-reward`)).toHaveText(
        `Reward ${i === 0 ? 1 : 0}`,
      );
    }
    await expect(state('review')).toHaveText('1 of 2 right');

    // 5. Reproduce the issue: text that does not read, then the form's test from the issue.
    await learn.getByTestId('learn-step-reproduction').click();
    const repro = only(full(bug.reproduction!.id).gold, 'tests').cases[0]!;
    await learn.getByTestId('learn-reproduction-text').fill('TEST nothing here');
    await expect(learn.getByTestId('learn-reproduction-problem')).toContainText(
      'The answer does not read: line 1',
    );
    await learn.getByTestId('learn-reproduction-text').fill('');
    const form = learn.getByTestId('learn-reproduction-form');
    const fnIndex = bug.reproduction!.space.functions.findIndex(
      (f) => f.module === repro.module && f.fn === repro.fn,
    );
    await form.getByRole('combobox').selectOption(String(fnIndex));
    await learn.getByTestId('learn-reproduction-args').fill(repro.args.join(', '));
    // A text box is named by its label alone, not also by what is typed in it.
    await expect(learn.getByTestId('learn-reproduction-args')).toHaveAccessibleName(
      'Arguments (literals, comma-separated)',
    );
    // The form adds no test without the EXPECT it says is required, nor beyond the limit.
    const add = learn.getByTestId('learn-reproduction-add');
    const addProblem = learn.getByTestId('learn-reproduction-add-problem');
    await expect(add).toBeDisabled();
    await expect(addProblem).toContainText('EXPECT is missing');
    await learn.getByTestId('learn-reproduction-expect').fill(repro.expect!);
    // The test being written waits while another step is looked at.
    await learn.getByTestId('learn-step-localization').click();
    await learn.getByTestId('learn-step-reproduction').click();
    await expect(form.getByRole('combobox')).toHaveValue(String(fnIndex));
    await expect(learn.getByTestId('learn-reproduction-args')).toHaveValue(repro.args.join(', '));
    await expect(learn.getByTestId('learn-reproduction-expect')).toHaveValue(repro.expect!);
    await add.click();
    await expect(learn.getByTestId('learn-reproduction-text')).toHaveValue(
      renderAnswer({ kind: 'tests', cases: [repro] }),
    );
    await expect(add).toBeDisabled();
    await expect(addProblem).toContainText(
      `already holds 1 test, the most it may hold (${bug.reproduction!.space.maxCases})`,
    );
    await learn.getByTestId('learn-reproduction-check').click();
    await expect(learn.getByTestId('learn-reproduction-reward')).toHaveText('Reward 1');
    await expect(learn.getByTestId('learn-reproduction-tests')).toContainText(repro.fn);

    // 6. Test-driven fixing from the reproduction and the same edit.
    await learn.getByTestId('learn-step-tdd-fix').click();
    await learn.getByTestId('learn-tdd-fix-check').click();
    await expect(learn.getByTestId('learn-tdd-fix-reward')).toHaveText('Reward 1');

    // 7. Unit tests for the function (its correct code): one test alone catches too few mutants.
    await learn.getByTestId('learn-step-testgen').click();
    const testgen = only(full(bug.testgen!.id).gold, 'tests').cases;
    await learn
      .getByTestId('learn-testgen-text')
      .fill(renderAnswer({ kind: 'tests', cases: testgen }));
    await learn.getByTestId('learn-testgen-check').click();
    await expect(learn.getByTestId('learn-testgen-reward')).toHaveText('Reward 1');
    await expect(learn.getByTestId('learn-testgen-secondary')).toContainText(
      'share of mutants caught 1',
    );

    // Leaving the page and coming back keeps the bug, the step and every answer and verdict.
    await page.getByRole('link', { name: 'Train', exact: true }).click();
    await page.getByRole('link', { name: 'Learn', exact: true }).click();
    await expect(learn.getByTestId('learn-bug')).toHaveAttribute('data-bug', bug.bug.id);
    await expect(learn.getByTestId('learn-panel-testgen')).toBeVisible();
    await expect(state('localization')).toHaveText('reward 1');
    await expect(state('editing')).toHaveText('reward 1');
    await expect(state('review')).toHaveText('1 of 2 right');
    await expectAccessible(page, 'the Learn page, a step played');
    // The step map from the keyboard: one tab stop (the picked step), arrows move the pick.
    await learn.getByTestId('learn-step-testgen').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(learn.getByTestId('learn-step-review')).toBeFocused();
    await expect(learn.getByTestId('learn-panel-review')).toBeVisible();
    await expect(learn.getByRole('tabpanel')).toHaveAccessibleName(/Review/);
    await page.keyboard.press('Home');
    await expect(learn.getByTestId('learn-panel-localization')).toBeVisible();
    await page.keyboard.press('End');
    await expect(learn.getByTestId('learn-step-testgen')).toBeFocused();
    await expect(learn.getByTestId('learn-panel-testgen')).toBeVisible();

    // A reload keeps the place, every answer and what each check scored: the answers checked
    // are checked again in the sandbox (verdicts are not stored).
    await page.reload();
    await expect(learn.getByTestId('learn-bug')).toHaveAttribute('data-bug', bug.bug.id);
    await expect(learn.getByTestId('learn-testgen-text')).toHaveValue(
      renderAnswer({ kind: 'tests', cases: testgen }),
    );
    await expect(learn.getByTestId('learn-testgen-reward')).toHaveText('Reward 1');
    await expect(learn.getByTestId('learn-testgen-secondary')).toContainText(
      'share of mutants caught 1',
    );
    for (const step of ['localization', 'editing', 'bugfix', 'reproduction', 'tdd-fix'])
      await expect(state(step)).toHaveText('reward 1');
    await expect(state('review')).toHaveText('1 of 2 right');
    await learn.getByTestId('learn-step-bugfix').click();
    await expect(learn.getByTestId('learn-bugfix-answer')).toHaveText(
      `FILES ${goldFiles.join(' ')} END\n---\n${expected.text}`,
    );

    // An address naming no bug says so.
    await app.open('/learn', { bug: 'bugfix:nowhere:0' });
    await expect(page.getByTestId('learn-bug-error')).toContainText(
      'No bug-fixing task "bugfix:nowhere:0"',
    );
    // Not a dead end: Next opens the list's first bug.
    await expect(page.getByTestId('learn-previous-bug')).toBeDisabled();
    await page.getByTestId('learn-next-bug').click();
    await expect(learn.getByTestId('learn-bug')).toHaveAttribute('data-bug', bugs[0]!.id);
  });
});
