import { describe, expect, it } from 'vitest';
import { addressMistakes, DEFAULT_VIEW, viewOfAddress, writeView } from './episodeView';

describe('the episodes view in an address', () => {
  it('goes into the address and back, defaults left out and the other parameters kept', () => {
    const view = { batch: 'val:20', kind: 'review', reward: 'unrewarded' } as const;
    const written = writeView(new URLSearchParams({ run: 'r1', episode: '7' }), view);
    expect(written.toString()).toBe('run=r1&episode=7&batch=val-20&kind=review&reward=unrewarded');
    expect(viewOfAddress(written)).toEqual(view);
    expect(writeView(written, DEFAULT_VIEW).toString()).toBe('run=r1&episode=7');
  });

  it('takes a value that is not one (mistyped, cut short) as the default', () => {
    const read = (s: string) => viewOfAddress(new URLSearchParams(s));
    expect(read('batch=val-&kind=reviews&reward=toString')).toEqual({
      batch: null,
      kind: 'all',
      reward: 'all',
    });
    expect(read('batch=final-3').batch).toBeNull();
    expect(read('batch=test-40&kind=security-fix')).toEqual({
      batch: 'test:40',
      kind: 'security-fix',
      reward: 'all',
    });
  });

  it('names each value that is not one, with what its parameter takes', () => {
    const mistakes = addressMistakes(
      new URLSearchParams('run=r&batch=val20&kind=reviews&reward=yes&episode=x'),
    );
    expect(mistakes.map((m) => [m.name, m.value])).toEqual([
      ['batch', 'val20'],
      ['kind', 'reviews'],
      ['reward', 'yes'],
    ]);
    expect(mistakes[1]!.text).toContain('one of localization, editing');
    expect(addressMistakes(new URLSearchParams('batch=val-20&kind=review&reward=all'))).toEqual([]);
    expect(addressMistakes(new URLSearchParams('kind=all&reward=all'))).toEqual([]);
  });
});
