// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MixSliders } from './MixSliders';

afterEach(cleanup);

describe('MixSliders', () => {
  it('shows a missing weight as 1 and reports the whole new mix', () => {
    const onChange = vi.fn();
    render(<MixSliders mix={{ editing: 0 }} onChange={onChange} />);
    const review = screen.getByLabelText<HTMLInputElement>('code review weight');
    expect(review.value).toBe('1');
    expect(screen.getByTestId<HTMLInputElement>('mix-slider-editing').value).toBe('0');
    fireEvent.change(review, { target: { value: '3' } });
    expect(onChange).toHaveBeenCalledWith({ editing: 0, review: 3 });
  });

  it("does not let a going run's last trained skill drop to 0, and says why", () => {
    const onChange = vi.fn();
    render(
      <MixSliders
        mix={{ localization: 0, editing: 0 }}
        onChange={onChange}
        trainKinds={['localization', 'editing', 'review']}
      />,
    );
    const review = screen.getByTestId<HTMLInputElement>('mix-slider-review');
    fireEvent.change(review, { target: { value: '0' } });
    expect(onChange).not.toHaveBeenCalled();
    expect(review.value).toBe('1');
    expect(screen.getByTestId('mix-refused').textContent).toMatch(/must keep a weight above 0/);
    // A skill the run does not train on may go to 0; the message goes once a move is made.
    fireEvent.change(screen.getByTestId('mix-slider-testgen'), { target: { value: '0' } });
    expect(onChange).toHaveBeenCalledWith({ localization: 0, editing: 0, testgen: 0 });
    expect(screen.queryByTestId('mix-refused')).toBeNull();
  });

  it("shows a slider for each kind trained on, composites too, in the kinds' order", () => {
    const { rerender } = render(
      <MixSliders mix={{}} onChange={() => {}} skills={['security-fix', 'localization']} />,
    );
    const sliders = () => screen.queryAllByRole('slider').map((s) => s.dataset.testid);
    expect(sliders()).toEqual(['mix-slider-localization', 'mix-slider-security-fix']);
    rerender(<MixSliders mix={{}} onChange={() => {}} skills={[]} />);
    expect(sliders()).toEqual([]);
    expect(screen.getByTestId('mix-none').textContent).toMatch(/Tick a kind under .train on./);
  });

  it('can be disabled', () => {
    render(<MixSliders mix={{}} onChange={() => {}} disabled />);
    expect(screen.getByTestId<HTMLFieldSetElement>('mix-sliders').disabled).toBe(true);
  });
});
