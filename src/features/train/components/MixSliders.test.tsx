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

  it('can be disabled', () => {
    render(<MixSliders mix={{}} onChange={() => {}} disabled />);
    expect(screen.getByTestId<HTMLFieldSetElement>('mix-sliders').disabled).toBe(true);
  });
});
