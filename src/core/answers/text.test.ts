import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAnswer, renderAnswer } from './text';
import type { Answer } from './types';

const samples: Answer[] = [
  { kind: 'files', files: ['src/a.js', 'b.js'] },
  {
    kind: 'edits',
    edits: [
      { op: 'replace', file: 'a.js', token: 17, text: '<=' },
      { op: 'insert', file: 'a.js', line: 3, text: "if (x < 0) throw new RangeError('neg');" },
      { op: 'delete', file: 'b.js', line: 9 },
    ],
  },
  {
    kind: 'tests',
    cases: [
      { module: 'clamp.js', fn: 'clamp', args: ['5', '0', '3'], expect: '3' },
      { module: 'csv.js', fn: 'parse', args: ["'a,b'", "{ delimiter: ',' }"] },
      { module: 'm.js', fn: 'f', args: [] },
    ],
  },
  { kind: 'verdict', verdict: 'NO', comment: 'only handles the example' },
  {
    kind: 'steps',
    steps: [
      { kind: 'files', files: ['a.js'] },
      { kind: 'edits', edits: [{ op: 'replace', file: 'a.js', token: 2, text: '+' }] },
    ],
  },
];

describe('answer text', () => {
  it('round-trips every answer kind', () => {
    for (const answer of samples) expect(parseAnswer(renderAnswer(answer))).toEqual(answer);
  });

  it('round-trips random test cases with literal arguments', () => {
    const literal = fc.oneof(
      fc.integer().map(String),
      fc.string().map((s) => JSON.stringify(s)),
      fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
      fc.constantFrom('true', 'false', 'null', 'undefined', 'NaN'),
    );
    fc.assert(
      fc.property(
        fc.array(literal, { maxLength: 4 }),
        fc.option(literal, { nil: undefined }),
        (args, exp) => {
          const answer: Answer = {
            kind: 'tests',
            cases: [
              { module: 'm.js', fn: 'f', args, ...(exp === undefined ? {} : { expect: exp }) },
            ],
          };
          expect(parseAnswer(renderAnswer(answer))).toEqual(answer);
        },
      ),
    );
  });

  it('says which line is wrong and what was expected', () => {
    expect(() => parseAnswer('FILES a.js')).toThrow(/line 1: FILES must end with END/);
    expect(() => parseAnswer('VERDICT MAYBE')).toThrow(/VERDICT YES or VERDICT NO/);
    expect(() => parseAnswer('\nTEST m.js f(g())')).toThrow(/line 2: argument 1 is not a literal/);
    expect(() => parseAnswer('PATCH x')).toThrow(/unknown instruction "PATCH"/);
    expect(() => parseAnswer('   \n')).toThrow(/empty/);
    expect(() => parseAnswer('FILES a END\nVERDICT YES')).toThrow(/cannot mix/);
    // Said at the line of the other kind, not at the step's first line.
    expect(() => parseAnswer('\n\nTEST a.js f(1) EXPECT 3\nFILES a.js END')).toThrow(
      /^line 4: cannot mix tests and files in one step/,
    );
    expect(() => parseAnswer('VERDICT YES\n\nVERDICT NO')).toThrow(
      /^line 3: only one VERDICT line is allowed/,
    );
  });
});
