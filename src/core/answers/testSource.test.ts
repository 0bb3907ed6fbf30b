import { describe, expect, it } from 'vitest';
import { renderTests } from './testSource';

const call = { module: 'arrays.js', fn: 'range', args: ['0', '5000'] };

describe('renderTests', () => {
  it('says why a case has no expected value, instead of expecting a throw that never comes', () => {
    const tooLarge = renderTests([call], [null]);
    expect(tooLarge).toContain(
      'no expected value was recorded for this case: the call hangs, or its value is larger than the 20,000 characters',
    );
    expect(tooLarge).toContain(
      'state its expected value (EXPECT), or call it with a smaller input',
    );
    const unwritable = renderTests([call], [{ threw: 'cannot record a value of type object' }]);
    expect(unwritable).toContain(
      'its value could not be recorded (cannot record a value of type object)',
    );
    expect(unwritable).not.toContain('toThrow');
    // A call that does throw is still expected to.
    expect(renderTests([call], [{ threw: 'bad range' }])).toContain(
      'expect(() => range(0, 5000)).toThrow();',
    );
  });
});
