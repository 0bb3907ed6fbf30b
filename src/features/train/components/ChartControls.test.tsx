// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChartControls, type ChartSettings } from './ChartControls';

afterEach(cleanup);

const settings: ChartSettings = {
  xAxis: 'step',
  smoothing: 0.6,
  logX: false,
  logY: false,
  groupRuns: false,
  hidden: ['editing'],
};

describe('ChartControls', () => {
  it('offers no kind toggles, not even their empty box, before any reward is logged', () => {
    render(<ChartControls settings={settings} onChange={() => {}} kinds={[]} canGroup={false} />);
    expect(screen.queryByTestId('chart-kinds')).toBeNull();
    expect(screen.getByTestId('x-axis-select')).toBeTruthy();
  });

  it('names the x axis select by its label alone, not its options', () => {
    render(<ChartControls settings={settings} onChange={() => {}} kinds={[]} canGroup={false} />);
    expect(screen.getByRole('combobox', { name: 'x axis' })).toBe(
      screen.getByTestId('x-axis-select'),
    );
  });

  it('toggles a kind in and out of the hidden list', () => {
    const onChange = vi.fn();
    render(
      <ChartControls
        settings={settings}
        onChange={onChange}
        kinds={['localization', 'editing']}
        canGroup={false}
      />,
    );
    const editing = screen.getByTestId<HTMLInputElement>('kind-toggle-editing');
    expect(editing.checked).toBe(false);
    fireEvent.click(screen.getByTestId('kind-toggle-localization'));
    expect(onChange).toHaveBeenLastCalledWith({ ...settings, hidden: ['editing', 'localization'] });
    fireEvent.click(editing);
    expect(onChange).toHaveBeenLastCalledWith({ ...settings, hidden: [] });
  });
});
