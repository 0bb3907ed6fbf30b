import { describe, expect, it } from 'vitest';
import { familyIds } from './families';
import { vocabularyFromWords } from './vocab';

describe('familyIds', () => {
  it('maps each family to the ids the vocabulary has, dropping families left with one word', () => {
    const vocab = vocabularyFromWords(['<pad>', '===', 'x', '!==', 'true', '<', '>=', 'slice']);
    expect(familyIds(vocab)).toEqual([
      [1, 3],
      [5, 6],
    ]);
  });
});
