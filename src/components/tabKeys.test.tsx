// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { onTabListKey } from './tabKeys';

afterEach(cleanup);

function Tabs() {
  const [picked, setPicked] = useState(0);
  return (
    <div role="tablist" aria-label="files" onKeyDown={onTabListKey}>
      {['a', 'b', 'c'].map((name, i) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={i === picked}
          tabIndex={i === picked ? 0 : -1}
          onClick={() => setPicked(i)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });

describe('onTabListKey', () => {
  it('moves focus and the pick with the arrows (wrapping), Home and End', () => {
    render(<Tabs />);
    tab('a').focus();
    fireEvent.keyDown(tab('a'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('b'));
    expect(tab('b').getAttribute('aria-selected')).toBe('true');
    expect(tab('b').tabIndex).toBe(0);
    expect(tab('a').tabIndex).toBe(-1);
    fireEvent.keyDown(tab('b'), { key: 'End' });
    expect(tab('c').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tab('c'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(tab('a'));
    fireEvent.keyDown(tab('a'), { key: 'ArrowLeft' });
    expect(tab('c').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tab('c'), { key: 'Home' });
    expect(tab('a').getAttribute('aria-selected')).toBe('true');
  });

  it('leaves other keys, and arrows with a modifier, to the page', () => {
    render(<Tabs />);
    tab('a').focus();
    fireEvent.keyDown(tab('a'), { key: 'ArrowRight', altKey: true });
    fireEvent.keyDown(tab('a'), { key: 'Enter' });
    expect(document.activeElement).toBe(tab('a'));
    expect(tab('a').getAttribute('aria-selected')).toBe('true');
  });
});
