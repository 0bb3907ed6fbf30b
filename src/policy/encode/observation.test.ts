import { describe, expect, it } from 'vitest';
import { codeTokens } from './textTokens';
import { emptySpace } from '../../core/tasks/space';
import type { Task } from '../../core/tasks/types';
import { encodeTask, SEGMENTS, type EncodedTask } from './observation';
import { createGrammar } from './grammar';
import { ACTION_WORDS, SPECIAL_TOKENS, vocabularyFromWords } from './vocab';

const vocab = vocabularyFromWords([...new Set([...SPECIAL_TOKENS, ...ACTION_WORDS])]);

function bugfix(files: Record<string, string>, title: string, body: string): Task {
  return {
    id: 'bugfix:t:1',
    kind: 'bugfix',
    split: 'test',
    project: 't',
    origin: 'import',
    prompt: { title, body },
    files,
    gold: { kind: 'files', files: Object.keys(files) },
    hidden: { tests: {} },
    space: { ...emptySpace(), files: Object.keys(files), maxEdits: 6, replacements: ['x'] },
    meta: {},
  };
}

/** `count` small exported functions, each several lines long. */
function filler(count: number, prefix: string): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++)
    out.push(
      `export function ${prefix}${i}(a, b) {`,
      `  const s = a * ${i} + b - ${i + 1};`,
      `  return s > ${i} ? s : -s;`,
      '}',
      '',
    );
  return out.join('\n');
}

/** Whether the observation shows the token of `file` spelling `value` on the line holding `marker`. */
function shows(enc: EncodedTask, task: Task, file: string, marker: string): boolean {
  const source = task.files[file]!;
  const line = source.slice(0, source.indexOf(marker)).split('\n').length;
  const tokens = codeTokens(source);
  const i = tokens.findIndex((t) => t.line === line);
  return i >= 0 && enc.code.some((c) => c.file === file && c.token === i);
}

describe('encodeTask', () => {
  it('encodes a repository whose buggy file does not parse (a name declared twice)', () => {
    const source = 'export const f = (x) => {\n  let m = x\n  let m = x + 1\n  return m\n}\n';
    const task: Task = {
      ...bugfix({ 'f.js': source }, 'f(1) is wrong', 'Calling f(1) throws.'),
      space: { ...emptySpace(), files: ['f.js'], maxEdits: 6, replacements: ['m'] },
    };
    const enc = encodeTask(task, vocab);
    expect(enc.code.length).toBeGreaterThan(10);
    expect(enc.code[0]).toMatchObject({ file: 'f.js', line: 1 });
  });

  it('opens every shown line with its number (never copied) and marks the focus line', () => {
    const source = 'export function f(x) {\n\n  const y = x + 1;\n  return y;\n}\n';
    const task: Task = {
      ...bugfix({ 'f.js': source }, 'Edit f, line 3', 'Line 3 of `f` adds the wrong amount.'),
      kind: 'editing',
      focus: { file: 'f.js', fn: 'f', startLine: 3, endLine: 3 },
      gold: { kind: 'edits', edits: [] },
    };
    const enc = encodeTask(task, vocab);
    const markers = enc.texts.filter((_, i) => enc.segments[i] === SEGMENTS.line);
    expect(markers).toEqual(['1', '3', '4', '5']);
    // Each marker sits right before the first token of its line.
    for (const c of enc.code.filter((c, i, all) => i === 0 || all[i - 1]!.line !== c.line)) {
      expect(enc.segments[c.pos - 1]).toBe(SEGMENTS.line);
      expect(enc.texts[c.pos - 1]).toBe(String(c.line));
    }
    // The prompt's "3" and the marker "3" are the same token, so attention can match them.
    const prompt3 = enc.texts.findIndex((t, i) => t === '3' && enc.segments[i] === SEGMENTS.prompt);
    const marker3 = enc.texts.findIndex((t, i) => t === '3' && enc.segments[i] === SEGMENTS.line);
    expect(prompt3).toBeGreaterThan(0);
    expect(marker3).toBeGreaterThan(prompt3);
    // An edit's replacement may copy code or prompt tokens, never a line number.
    const grammar = createGrammar(task, enc, vocab);
    const V = vocab.words.length;
    const first = enc.code.find((c) => c.line === 3)!;
    const next = grammar.allowed([V + first.pos]) ?? [];
    expect(next).toContain(V + prompt3);
    expect(next).not.toContain(V + marker3);
    // The line the instruction names is the focus segment, and its tokens can still be copied.
    for (const c of enc.code)
      expect(enc.segments[c.pos]).toBe(c.line === 3 ? SEGMENTS.focus : SEGMENTS.code);
    expect(next).toContain(V + first.pos);
  });

  it('offers literal candidates in the order the prompt writes them', () => {
    const task: Task = {
      ...bugfix({ 'a.js': 'export const chunk = (xs, n) => xs;\n' }, 'chunk is wrong', ''),
      kind: 'reproduction',
      prompt: {
        title: 'chunk is wrong',
        body: 'Calling `chunk([1, 2], 7)` returns the input; I expected `[[1], [2]]`.',
      },
      space: { ...emptySpace(), literals: ['7', "'unused'", '[1, 2]', '[[1], [2]]'] },
    };
    const enc = encodeTask(task, vocab);
    expect(enc.literals.map((l) => l.text)).toEqual(['[1, 2]', '7', '[[1], [2]]', "'unused'"]);
  });

  it('orders a literal where it stands alone, not where it is an element of another', () => {
    const task: Task = {
      ...bugfix({ 'a.js': 'export const count = (xs, lo, hi) => 0;\n' }, 'count', ''),
      kind: 'reproduction',
      prompt: {
        title: 'count([1, 2, 2, 4, 6, 9], 2, 6) is off',
        body: 'For `count([1, 2, 2, 4, 6, 9], 2, 6)` it returns `5` where `4` is expected (v1.25 x9).',
      },
      space: {
        ...emptySpace(),
        literals: ['1', '2', '4', '5', '6', '9', '25', "'x'", '[1, 2, 2, 4, 6, 9]'],
      },
    };
    const enc = encodeTask(task, vocab);
    // The call's arguments in order, the returned and the expected value; then the literals
    // written only inside the array ("v1.25" and "x9" hold no whole 1, 25 or 9); then the rest.
    expect(enc.literals.map((l) => l.text)).toEqual([
      '[1, 2, 2, 4, 6, 9]',
      '2',
      '6',
      '5',
      '4',
      '1',
      '9',
      '25',
      "'x'",
    ]);
    // Where the prompt writes them alone, a copy pointer may take them (title, then body).
    const call = ['[1, 2, 2, 4, 6, 9]', '2', '6'];
    expect(enc.literalUses.slice(0, 8).map((u) => u.text)).toEqual([...call, ...call, '5', '4']);
    for (const u of enc.literalUses.slice(0, 8)) expect(enc.segments[u.pos]).toBe(SEGMENTS.prompt);
  });

  it('shows the end of a function the issue names, far down a long file', () => {
    const body = Array.from({ length: 12 }, (_, i) => `  total = total + values[${i}] * 2;`);
    const source = [
      filler(30, 'helper'),
      'export function sumScaled(values) {',
      '  let total = 0;',
      ...body,
      '  return total; // SITE',
      '}',
      '',
    ].join('\n');
    const task = bugfix(
      { 'sum.js': source },
      'sumScaled returns the wrong result',
      'Calling `sumScaled([1, 2])` returns 0, but I expected 6.',
    );
    const enc = encodeTask(task, vocab);
    expect(shows(enc, task, 'sum.js', 'return total; // SITE')).toBe(true);
    expect(shows(enc, task, 'sum.js', 'export function sumScaled')).toBe(true);
    expect(enc.texts.length).toBeLessThanOrEqual(512);
  });

  it('shows a helper the named function calls, in another file, before unrelated code', () => {
    const helper = [
      filler(12, 'other'),
      'export function normalise(text) {',
      '  return text.trim().toLowerCase(); // SITE',
      '}',
      '',
    ].join('\n');
    const main = [
      "import { normalise } from './norm.js';",
      filler(12, 'misc'),
      'export function slugify(text) {',
      "  return normalise(text).replace(/ +/g, '-');",
      '}',
      '',
    ].join('\n');
    const task = bugfix(
      { 'slug.js': main, 'norm.js': helper },
      'Unexpected result from slugify',
      'I use `slugify` from `slug.js`: `slugify(" A b ")` returns "A-b".',
    );
    const enc = encodeTask(task, vocab);
    expect(shows(enc, task, 'norm.js', 'SITE')).toBe(true);
    expect(shows(enc, task, 'slug.js', 'export function slugify')).toBe(true);
    // The top of a file (its imports) is shown too.
    expect(shows(enc, task, 'slug.js', 'import { normalise }')).toBe(true);
  });

  it('chooses the window from what the agent sees: the same without gold, hidden and meta', () => {
    const source = [
      filler(20, 'f'),
      'export function target(x) {',
      '  return x + 1;',
      '}',
      '',
    ].join('\n');
    const task = bugfix({ 'a.js': source }, 'target(1) is wrong', 'Calling `target(1)` gives 3.');
    const full: Task = {
      ...task,
      gold: { kind: 'edits', edits: [{ op: 'replace', file: 'a.js', token: 3, text: 'x' }] },
      hidden: { tests: { 'a.test.js': 'test' }, fixedFiles: { 'a.js': source } },
      meta: { mutation: 'arith@10:+', file: 'a.js', line: 3 },
    };
    const stripped: Task = { ...task, gold: { kind: 'files', files: [] }, hidden: { tests: {} } };
    const a = encodeTask(full, vocab);
    const b = encodeTask(stripped, vocab);
    expect(a.texts).toEqual(b.texts);
    expect(a.code).toEqual(b.code);
    expect(Array.from(a.tokens)).toEqual(Array.from(b.tokens));
  });

  it('shows every line a rename must change, tests included, before what the function calls', () => {
    const helpers = filler(25, 'step');
    const calls = Array.from({ length: 25 }, (_, i) => `step${i}(x, ${i})`).join(' + ');
    const source = [helpers, 'export function total(x) {', `  return ${calls};`, '}', ''].join(
      '\n',
    );
    const tests = [
      "import { total } from './t.js';",
      "import { step0 } from './t.js';",
      ...Array.from(
        { length: 30 },
        (_, i) => `test('step ${i}', () => expect(step0(${i}, 1)).toBe(${i}));`,
      ),
      ...Array.from(
        { length: 6 },
        (_, i) => `test('total ${i}', () => expect(total(${i})).toBe(0));`,
      ),
      '',
    ].join('\n');
    const task: Task = {
      ...bugfix(
        { 't.js': source, 't.test.js': tests },
        'Rename total to sumAll',
        'Rename the function `total` (exported from t.js) to `sumAll` everywhere: its definition, every import and every call, tests included.',
      ),
      kind: 'refactor',
      focus: { file: 't.js', fn: 'total', startLine: 126, endLine: 128 },
    };
    const enc = encodeTask(task, vocab);
    const spelled = (file: string): number[] =>
      codeTokens(task.files[file]!)
        .map((t, i) => (t.value === 'total' ? i : -1))
        .filter((i) => i >= 0);
    for (const file of ['t.js', 't.test.js'])
      for (const i of spelled(file))
        expect(enc.code.some((c) => c.file === file && c.token === i)).toBe(true);
  });

  it('marks a skipped stretch of a file with a new <code> block', () => {
    const source = [filler(40, 'g'), 'export function picked(x) {', '  return x;', '}', ''].join(
      '\n',
    );
    const task = bugfix({ 'p.js': source }, 'picked is wrong', 'Calling `picked(2)` gives 3.');
    const enc = encodeTask(task, vocab);
    const lines = [...new Set(enc.code.map((c) => c.line))];
    const gaps = lines.filter((l, i) => i > 0 && l > lines[i - 1]! + 2).length;
    const blocks = enc.texts.filter((t) => t === '<code>').length;
    expect(gaps).toBeGreaterThan(0);
    expect(blocks).toBe(gaps + 1);
  });

  it('focuses an issue to fix on the functions it names as code, and nothing else', () => {
    const source = [filler(3, 'g'), 'export function picked(x) {', '  return x + 1;', '}', ''].join(
      '\n',
    );
    const lineOf = (marker: string) => source.slice(0, source.indexOf(marker)).split('\n').length;
    const from = lineOf('function picked');
    const task = bugfix(
      { 'p.js': source },
      'picked is wrong',
      'Calling `picked(2)` gives 3; g0 is fine.',
    );
    const focused = (enc: EncodedTask) =>
      enc.code.filter((c) => enc.segments[c.pos] === SEGMENTS.focus).map((c) => c.line);
    const lines = focused(encodeTask(task, vocab));
    expect(lines.length).toBeGreaterThan(0);
    expect([...new Set(lines)]).toEqual([from, from + 1, from + 2]);
    // A task with no edits to make (localization) has no focus; a named focus wins.
    const located = {
      ...task,
      kind: 'localization' as const,
      space: { ...emptySpace(), files: ['p.js'] },
    };
    expect(focused(encodeTask(located, vocab))).toEqual([]);
    const named = { ...task, focus: { file: 'p.js', startLine: 2, endLine: 2 } };
    expect([...new Set(focused(encodeTask(named, vocab)))]).toEqual([2]);
  });
});
