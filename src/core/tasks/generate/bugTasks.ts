import type { Answer } from '../../answers/types';
import type { AnalyzedMutant } from '../analyze';
import { callable, emptySpace, EDIT_VOCABULARY, literalsInText, tokenTexts, uniq } from '../space';
import type { Task } from '../types';
import { editInstruction } from './instructions';
import {
  baseTask,
  buggyFiles,
  mutantIssue,
  referenceTests,
  type GenContext,
  type WrittenIssue,
} from './common';

const files = (m: AnalyzedMutant): Answer => ({ kind: 'files', files: [m.file] });
const fix = (m: AnalyzedMutant): Answer => ({ kind: 'edits', edits: m.fixEdits ?? [] });

function reproAnswer(issue: WrittenIssue): Answer {
  return {
    kind: 'tests',
    cases: [
      {
        module: issue.input.module,
        fn: issue.input.fn,
        args: issue.input.args,
        expect: issue.expected,
      },
    ],
  };
}

function editSpace(ctx: GenContext, buggy: Record<string, string>, editable: string[], extra = 0) {
  return {
    ...emptySpace(),
    files: editable,
    maxEdits: 6 + extra,
    replacements: uniq([...EDIT_VOCABULARY, ...tokenTexts(editable.map((f) => buggy[f]!))]),
  };
}

/** Localization, editing, reproduction, bug fixing, test-driven fixing and security fixing from one caught mutant. */
export function singleMutantTasks(ctx: GenContext, m: AnalyzedMutant): Task[] {
  const a = ctx.analysis;
  const issue = mutantIssue(a, m, ctx.rng);
  if (!issue) return [];
  const buggy = buggyFiles(a, [m]);
  const hidden = { tests: referenceTests(a), fixedFiles: { [m.file]: a.project.files[m.file]! } };
  const prompt = { title: issue.title, body: issue.body };
  const meta = {
    mutation: m.id,
    operator: m.operator,
    file: m.file,
    line: m.line,
    call: `${issue.input.fn}(${issue.input.args.join(', ')})`,
  };
  const allFiles = Object.keys(buggy).sort();
  const testSpace = {
    ...emptySpace(),
    functions: callable(a.exports),
    literals: uniq([...literalsInText(issue.body), ...issue.input.args, issue.expected]),
    maxCases: 1,
    expectRequired: true,
  };
  const tasks: Task[] = [
    {
      ...baseTask(ctx, 'localization', m.id),
      prompt,
      files: buggy,
      gold: files(m),
      hidden,
      space: { ...emptySpace(), files: allFiles },
      meta,
    },
    {
      ...baseTask(ctx, 'reproduction', m.id),
      prompt,
      files: buggy,
      gold: reproAnswer(issue),
      hidden,
      space: testSpace,
      meta,
    },
  ];
  if (!m.fixEdits) return tasks;
  const focus = {
    file: m.file,
    ...(m.functionName ? { fn: m.functionName } : {}),
    startLine: m.line,
    endLine: m.line,
  };
  tasks.push(
    {
      ...baseTask(ctx, 'editing', m.id),
      prompt: editInstruction(m),
      files: buggy,
      focus,
      gold: fix(m),
      hidden,
      space: editSpace(ctx, buggy, [m.file]),
      meta,
    },
    {
      ...baseTask(ctx, 'bugfix', m.id),
      prompt,
      files: buggy,
      gold: { kind: 'steps', steps: [files(m), fix(m)] },
      hidden,
      space: {
        ...editSpace(
          ctx,
          buggy,
          allFiles.filter((f) => !f.endsWith('.test.js')),
        ),
        files: allFiles,
      },
      meta,
    },
    {
      ...baseTask(ctx, 'tdd-fix', m.id),
      prompt,
      files: buggy,
      gold: { kind: 'steps', steps: [reproAnswer(issue), fix(m)] },
      hidden,
      space: {
        ...testSpace,
        ...editSpace(
          ctx,
          buggy,
          allFiles.filter((f) => !f.endsWith('.test.js')),
        ),
        functions: testSpace.functions,
        literals: testSpace.literals,
        maxCases: 1,
        expectRequired: true,
      },
      meta,
    },
  );
  if (m.security) {
    tasks.push({
      ...baseTask(ctx, 'security-fix', m.id),
      prompt: {
        title: `Security: ${issue.title}`,
        body: `${issue.body}\n\nThis is a security problem: a hostile input gets through. Fix it without breaking anything else.`,
      },
      files: buggy,
      gold: fix(m),
      hidden,
      space: editSpace(
        ctx,
        buggy,
        allFiles.filter((f) => !f.endsWith('.test.js')),
      ),
      meta,
    });
  }
  return tasks;
}
