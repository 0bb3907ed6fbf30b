import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../storage/db';
import type { ImportedRun } from '../storage/runs';
import { importedText } from './importOutcome';

const imported = (name: string, copyOf: string | null = null): ImportedRun => ({
  run: { id: name, name } as RunRecord,
  copyOf,
});

describe('importedText', () => {
  it('names each run imported', () => {
    expect(importedText([])).toBe('');
    expect(importedText([imported('quick')])).toBe('Imported run "quick".');
    expect(importedText([imported('a'), imported('b')])).toBe('Imported 2 runs: "a", "b".');
  });

  it('says of a run that was already here that it is kept, and the import is a copy', () => {
    expect(importedText([imported('quick (import 1)', 'quick')])).toBe(
      'Imported run "quick (import 1)" (a copy: the run was already here as "quick", kept as it was).',
    );
    // Renamed since, its copy keeps the bundle's name: the outcome names the one stored.
    expect(importedText([imported('quick', 'baseline'), imported('new')])).toBe(
      'Imported 2 runs: "quick" (a copy: the run was already here as "baseline", kept as it was), "new".',
    );
  });

  it('says of another run named alike that the import is named apart', () => {
    const apart = { ...imported('quick (import 1)'), nameTaken: 'quick' };
    expect(importedText([apart])).toBe(
      'Imported run "quick (import 1)" (another run here is named "quick").',
    );
  });

  it('says when the answers could not keep their numbers', () => {
    const renumbered = { ...imported('quick'), renumbered: true as const };
    expect(importedText([renumbered])).toBe(
      'Imported run "quick" (its answers are numbered anew, so links to them from elsewhere do not open).',
    );
    expect(importedText([{ ...renumbered, nameTaken: 'x' }])).toMatch(
      /\(another run here is named "x"; its answers are numbered anew/,
    );
  });
});
