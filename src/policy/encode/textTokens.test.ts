import { describe, expect, it } from 'vitest';
import { proseTokens } from './textTokens';

describe('proseTokens', () => {
  it('splits code in backticks into its tokens, without the backticks', () => {
    expect(proseTokens('Calling `chunk([1, 2], 1)` fails; expected `[[1], [2]]`.')).toEqual(
      [
        'Calling',
        'chunk',
        '(',
        '[',
        '1',
        ',',
        '2',
        ']',
        ',',
        '1',
        ')',
        'fails',
        ';',
        'expected',
      ].concat(['[', '[', '1', ']', ',', '[', '2', ']', ']', '.']),
    );
  });

  it('keeps a name in backticks as the bare name and strings whole', () => {
    expect(proseTokens("Use `CLASS_SCORES_2` for `'a b'`")).toEqual([
      'Use',
      'CLASS_SCORES_2',
      'for',
      "'a b'",
    ]);
  });
});
