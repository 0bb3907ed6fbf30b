import { describe, expect, it } from 'vitest';
import { allowedActions } from './RunProgress';
import { goingRunNote } from './goingNote';

describe('goingRunNote', () => {
  it('says what a paused run allows: resume it, or stop it to start another', () => {
    const note = goingRunNote({ name: 'quick', status: 'paused' });
    expect(note).toBe(
      '"quick" is paused: Resume it to go on, or Stop it to start another run (one run at a time).',
    );
  });

  it('offers only what the run controls allow in that status', () => {
    for (const status of ['preparing', 'running', 'paused'] as const) {
      const note = goingRunNote({ name: 'r', status });
      const can = allowedActions(status);
      expect(note.includes('Resume'), status).toBe(can.resume);
      expect(note.includes('Stop'), status).toBe(can.stop);
      expect(note).not.toContain('Pause');
    }
  });
});
