import { describe, expect, it } from 'vitest';
import { pendingMixFrom } from './pendingMix';

describe('pendingMixFrom', () => {
  it('names the step a resumed run’s last change waits for, beyond the next one', () => {
    // Resumed at step 10 with a change stored at 12 (made during a pause before the tab closed).
    expect(pendingMixFrom([{ step: 2 }, { step: 12 }], 10)).toBe(12);
    expect(pendingMixFrom([{ step: 2 }, { step: 12 }], 11)).toBeNull();
    // A change made during step 10 applies from 11: no wait to speak of.
    expect(pendingMixFrom([{ step: 11 }], 10)).toBeNull();
    expect(pendingMixFrom([], 10)).toBeNull();
  });
});
