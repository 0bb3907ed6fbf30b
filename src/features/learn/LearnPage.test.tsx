// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BugSummary } from '../../protocol/learn';
import { appStore } from '../../state/appStore';
import { initialLearnState } from '../../state/learnSlice';
import { LearnPage } from './LearnPage';
import { STEPS } from './steps';

// No worker here: the list is put in the store, and a bug's read never ends ("Reading the bug…").
vi.mock('../../bridge/learn', () => ({
  loadBugCatalog: vi.fn(),
  readBug: () => new Promise(() => {}),
}));

afterEach(cleanup);

const bug = (id: string): BugSummary => ({
  id,
  project: 'money',
  split: 'test',
  title: `Bug ${id}`,
  listTitle: `Bug ${id}`,
  skills: 5,
});

beforeEach(() => {
  appStore.setState({ learn: initialLearnState });
  appStore.getState().learnActions.catalogReady({
    source: 'two bugs',
    bugs: [bug('bugfix:a:1'), bug('bugfix:b:2')],
  });
});

/** The address the page leaves, shown for the test to read. */
function Address() {
  const { search } = useLocation();
  return <output data-testid="address">{search}</output>;
}

function open(address: string) {
  render(
    <MemoryRouter initialEntries={[address]}>
      <LearnPage />
      <Address />
    </MemoryRouter>,
  );
  return {
    address: () => new URLSearchParams(screen.getByTestId('address').textContent ?? ''),
    previous: screen.getByText<HTMLButtonElement>('Previous bug'),
    next: screen.getByTestId<HTMLButtonElement>('learn-next-bug'),
  };
}

describe('LearnPage: the address and the bug buttons', () => {
  it('a first visit to /learn names the bug and step shown in the address at once', () => {
    const page = open('/learn');
    expect(page.address().get('bug')).toBe('bugfix:a:1');
    expect(page.address().get('step')).toBe('localization');
  });

  it('an address with a bug and no step gains the step shown', () => {
    const page = open('/learn?bug=bugfix:b:2');
    expect(page.address().get('bug')).toBe('bugfix:b:2');
    expect(page.address().get('step')).toBe('localization');
    expect(page.previous.disabled).toBe(false);
    expect(page.next.disabled).toBe(true);
    // The tab names the bug and step.
    expect(document.title).toBe(
      `Bug bugfix:b:2 · ${STEPS.localization.title} · Learn · Atomic Skills Lab`,
    );
  });

  it('an unknown step in the address is replaced by the step shown', () => {
    const page = open('/learn?bug=bugfix:b:2&step=nonsense');
    expect(page.address().get('bug')).toBe('bugfix:b:2');
    expect(page.address().get('step')).toBe('localization');
  });

  it('a bug not in the list leaves Next enabled, to the list’s first bug', () => {
    const page = open('/learn?bug=bugfix:nowhere:0&step=editing');
    expect(page.previous.disabled).toBe(true);
    expect(page.next.disabled).toBe(false);
    fireEvent.click(page.next);
    expect(page.address().get('bug')).toBe('bugfix:a:1');
    expect(page.address().get('step')).toBe('localization');
  });
});
