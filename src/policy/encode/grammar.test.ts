import { describe, expect, it } from 'vitest';
import type { Answer, Edit } from '../../core/answers/types';
import { emptySpace, EDIT_VOCABULARY } from '../../core/tasks/space';
import type { AnswerSpace, Task, TaskKind } from '../../core/tasks/types';
import { createGrammar, MAX_REPLACEMENT_TOKENS } from './grammar';
import { encodeTask } from './observation';
import {
  ACTION_WORDS,
  buildVocabulary,
  DELETE_LINE,
  SPECIAL_TOKENS,
  vocabularyFromWords,
} from './vocab';

const vocab = vocabularyFromWords([...new Set([...SPECIAL_TOKENS, ...ACTION_WORDS])]);
const V = vocab.words.length;
const DELLINE = vocab.index.get(DELETE_LINE)!;

const SOURCE = [
  'export function clamp(x, lo, hi) {',
  '  if (x < lo) return lo;',
  '  if (x > hi) return hi;',
  '  return x;',
  '}',
  '',
].join('\n');

function makeTask(
  kind: TaskKind,
  gold: Answer,
  space: Partial<AnswerSpace>,
  source = SOURCE,
): Task {
  return {
    id: `${kind}:t:1`,
    kind,
    split: 'train',
    project: 't',
    origin: 'builtin',
    prompt: { title: 'clamp(5, 0, 3) is wrong', body: 'Calling clamp(5, 0, 3) returns 5.' },
    files: { 'f.js': source },
    focus: { file: 'f.js', fn: 'clamp', startLine: 1, endLine: 5 },
    gold,
    hidden: { tests: {} },
    space: { ...emptySpace(), files: ['f.js'], ...space },
    meta: {},
  };
}

const editTask = (edits: Edit[], maxEdits = 4, insertLines: string[] = []): Task =>
  makeTask(
    'editing',
    { kind: 'edits', edits },
    { maxEdits, replacements: [...EDIT_VOCABULARY], insertLines },
  );

function setup(task: Task) {
  const enc = encodeTask(task, vocab);
  const grammar = createGrammar(task, enc, vocab);
  /** The pointer to the first shown token of a line. */
  const lineStart = (line: number): number => V + enc.code.find((c) => c.line === line)!.pos;
  const tokensOf = (line: number): number[] =>
    enc.code.filter((c) => c.line === line).map((c) => V + c.pos);
  return { enc, grammar, lineStart, tokensOf };
}

/** fromAnswer gives actions the decoder itself could take, step by step, spelling the gold. */
function expectRoundTrip(task: Task): number[] {
  const { grammar } = setup(task);
  const actions = grammar.fromAnswer(task.gold);
  expect(actions).not.toBeNull();
  actions!.forEach((a, i) => expect(grammar.allowed(actions!.slice(0, i))).toContain(a));
  expect(grammar.allowed(actions!)).toBeNull();
  expect(grammar.toAnswer(actions!)).toEqual(task.gold);
  return actions!;
}

describe('answer grammar: deleting lines', () => {
  it('round-trips a gold that deletes a line', () => {
    const task = editTask([{ op: 'delete', file: 'f.js', line: 3 }]);
    const actions = expectRoundTrip(task);
    const { lineStart } = setup(task);
    expect(actions.slice(0, 2)).toEqual([DELLINE, lineStart(3)]);
  });

  it('round-trips inserted lines followed by deletes of the old ones (a line-diff gold fix)', () => {
    const edits: Edit[] = [
      { op: 'insert', file: 'f.js', line: 2, text: '  if (x < lo) { return lo; }' },
      { op: 'delete', file: 'f.js', line: 2 },
      { op: 'replace', file: 'f.js', token: 23, text: '>=' },
      { op: 'delete', file: 'f.js', line: 4 },
    ];
    expectRoundTrip(editTask(edits, 4, ['  if (x < lo) { return lo; }']));
  });

  it('offers the delete action only while edits are left, and then only unedited line starts', () => {
    const task = editTask([], 2);
    const { grammar, lineStart, tokensOf } = setup(task);
    expect(grammar.allowed([])).toContain(DELLINE);
    const afterWord = grammar.allowed([DELLINE])!;
    expect(afterWord).toEqual([1, 2, 3, 4, 5].map(lineStart));
    expect(afterWord).not.toContain(tokensOf(2)[1]);
    // Line 3 deleted: neither deleted again nor edited inside; its neighbours still can be.
    const afterDelete = grammar.allowed([DELLINE, lineStart(3)])!;
    expect(afterDelete).toContain(DELLINE);
    for (const t of tokensOf(3)) expect(afterDelete).not.toContain(t);
    expect(afterDelete).toContain(tokensOf(2)[1]);
    expect(grammar.allowed([DELLINE, lineStart(3), DELLINE])).not.toContain(lineStart(3));
    // A line with a replaced token cannot be deleted (the two edits would overlap).
    const END_EDIT = vocab.index.get('<ENDEDIT>')!;
    const oneReplace = [tokensOf(2)[3]!, vocab.index.get('<=')!, END_EDIT];
    expect(grammar.allowed([...oneReplace, DELLINE])).not.toContain(lineStart(2));
    // maxEdits (2) reached: only END is left.
    expect(grammar.allowed([...oneReplace, DELLINE, lineStart(4)])).toEqual([
      vocab.index.get('<END>'),
    ]);
    expect(grammar.toAnswer([...oneReplace, DELLINE, lineStart(4)])).toEqual({
      kind: 'edits',
      edits: [
        { op: 'replace', file: 'f.js', token: 14, text: '<=' },
        { op: 'delete', file: 'f.js', line: 4 },
      ],
    });
  });

  it('cannot spell a delete of a line the observation does not show, nor more than maxEdits', () => {
    const { grammar } = setup(editTask([]));
    const gold = (edits: Edit[]): Answer => ({ kind: 'edits', edits });
    expect(grammar.fromAnswer(gold([{ op: 'delete', file: 'f.js', line: 40 }]))).toBeNull();
    const three: Edit[] = [2, 3, 4].map((line) => ({ op: 'delete', file: 'f.js', line }));
    expect(setup(editTask(three, 2)).grammar.fromAnswer(gold(three))).toBeNull();
    expect(setup(editTask(three, 3)).grammar.fromAnswer(gold(three))).not.toBeNull();
  });

  it('adds the action without changing any vocabulary (old checkpoints keep their word ids)', () => {
    expect(SPECIAL_TOKENS).toContain(DELETE_LINE);
    const fixed = buildVocabulary(new Map([['zeta', 3]]), 1000).words;
    const before = [
      ...new Set([...SPECIAL_TOKENS, ...ACTION_WORDS.filter((w) => w !== DELETE_LINE), 'zeta']),
    ];
    expect(fixed).toEqual(before);
  });
});

describe('answer grammar: replacements and test cases', () => {
  it('spells a replacement as long as allowed() lets it be, and no longer', () => {
    // `{ if ( x < lo ) return lo ;` is 9 tokens, more than the 6 allowed() used to stop at.
    const long = { op: 'replace', file: 'f.js', token: 10, text: '{ if ( x < lo ) return lo ;' };
    expectRoundTrip(editTask([long as Edit]));
    const words = Array.from({ length: MAX_REPLACEMENT_TOKENS + 1 }, () => 'x').join(' ');
    const { grammar } = setup(editTask([]));
    const tooLong: Answer = {
      kind: 'edits',
      edits: [{ op: 'replace', file: 'f.js', token: 10, text: words }],
    };
    expect(grammar.fromAnswer(tooLong)).toBeNull();
  });

  const source = [
    'export function pad(text, width = 4, fill = " ") {',
    '  return text.padStart(width, fill);',
    '}',
    'export function sum(...xs) {',
    '  return xs.reduce((a, b) => a + b, 0);',
    '}',
    '',
  ].join('\n');
  const functions = [
    { module: 'f.js', fn: 'pad', arity: 1 },
    { module: 'f.js', fn: 'sum', arity: 0 },
  ];
  const literals = ["'ab'", '4', "'.'", "'..ab'", '1', '2', '3'];
  const testTask = (kind: TaskKind, cases: { fn: string; args: string[]; expect?: string }[]) =>
    makeTask(
      kind,
      { kind: 'tests', cases: cases.map((c) => ({ module: 'f.js', ...c })) },
      { functions, literals, maxCases: 3, expectRequired: kind === 'reproduction' },
      source,
    );

  it('round-trips test cases that pass defaulted and rest arguments', () => {
    expectRoundTrip(
      testTask('reproduction', [
        { fn: 'pad', args: ["'ab'", '4', "'.'"], expect: "'..ab'" },
        { fn: 'pad', args: ["'ab'"], expect: "'ab'" },
        { fn: 'sum', args: ['1', '2', '3'], expect: '3' },
      ]),
    );
    expectRoundTrip(
      testTask('testgen', [
        { fn: 'sum', args: ['1', '2'] },
        { fn: 'pad', args: ["'ab'", '4'] },
      ]),
    );
  });

  it('offers optional arguments after a case is complete, up to the parameters declared', () => {
    const task = testTask('reproduction', [{ fn: 'pad', args: ["'ab'", '4', "'.'", '1'] }]);
    const { grammar, enc } = setup(task);
    expect(grammar.fromAnswer(task.gold)).toBeNull();
    const fn = V + enc.functions.find((f) => f.fn === 'pad')!.pos;
    const lit = (text: string): number => V + enc.literals.find((l) => l.text === text)!.pos;
    const END = vocab.index.get('<END>')!;
    // pad('ab') EXPECT '..ab': complete; two more (defaulted) arguments may follow.
    const done = [fn, lit("'ab'"), lit("'..ab'")];
    expect(grammar.allowed(done)).toEqual(expect.arrayContaining([fn, lit('4'), END]));
    expect(grammar.allowed([...done, lit('4')])).toContain(lit("'.'"));
    expect(grammar.allowed([...done, lit('4'), lit("'.'")])).not.toContain(lit('1'));
    expect(grammar.toAnswer([...done, lit('4'), END])).toEqual({
      kind: 'tests',
      cases: [{ module: 'f.js', fn: 'pad', args: ["'ab'", '4'], expect: "'..ab'" }],
    });
    // No case yet: no literal may start one.
    expect(grammar.allowed([])).not.toContain(lit('1'));
  });

  it('copies literals from where the prompt writes them: the call’s arguments in order', () => {
    const task: Task = {
      ...testTask('reproduction', [{ fn: 'sum', args: ['2', '1'], expect: '3' }]),
      prompt: {
        title: 'sum is off',
        body: 'Calling `sum(2, 1)` gives 1, but 1 + 2 is `3`.',
      },
      space: {
        ...testTask('reproduction', []).space,
        functions: [{ module: 'f.js', fn: 'sum', arity: 2 }],
      },
    };
    const { grammar, enc } = setup(task);
    const at = (text: string) => enc.literalUses.filter((u) => u.text === text).map((u) => u.pos);
    const [two, three] = [at('2')[0]!, at('3')[0]!];
    const ones = at('1');
    expect(ones).toHaveLength(3);
    expect(enc.texts.slice(two - 2, two + 3)).toEqual(['sum', '(', '2', ',', '1']);
    const actions = grammar.fromAnswer(task.gold)!;
    // sum, then the call's 2 and the 1 right after it (not a later 1), the expected 3, END.
    const END = vocab.index.get('<END>')!;
    expect(actions.slice(1)).toEqual([V + two, V + ones[0]!, V + three, END]);
    expect(ones[0]).toBe(two + 2);
    expect(grammar.toAnswer(actions)).toEqual(task.gold);
    // Every prompt use and every candidate slot is a way to write the literal.
    const allowed = grammar.allowed(actions.slice(0, 1))!;
    for (const pos of [two, three, ...ones, ...enc.literals.map((l) => l.pos)])
      expect(allowed).toContain(V + pos);
    const fromSlot = V + enc.literals.find((l) => l.text === '2')!.pos;
    expect(grammar.toAnswer([actions[0]!, fromSlot, V + ones[2]!, V + three, END])).toEqual(
      task.gold,
    );
  });
});

describe('answer grammar: inserting at a line without a token', () => {
  it('appends after the last line (the <nl> after it names the end of the file)', () => {
    const text = 'export const LIMIT = 3;';
    const task = editTask([{ op: 'insert', file: 'f.js', line: 6, text }], 4, [text]);
    const actions = expectRoundTrip(task);
    const { enc, grammar } = setup(task);
    const end = enc.gaps.find((g) => g.line === 6)!;
    expect(enc.texts[end.pos]).toBe('<nl>');
    expect(actions[1]).toBe(V + end.pos);
    // It names a line to insert at, never a token to replace nor a line to delete.
    expect(grammar.allowed([])).not.toContain(V + end.pos);
    expect(grammar.allowed([DELLINE])).not.toContain(V + end.pos);
  });

  it('extracts a constant after the imports (a blank line), writing the name from backticks', () => {
    const source = [
      "import { clamp } from './f.js';",
      '',
      '/** Twice, clamped. */',
      'export function twice(x) {',
      '  return clamp(x * 2, 0, 10);',
      '}',
      '',
    ].join('\n');
    const line = 'export const TWICE_2 = 2;';
    const task: Task = {
      ...makeTask(
        'refactor',
        {
          kind: 'edits',
          edits: [
            { op: 'insert', file: 'g.js', line: 2, text: line },
            { op: 'replace', file: 'g.js', token: 19, text: 'TWICE_2' }, // the 2 of `x * 2`
          ],
        },
        { files: ['g.js'], maxEdits: 4, replacements: [...EDIT_VOCABULARY], insertLines: [line] },
      ),
      prompt: {
        title: 'Extract 2 in twice into a constant',
        body: 'In g.js, add `export const TWICE_2 = 2;` after the imports and use `TWICE_2` instead of every literal 2 inside `twice`.',
      },
      files: { 'g.js': source, 'f.js': SOURCE },
      focus: { file: 'g.js', fn: 'twice', startLine: 4, endLine: 6 },
    };
    expectRoundTrip(task);
  });
});
