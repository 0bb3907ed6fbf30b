import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * A page that throws while drawing shows what went wrong in its place, with a way to try again,
 * while the header, the settings and the status bar stay: one unreadable stored row does not
 * blank the app. Give it a `key` per page so another page starts afresh.
 */
export class PageBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for a bug report, with where in the page it happened.
    console.warn('A page failed to draw:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="card" role="alert" data-testid="page-failed">
        <h1>This page could not be shown</h1>
        <p className="error">{error.message || error.name}</p>
        <p>
          The other pages still work (the links above), and nothing stored was changed. Try again
          below or reload the tab. If it happens on every load, a stored run may hold data this
          version cannot read: where the Train page still draws, delete the run from its runs list;
          otherwise the browser&apos;s site settings can clear this app&apos;s data (every run with
          it).
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
