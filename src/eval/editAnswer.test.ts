import { describe, expect, it } from 'vitest';
import { applyEdits } from '../core/answers/apply';
import { parseAnswer } from '../core/answers/text';
import { emptySpace } from '../core/tasks/space';
import { editAnswer } from './editAnswer';

const source = [
  'export function clamp(x, lo, hi) {',
  '  if (x < lo) return lo;',
  '  if (x > hi) return lo;',
  '  return x;',
  '}',
  '',
].join('\n');

const task = (maxEdits = 6) => ({
  id: 'editing:t:1',
  kind: 'editing' as const,
  split: 'test' as const,
  project: 't',
  prompt: { title: 'Fix clamp', body: '' },
  files: { 'src/clamp.js': source, 'src/other.js': 'export const a = 1;\n' },
  space: { ...emptySpace(), files: ['src/clamp.js'], maxEdits },
});

describe('a person’s edit written as an answer', () => {
  it('a one-token fix is one EDIT, which parses and applies back to the person’s file', () => {
    const fixed = source.replace('return lo;\n  return', 'return hi;\n  return');
    const made = editAnswer(task(), { 'src/clamp.js': fixed });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.edits).toHaveLength(1);
    expect(made.text).toMatch(/^EDIT src\/clamp\.js @\d+ => hi$/);
    const answer = parseAnswer(made.text);
    expect(answer.kind === 'edits' && applyEdits(task().files, answer.edits)['src/clamp.js']).toBe(
      fixed,
    );
  });

  it('spacing and comments are no change; a file that does not tokenize says so', () => {
    const spaced = source.replace('if (x < lo)', 'if (x <  lo /* low */)');
    expect(editAnswer(task(), { 'src/clamp.js': spaced })).toMatchObject({
      ok: false,
      empty: true,
    });
    expect(editAnswer(task(), {})).toMatchObject({ ok: false, empty: true });
    const broken = editAnswer(task(), { 'src/clamp.js': `${source}\n'unterminated` });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.reason).toContain('src/clamp.js does not read as JavaScript');
  });

  it('a change past the task’s edit limit is refused with the limit', () => {
    const rewritten = source
      .replace('x < lo', 'lo > x')
      .replace('x > hi', 'hi < x')
      .replace('return x;', 'return +x;');
    const made = editAnswer(task(1), { 'src/clamp.js': rewritten });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.reason).toContain('(1 in all');
    expect(editAnswer(task(6), { 'src/clamp.js': rewritten }).ok).toBe(true);
  });
});

describe('an edit that lexes but does not parse', () => {
  it('is an answer, with a warning naming the file', () => {
    const made = editAnswer(task(), { 'src/clamp.js': `${source}const = ;\n` });
    expect(made.ok).toBe(true);
    if (made.ok) expect(made.warning).toContain('Does not parse as JavaScript: src/clamp.js');
  });
});
