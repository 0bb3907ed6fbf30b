// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ObservationView } from '../../../protocol/episodes';
import { ObservationPanel, pointedPositions } from './ObservationPanel';

afterEach(cleanup);

const view: ObservationView = {
  ok: true,
  tokens: [
    { text: '<editing>', word: '<editing>', segment: 'tag' },
    { text: 'return', word: 'return', segment: 'code' },
    { text: 'total', word: '<unk2>', segment: 'code' },
    { text: '<nl>', word: '<nl>', segment: 'code' },
    { text: 'x', word: 'x', segment: 'code' },
  ],
};

const open = (el: HTMLElement) => {
  (el as HTMLDetailsElement).open = true;
  fireEvent(el, new Event('toggle'));
};

describe('ObservationPanel', () => {
  it('finds the positions pointer actions chose, with the steps that chose them', () => {
    expect([...pointedPositions(['@2:total', '<ENDEDIT>', '@2:total', '@4:x'])]).toEqual([
      [2, [1, 3]],
      [4, [4]],
    ]);
  });

  it('reads the observation when opened, once, and marks the pointed tokens', async () => {
    let reads = 0;
    const read = () => {
      reads++;
      return Promise.resolve(view);
    };
    render(<ObservationPanel read={read} actionLabels={['@2:total', '<END>']} />);
    expect(reads).toBe(0);
    open(screen.getByTestId('episode-observation'));
    const tokens = await screen.findByTestId('observation-tokens');
    expect(reads).toBe(1);
    const pointed = tokens.querySelector('[data-pos="2"]')!;
    expect(pointed.className).toContain('obs-pointed');
    expect(pointed.textContent).toBe('total1');
    expect(pointed.getAttribute('title')).toBe('#2 · code · <unk2> · pointed at by step 1');
    expect(tokens.querySelector('[data-pos="1"]')!.className).not.toContain('obs-pointed');
    expect(tokens.querySelector('[data-pos="0"]')!.className).toContain('obs-marker');
    // The pointed tokens in words too, with their positions (hover is not the only way).
    expect(screen.getByTestId('observation-pointed').textContent).toBe(
      'Pointed at: #2 total (step 1)',
    );
    // The newline marker shows, and breaks the line.
    expect(tokens.textContent).toBe('<editing>returntotal1⏎\nx');
  });

  it('says why when the observation cannot be rebuilt', async () => {
    const reason = "This run's tasks are not cached.";
    render(
      <ObservationPanel read={() => Promise.resolve({ ok: false, reason })} actionLabels={[]} />,
    );
    open(screen.getByTestId('episode-observation'));
    expect((await screen.findByTestId('observation-unavailable')).textContent).toBe(reason);
  });
});
