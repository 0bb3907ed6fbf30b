// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PageBoundary } from './PageBoundary';

describe('PageBoundary', () => {
  it('shows what failed in the page’s place, and draws the page again on Try again', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let broken = true;
    function Page() {
      if (broken) throw new TypeError("Cannot read properties of undefined (reading 'editing')");
      return <p>the page</p>;
    }
    render(
      <PageBoundary>
        <Page />
      </PageBoundary>,
    );
    expect(screen.getByTestId('page-failed').textContent).toContain("(reading 'editing')");
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('the page')).toBeTruthy();
    expect(screen.queryByTestId('page-failed')).toBeNull();
    quiet.mockRestore();
    warn.mockRestore();
  });
});
