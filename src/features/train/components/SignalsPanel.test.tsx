// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignalsPanel } from './SignalsPanel';
import { signalRows, timeSplitRows } from './signals';
import { stepPoint } from './testFixtures';
import { stubResizeObserver } from './testDom';

beforeAll(() => stubResizeObserver());
afterEach(cleanup);

const points = [1, 2, 3].map((s) => stepPoint(s, { kl: s / 100, modelMs: 10 * s, sandboxMs: 5 }));
const runs = [
  { id: 'a', name: 'a', points },
  { id: 'b', name: 'b', points: points.slice(0, 2).map((p) => ({ ...p, kl: 1 })) },
];

describe('signal series', () => {
  it('puts each run in its own column, one row per x', () => {
    expect(signalRows(runs, 'kl', 'step', 100)).toEqual([
      { x: 1, r0: 0.01, r1: 1 },
      { x: 2, r0: 0.02, r1: 1 },
      { x: 3, r0: 0.03 },
    ]);
  });

  it('splits step time into model and sandbox', () => {
    expect(timeSplitRows(runs[0]!, 'episodes', 100)).toEqual([
      { x: 48, model: 10, sandbox: 5 },
      { x: 96, model: 20, sandbox: 5 },
      { x: 144, model: 30, sandbox: 5 },
    ]);
  });
});

describe('SignalsPanel', () => {
  it('draws one small chart per signal with a line per run, and the time split', () => {
    const { container } = render(<SignalsPanel runs={runs} />);
    for (const id of ['kl', 'entropy', 'clipFraction', 'gradNorm', 'learningRate', 'advantageStd'])
      expect(screen.getByTestId(`signal-${id}`).querySelectorAll('.recharts-line').length).toBe(2);
    expect(screen.getByTestId('signal-time-split').querySelectorAll('.recharts-area').length).toBe(
      2,
    );
    expect(container.textContent).toContain('ms per step: model vs sandbox (a)');
  });

  it('draws nothing without runs', () => {
    const { container } = render(<SignalsPanel runs={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
